import AccueilCore
import HTML
import HTTPCore
import Web

/// Retention settings, purge preview and manual purge, for the holders of `manageDataProtection`.
enum RetentionRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .manageDataProtection)]

        router.get("/admin/donnees", middleware: gate) { request in
            let now = context.now()
            let (settings, plan) = try await context.store.read { db in (try RetentionSettings.load(db), try RetentionPurge.preview(db, now: now)) }
            let values = settings.months.mapValues { String($0) }
            return Layout.response(title: "Données personnelles", body: RetentionPage.render(request, values: values, errors: [], plan: plan, notice: request.query["info"]), request: request)
        }

        router.post("/admin/donnees", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            let form = try request.form()
            var values: [RetentionCategory: String] = [:]
            var settings = RetentionSettings.defaults
            var errors: [(field: String, message: String)] = []
            for category in RetentionCategory.allCases {
                let text = (form[category.rawValue] ?? "").trimmed
                values[category] = String(text.prefix(4))
                if let months = Int(text) { settings.months[category] = months } else {
                    errors.append((category.rawValue, "\(category.label) : indiquez un nombre de mois."))
                }
            }
            if errors.isEmpty { errors = settings.validationErrors() }
            let now = context.now()
            guard errors.isEmpty else {
                let plan = try await context.store.read { db in try RetentionPurge.preview(db, now: now) }
                return Layout.response(title: "Données personnelles", body: RetentionPage.render(request, values: values, errors: errors, plan: plan, notice: nil),
                                       request: request, status: .unprocessableContent)
            }
            let saved = settings
            try await context.store.write { db in
                try saved.save(db, account: admin.id, at: now)
                try AuditTrail.record(db, at: now, account: admin.id, .retentionChanged, detail: saved.auditDetail)
            }
            return .redirect(to: "/admin/donnees?info=enregistre")
        }

        router.post("/admin/donnees/purge", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            let now = context.now()
            _ = try await context.store.write { db in try RetentionPurge.run(db, now: now, account: admin.id) }
            return .redirect(to: "/admin/donnees?info=purge")
        }

        router.get("/admin/donnees/droits", middleware: gate) { request in
            guard let id = Int64((request.query["dossier"] ?? "").trimmed), id > 0 else {
                throw HTTPError(.unprocessableContent, "Indiquez un numéro de dossier valide.")
            }
            return .redirect(to: "/personnes/\(id)/donnees")
        }
    }
}
