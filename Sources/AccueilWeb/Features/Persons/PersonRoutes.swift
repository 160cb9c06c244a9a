import AccueilCore
import Orientation
import HTML
import HTTPCore
import SQLiteStore
import Web

/// A person's file: identity, follow-up, every intake and orientation. Each opening is audited once.
enum PersonRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .readPersonFile)]

        router.get("/personnes/:id", middleware: gate) { request in
            guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            // A merged file answers with the file it went into, whose own scope then applies.
            if let target = try await context.store.read({ db in try PersonRepository.find(db, id: id)?.mergedInto }) {
                return .redirect(to: "/personnes/\(target)", status: .movedPermanently)
            }
            try await NeedToKnow.require(request, personID: id, context: context)
            let now = context.now()
            let file = try await context.store.write { db -> PersonFile? in
                guard let person = try PersonRepository.find(db, id: id) else { return nil }
                // Merged between the check above and this transaction.
                if let target = person.mergedInto { return PersonFile(person: person, redirect: target) }
                let intakes = try IntakeRepository.forPerson(db, id)
                try AuditTrail.record(db, at: now, account: account.id, .personRead, subjectType: "personne", subjectID: String(id))
                return PersonFile(person: person, intakes: intakes, orientations: try OrientationRepository.forPerson(db, id),
                                  notes: try IntakeRepository.notes(db, intakeIDs: intakes.map(\.id), readableBy: account),
                                  sites: try SiteDirectory.all(db),
                                  duplicates: try PersonRepository.matches(db, lastName: person.lastName, firstName: person.firstName, birthDate: person.birthDate).filter { $0.id != id },
                                  merges: try PersonMerge.into(db, personID: id),
                                  rectifications: try AuditTrail.entries(db, rectificationFilter(id)))
            }
            guard let file else { throw HTTPError.notFound }
            if let target = file.redirect { return .redirect(to: "/personnes/\(target)", status: .movedPermanently) }
            // The title stays in browser history on shared desk computers: a number, not a name.
            return Layout.response(title: "Dossier n° \(file.person.id)", body: PersonPage.render(request, file, context: context), request: request)
        }

        router.post("/personnes/:id/fusion", middleware: [RequirePermission(permission: .recordIntake)]) { request in
            guard let account = request.session?.account, let kept = Int64(try request.parameter("id")),
                  let duplicate = Int64(try request.form()["doublon"] ?? "") else { throw HTTPError.badRequest }
            guard kept != duplicate else { throw HTTPError(.unprocessableContent, "Un dossier ne peut pas être fusionné avec lui-même.") }
            try await NeedToKnow.require(request, personID: kept, context: context)
            try await NeedToKnow.require(request, personID: duplicate, context: context)
            let now = context.now()
            do {
                try await merge(kept: kept, duplicate: duplicate, by: account, at: now, context: context)
            } catch PersonMerge.Refusal.sameSession(let date) {
                throw HTTPError(.conflict, "Les deux dossiers ont une place à la même permanence le \(LocalDate(iso: date)?.frenchDescription ?? date) : "
                                + "annulez l'une des deux réservations avant de fusionner. Rien n'a été modifié.")
            }
            return .redirect(to: "/personnes/\(kept)?fusion=1")
        }

        // Undoing a merge: the desk that merged, or the administrators (a merge flagged on the review page).
        router.post("/personnes/:id/defusion", middleware: [RequirePermission(permission: .useDesk)]) { request in
            guard let account = request.session?.account, account.can(.recordIntake) || account.can(.manageDataProtection) else { throw HTTPError.forbidden }
            guard let kept = Int64(try request.parameter("id")), let mergeID = Int64(try request.form()["fusion"] ?? "") else { throw HTTPError.badRequest }
            try await NeedToKnow.require(request, personID: kept, context: context)
            let now = context.now()
            do {
                try await context.store.write { db in
                    guard try db.int("SELECT kept_id FROM person_merges WHERE id = ?", [mergeID]).map(Int64.init) == kept else { throw PersonMerge.Refusal.notFound }
                    let (kept, duplicate) = try PersonMerge.unmerge(db, mergeID: mergeID, by: account.id, at: now)
                    for subject in [kept, duplicate] {
                        try AuditTrail.record(db, at: now, account: account.id, .personsUnmerged, subjectType: "personne", subjectID: String(subject),
                                              detail: "\(duplicate) séparé de \(kept)")
                    }
                }
            } catch PersonMerge.Refusal.notFound {
                throw HTTPError.notFound
            } catch PersonMerge.Refusal.cannotUndo {
                throw HTTPError(.conflict, "Cette fusion ne peut plus être annulée (déjà annulée, ou l'un des dossiers a été effacé).")
            } catch PersonMerge.Refusal.sameSession(let date) {
                throw HTTPError(.conflict, "Séparés, les deux dossiers auraient chacun une place à la même permanence le "
                                + "\(LocalDate(iso: date)?.frenchDescription ?? date) : annulez l'une des deux réservations d'abord. Rien n'a été modifié.")
            }
            return .redirect(to: "/personnes/\(kept)?defusion=1")
        }
    }

    /// The merge the file page offers, checked again in the transaction.
    static func merge(kept: Int64, duplicate: Int64, by account: Account, at now: Int64, context: AppContext) async throws {
        try await context.store.write { db in
                guard let a = try PersonRepository.find(db, id: kept), let b = try PersonRepository.find(db, id: duplicate),
                      a.mergedInto == nil, b.mergedInto == nil else { throw HTTPError.notFound }
                // Only the duplicates the file page offers: same name, compatible birth dates.
                let offered = try PersonRepository.matches(db, lastName: a.lastName, firstName: a.firstName, birthDate: a.birthDate, limit: 50).map(\.id)
                guard offered.contains(duplicate) else {
                    throw HTTPError(.unprocessableContent, "Ces deux dossiers ne portent pas le même nom : ils ne peuvent pas être fusionnés.")
                }
                try PersonMerge.merge(db, duplicate: duplicate, into: kept, by: account.id, at: now)
                for subject in [kept, duplicate] {
                    try AuditTrail.record(db, at: now, account: account.id, .personsMerged, subjectType: "personne", subjectID: String(subject),
                                          detail: "\(duplicate) fusionné dans \(kept)")
                }
        }
    }
}

extension PersonRoutes {
    static func rectificationFilter(_ id: Int64) -> AuditTrail.Filter {
        var filter = AuditTrail.Filter()
        filter.subjectType = "personne"
        filter.subjectID = String(id)
        filter.action = AuditAction.personRectified.rawValue
        filter.limit = 50
        return filter
    }
}

struct PersonFile: Sendable {
    var person: Person
    var intakes: [IntakeRecord] = []
    var orientations: [OrientationRecord] = []
    var notes: [(intakeID: Int64, at: Int64, author: String, text: String)] = []
    var sites: [DirectorySite] = []
    var duplicates: [Person] = []
    /// The merges into this file (undone ones included).
    var merges: [PersonMerge.Record] = []
    /// Rectification history: who changed which identity fields, when (from the audit trail).
    var rectifications: [AuditEntry] = []
    var redirect: Int64?
}
