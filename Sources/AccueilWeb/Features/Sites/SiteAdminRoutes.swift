import AccueilCore
import HTTPCore
import Web

/// The partner directory for administrators: list every site, edit a site's practical details.
enum SiteAdminRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .manageReferential)]

        router.get("/admin/sites", middleware: gate) { request in
            let sites = try await context.store.read { db in try SiteDirectory.all(db) }
            let body = SiteAdminPages.list(sites, today: context.today, notice: request.query["info"])
            return Layout.response(title: "Sites et partenaires", body: body, request: request)
        }

        router.get("/admin/sites/:id", middleware: gate) { request in
            let id = try request.parameter("id")
            guard let site = try await context.store.read({ db in try SiteDirectory.find(db, id: id) }) else { throw HTTPError.notFound }
            return Layout.response(title: site.name, body: SiteAdminPages.edit(request, site, SiteForm(site)), request: request)
        }

        router.post("/admin/sites/:id", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            let id = try request.parameter("id")
            guard let existing = try await context.store.read({ db in try SiteDirectory.find(db, id: id) }) else { throw HTTPError.notFound }
            let form = SiteForm(try request.form())
            guard form.errors.isEmpty else {
                return Layout.response(title: existing.name, body: SiteAdminPages.edit(request, existing, form), request: request,
                                       status: .unprocessableContent)
            }
            let now = context.now()
            let changed = try await context.store.write { db -> [String] in
                // Compared with the row as it is inside this transaction, so the audit names exactly
                // what this save changed even if another administrator saved in between.
                guard let current = try SiteDirectory.find(db, id: id) else { throw HTTPError.notFound }
                let updated = form.applied(to: current)
                let changed = SiteForm.changedFields(from: current, to: updated)
                guard !changed.isEmpty else { return [] }
                try SiteDirectory.update(db, updated)
                try AuditTrail.record(db, at: now, account: admin.id, .referentialChanged, subjectType: "site", subjectID: id,
                                      detail: changed.joined(separator: ","))
                return changed
            }
            return .redirect(to: "/admin/sites?info=" + (changed.isEmpty ? "inchange" : "modifie"))
        }
    }
}
