import AccueilCore
import Foundation
import HTML
import HTTPCore
import Orientation
import SQLiteStore
import Web

/// Rectification of a person's identity (GDPR art. 16) by the desk that receives them. The audit
/// trail keeps the history: who changed which fields, when — field names only, never the values.
enum PersonRectificationRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .recordIntake)]

        router.get("/personnes/:id/modifier", middleware: gate) { request in
            let id = try personID(request)
            try await NeedToKnow.require(request, personID: id, context: context)
            guard let person = try await context.store.read({ db in try PersonRepository.find(db, id: id) }), person.mergedInto == nil else { throw HTTPError.notFound }
            return Layout.response(title: "Rectifier l'identité", body: page(request, person, PersonIdentityForm(person)), request: request)
        }

        router.post("/personnes/:id/modifier", middleware: gate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let id = try personID(request)
            try await NeedToKnow.require(request, personID: id, context: context)
            let now = context.now()
            let today = ParisTime(now).day
            let form = PersonIdentityForm(try request.form(), today: today)
            guard form.errors.isEmpty else {
                guard let person = try await context.store.read({ db in try PersonRepository.find(db, id: id) }) else { throw HTTPError.notFound }
                return Layout.response(title: "Rectifier l'identité", body: page(request, person, form), request: request, status: .unprocessableContent)
            }
            let changed = try await context.store.write { db -> [String] in
                // Compared inside the transaction, so the audit names exactly what this save changed.
                guard let current = try PersonRepository.find(db, id: id), current.mergedInto == nil else { throw HTTPError.notFound }
                let updated = form.applied(to: current)
                let changed = PersonIdentityForm.changedFields(from: current, to: updated)
                guard !changed.isEmpty else { return [] }
                try PersonRepository.rectify(db, updated, at: now)
                try AuditTrail.record(db, at: now, account: account.id, .personRectified, subjectType: "personne", subjectID: String(id),
                                      detail: "champs=" + changed.joined(separator: ","))
                return changed
            }
            return .redirect(to: "/personnes/\(id)?rectifie=\(changed.isEmpty ? "0" : "1")")
        }
    }

    static func personID(_ request: Request) throws -> Int64 {
        guard let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
        return id
    }

    static func page(_ request: Request, _ person: Person, _ form: PersonIdentityForm) -> HTML {
        """
        <h1>Rectifier l'identité de \(person.fullName)</h1>
        <p>À la demande de la personne (droit de rectification) ou pour corriger une erreur de saisie. Chaque modification est tracée
        dans le journal (qui, quand, quels champs).</p>
        \(FormFields.errorSummary(form.errors))
        <form method="post" action="/personnes/\(String(person.id))/modifier" class="stack">
        \(FormFields.csrf(request.csrfToken))
        \(form.fields())
        <p><button type="submit">Enregistrer</button> <a href="/personnes/\(String(person.id))">Annuler</a></p>
        </form>
        """
    }
}
