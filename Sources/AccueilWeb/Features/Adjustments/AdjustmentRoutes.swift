import AccueilCore
import HTTPCore
import Orientation
import Web

/// Administrators record, end and list the standing adjustments of the rule; each change is audited.
enum AdjustmentRoutes {
    static func register(on router: inout Web.Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .manageReferential)]

        router.get("/admin/amenagements", middleware: gate) { request in
            let recorded = try await context.store.read { db in try AdjustmentRepository.all(db) }
            let body = AdjustmentPages.list(request, recorded, today: context.today, referential: context.referential, notice: request.query["info"])
            return Layout.response(title: "Aménagements de la règle", body: body, request: request)
        }

        router.get("/admin/amenagements/nouveau", middleware: gate) { request in
            var form = AdjustmentForm()
            form.values["date_accord"] = context.today.description
            form.values["debut"] = context.today.description
            return Layout.response(title: "Enregistrer un aménagement",
                                   body: AdjustmentPages.form(request, form, referential: context.referential, today: context.today), request: request)
        }

        router.post("/admin/amenagements", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            var form = AdjustmentForm(try request.form())
            func again() -> HTTPResponse {
                Layout.response(title: "Enregistrer un aménagement", body: AdjustmentPages.form(request, form, referential: context.referential, today: context.today),
                                request: request, status: .unprocessableContent)
            }
            guard let adjustment = form.adjustment() else { return again() }
            let now = context.now(), referential = context.referential
            let refusal = try await context.store.write { db -> AdjustmentError? in
                do {
                    let id = try AdjustmentRepository.insert(db, adjustment, by: admin.id, at: now, referential: referential)
                    try AuditTrail.record(db, at: now, account: admin.id, .adjustmentRecorded, subjectType: "amenagement", subjectID: String(id),
                                          detail: adjustment.reference)
                    return nil
                } catch let refused as AdjustmentError {
                    return refused
                }
            }
            if let refusal {
                form.errors = [(AdjustmentForm.formField(refusal.field), refusal.message)]
                return again()
            }
            return .redirect(to: "/admin/amenagements?info=enregistre")
        }

        router.post("/admin/amenagements/:id/fin", middleware: gate) { request in
            guard let admin = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            guard let lastDay = (try request.form())["dernier_jour"].flatMap(LocalDate.init(iso:)) else {
                throw HTTPError(.unprocessableContent, "Indiquez le dernier jour de l'aménagement (AAAA-MM-JJ).")
            }
            // Past decisions keep the adjustment that was in force: an end is today or later.
            guard lastDay >= context.today else {
                throw HTTPError(.unprocessableContent, "Le dernier jour ne peut pas être passé : les décisions déjà prises gardent l'aménagement qui s'appliquait.")
            }
            let now = context.now()
            let ended = try await context.store.write { db -> Bool in
                guard try AdjustmentRepository.end(db, id: id, lastDay: lastDay, by: admin.id, at: now) else { return false }
                try AuditTrail.record(db, at: now, account: admin.id, .adjustmentEnded, subjectType: "amenagement", subjectID: String(id),
                                      detail: "dernier jour \(lastDay)")
                return true
            }
            guard ended else {
                throw HTTPError(.conflict, "Cet aménagement est déjà terminé, ou n'est pas en vigueur à cette date : rien n'a été changé.")
            }
            return .redirect(to: "/admin/amenagements?info=termine")
        }
    }
}
