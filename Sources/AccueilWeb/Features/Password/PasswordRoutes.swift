import AccueilCore
import HTML
import HTTPCore
import Web

/// Each user changes their own password; a temporary one must be changed before anything else.
enum PasswordRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .useDesk)]
        router.get(RequirePermission.passwordChangePath, middleware: gate) { request in
            Layout.response(title: "Mot de passe", body: form(request, errors: []), request: request)
        }
        router.post(RequirePermission.passwordChangePath, middleware: gate) { request in
            guard let session = request.session else { throw HTTPError.forbidden }
            let form = try request.form()
            let current = form["actuel"] ?? "", new = form["nouveau"] ?? "", confirmation = form["confirmation"] ?? ""
            var errors: [(field: String, message: String)] = []
            let stored = try await context.store.read { db in try AccountRepository.find(db, login: session.account.login)?.passwordHash }
            if await !context.hasher.verifyAsync(current, against: stored ?? context.decoyHash) {
                errors.append(("actuel", "Le mot de passe actuel est incorrect."))
            }
            if let problem = context.passwordPolicy.problem(with: new, login: session.account.login) {
                errors.append(("nouveau", problem))
            } else if new == current {
                errors.append(("nouveau", "Le nouveau mot de passe doit être différent de l'actuel."))
            }
            if new != confirmation { errors.append(("confirmation", "La confirmation ne correspond pas au nouveau mot de passe.")) }
            guard errors.isEmpty else {
                return Layout.response(title: "Mot de passe", body: self.form(request, errors: errors), request: request, status: .unprocessableContent)
            }
            let hash = try await context.hasher.hashAsync(new)
            let now = context.now()
            try await context.store.write { db in
                try AccountRepository.setPassword(db, id: session.account.id, hash: hash, mustChange: false)
                // Other sessions of this account end: a password change is often a response to a doubt.
                try SessionRepository.endAll(db, accountID: session.account.id, except: session.tokenHash)
                try AuditTrail.record(db, at: now, account: session.account.id, .passwordChanged, subjectType: "compte", subjectID: String(session.account.id))
            }
            return .redirect(to: "/?mot-de-passe=modifie")
        }
    }

    static func form(_ request: Request, errors: [(field: String, message: String)]) -> HTML {
        let error = { (field: String) in errors.first { $0.field == field }?.message }
        let mustChange = request.session?.account.mustChangePassword == true
        return """
            <h1>Changer de mot de passe</h1>
            \(mustChange ? "<div class=\"notice warning\" role=\"status\"><p>Votre mot de passe est provisoire : choisissez-en un nouveau pour continuer.</p></div>" as HTML : .empty)
            \(FormFields.errorSummary(errors))
            <form method="post" action="\(RequirePermission.passwordChangePath)" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(FormFields.input("actuel", label: "Mot de passe actuel", type: "password", error: error("actuel"), required: true, autocomplete: "current-password"))
            \(FormFields.input("nouveau", label: "Nouveau mot de passe", type: "password", hint: "Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.", error: error("nouveau"), required: true, autocomplete: "new-password"))
            \(FormFields.input("confirmation", label: "Confirmation du nouveau mot de passe", type: "password", error: error("confirmation"), required: true, autocomplete: "new-password"))
            <p><button type="submit">Enregistrer le nouveau mot de passe</button></p>
            </form>
            """
    }
}
