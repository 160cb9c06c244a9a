import AccueilCore
import HTML
import HTTPCore
import SQLiteStore
import Web

/// Account management for administrators: list, create, edit roles and sites, disable, reset password.
enum AccountAdminRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .manageAccounts)]

        router.get("/admin/comptes", middleware: gate) { request in
            let accounts = try await context.store.read { db in try AccountRepository.all(db) }
            return Layout.response(title: "Comptes", body: AccountAdminPages.list(accounts, notice: request.query["info"]), request: request)
        }

        router.get("/admin/comptes/nouveau", middleware: gate) { request in
            let sites = try await context.store.read { db in try SiteDirectory.all(db) }
            return Layout.response(title: "Nouveau compte", body: AccountAdminPages.create(request, AccountForm(), sites: sites), request: request)
        }

        router.post("/admin/comptes", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            let sites = try await context.store.read { db in try SiteDirectory.all(db) }
            var form = AccountForm(try request.form(), knownSites: Set(sites.map(\.id)), creating: true)
            if form.errors.isEmpty, try await context.store.read({ [login = form.login] db in try AccountRepository.find(db, login: login) }) != nil {
                form.errors.append(("identifiant", "Cet identifiant est déjà utilisé."))
            }
            guard form.errors.isEmpty else {
                return Layout.response(title: "Nouveau compte", body: AccountAdminPages.create(request, form, sites: sites), request: request, status: .unprocessableContent)
            }
            let temporary = Sodium.token(bytes: 12)
            let hash = try await context.hasher.hashAsync(temporary)
            let now = context.now()
            let created = form
            let id = try await context.store.write { db in
                let id = try AccountRepository.insert(db, .init(login: created.login, displayName: created.displayName, institution: created.institution,
                                                                roles: created.roles, siteIDs: created.siteIDs, passwordHash: hash, mustChangePassword: true), at: now)
                try AuditTrail.record(db, at: now, account: admin.id, .accountCreated, subjectType: "compte", subjectID: String(id),
                                      detail: created.roles.sorted().map(\.rawValue).joined(separator: ","))
                return id
            }
            return Layout.response(title: "Compte créé", body: AccountAdminPages.temporaryPassword(login: created.login, password: temporary, accountID: id, created: true), request: request)
        }

        router.get("/admin/comptes/:id", middleware: gate) { request in
            let id = try accountID(request)
            let (account, sites) = try await context.store.read { db in (try AccountRepository.find(db, id: id), try SiteDirectory.all(db)) }
            guard let account else { throw HTTPError.notFound }
            return Layout.response(title: account.displayName, body: AccountAdminPages.edit(request, account, AccountForm(account), sites: sites), request: request)
        }

        router.post("/admin/comptes/:id", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            let id = try accountID(request)
            let (existing, sites) = try await context.store.read { db in (try AccountRepository.find(db, id: id), try SiteDirectory.all(db)) }
            guard let existing else { throw HTTPError.notFound }
            var form = AccountForm(try request.form(), knownSites: Set(sites.map(\.id)), creating: false)
            form.login = existing.login
            if admin.id == id, !form.roles.contains(.administrator) {
                form.errors.append(("roles", "Vous ne pouvez pas retirer votre propre rôle d'administrateur."))
            }
            guard form.errors.isEmpty else {
                return Layout.response(title: existing.displayName, body: AccountAdminPages.edit(request, existing, form, sites: sites), request: request, status: .unprocessableContent)
            }
            let now = context.now()
            let updated = form
            try await context.store.write { db in
                try AccountRepository.update(db, id: id, displayName: updated.displayName, institution: updated.institution)
                try AccountRepository.setRolesAndSites(db, id: id, roles: updated.roles, siteIDs: updated.siteIDs)
                try AuditTrail.record(db, at: now, account: admin.id, .accountUpdated, subjectType: "compte", subjectID: String(id))
                if updated.roles != existing.roles || updated.siteIDs != existing.siteIDs {
                    try AuditTrail.record(db, at: now, account: admin.id, .accountRolesChanged, subjectType: "compte", subjectID: String(id),
                                          detail: "roles=" + updated.roles.sorted().map(\.rawValue).joined(separator: ",") + ";sites=" + updated.siteIDs.joined(separator: ","))
                }
            }
            return .redirect(to: "/admin/comptes?info=modifie")
        }

        for (path, disable) in [("desactiver", true), ("reactiver", false)] {
            router.post("/admin/comptes/:id/" + path, middleware: gate) { request in
                guard let admin = request.session?.account else { throw HTTPError.forbidden }
                let id = try accountID(request)
                if disable, id == admin.id { throw HTTPError(.conflict, "Vous ne pouvez pas désactiver votre propre compte.") }
                let now = context.now()
                try await context.store.write { db in
                    guard try AccountRepository.find(db, id: id) != nil else { throw HTTPError.notFound }
                    try AccountRepository.setDisabled(db, id: id, disable, by: admin.id, at: now)
                    try AuditTrail.record(db, at: now, account: admin.id, disable ? .accountDisabled : .accountEnabled, subjectType: "compte", subjectID: String(id))
                }
                return .redirect(to: "/admin/comptes?info=" + (disable ? "desactive" : "reactive"))
            }
        }

        router.post("/admin/comptes/:id/mot-de-passe", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            let id = try accountID(request)
            // Resetting one's own password here would end one's own session mid-task (found by the
            // wapiti scan, whose session vanished this way); one's own password is changed on its page.
            if id == admin.id {
                throw HTTPError(.conflict, "Pour votre propre compte, changez votre mot de passe depuis « Mon compte ».")
            }
            let temporary = Sodium.token(bytes: 12)
            let hash = try await context.hasher.hashAsync(temporary)
            let now = context.now()
            let login = try await context.store.write { db -> String in
                guard let account = try AccountRepository.find(db, id: id) else { throw HTTPError.notFound }
                try AccountRepository.setPassword(db, id: id, hash: hash, mustChange: true)
                try SessionRepository.endAll(db, accountID: id)
                try AuditTrail.record(db, at: now, account: admin.id, .accountPasswordReset, subjectType: "compte", subjectID: String(id))
                return account.login
            }
            return Layout.response(title: "Mot de passe réinitialisé", body: AccountAdminPages.temporaryPassword(login: login, password: temporary, accountID: id, created: false), request: request)
        }
    }

    static func accountID(_ request: Request) throws -> Int64 {
        guard let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
        return id
    }
}

extension AccountForm {
    init(_ account: Account) {
        self.init()
        login = account.login
        displayName = account.displayName
        institution = account.institution
        roles = account.roles
        siteIDs = account.siteIDs
    }
}
