import AccueilCore
import Foundation
import HTML
import HTTPCore
import Web

/// Right of access (printable page, JSON copy) and right to erasure, for `manageDataProtection`.
/// Every export is audited: the person's history then shows that their data were communicated.
enum SubjectAccessRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .manageDataProtection)]

        router.get("/personnes/:id/donnees", middleware: gate) { request in
            let (report, now) = try await load(request, context: context, format: "page")
            return Layout.response(title: "Données du dossier n° \(report.person.id)", body: SubjectAccessPage.render(request, report, now: now, context: context), request: request)
        }

        router.get("/personnes/:id/export.json", middleware: gate) { request in
            let (report, now) = try await load(request, context: context, format: "json")
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8",
                                                       "Content-Disposition": "attachment; filename=\"donnees-personne-\(report.person.id).json\""],
                                body: Array(report.json(generatedAt: now)))
        }

        router.post("/personnes/:id/effacement", middleware: gate) { request in
            guard let admin = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            try await NeedToKnow.require(request, personID: id, context: context)
            guard try request.form()["confirmation"] == "1" else {
                throw HTTPError(.unprocessableContent, "Cochez la case de confirmation pour effacer les données.")
            }
            let now = context.now()
            do {
                try await context.store.write { db in try PersonErasure.erase(db, personID: id, account: admin.id, at: now) }
            } catch PersonErasure.Refusal.notFound {
                throw HTTPError.notFound
            } catch PersonErasure.Refusal.openOrientation {
                throw HTTPError(.conflict, "Une orientation de cette personne est encore en cours : enregistrez sa suite (ou annulez-la) avant l'effacement.")
            }
            return .redirect(to: "/admin/donnees?info=efface")
        }
    }

    static func load(_ request: Request, context: AppContext, format: String) async throws -> (SubjectAccessReport, Int64) {
        guard let admin = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
        try await NeedToKnow.require(request, personID: id, context: context)
        let now = context.now()
        let report = try await context.store.write { db -> SubjectAccessReport? in
            guard let report = try SubjectAccessReport.load(db, personID: id) else { return nil }
            try AuditTrail.record(db, at: now, account: admin.id, .personExported, subjectType: "personne", subjectID: String(id), detail: format)
            return report
        }
        guard let report else { throw HTTPError.notFound }
        return (report, now)
    }
}
