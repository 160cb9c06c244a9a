import AccueilCore
import HTML
import Web

enum AccountAdminPages {
    static func list(_ accounts: [Account], notice: String?) -> HTML {
        let messages = ["modifie": "Le compte a été modifié.", "desactive": "Le compte a été désactivé et ses sessions fermées.",
                        "reactive": "Le compte a été réactivé."]
        let banner: HTML = notice.flatMap { messages[$0] }.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        let rows = accounts.map { account -> HTML in
            """
            <tr><td>\(account.displayName)\(account.isDemo ? " (démonstration)" as HTML : .empty)</td><td><code>\(account.login)</code></td>
            <td>\(account.institution.label)</td><td>\(account.rolesLabel)</td><td>\(account.siteIDs.joined(separator: ", "))</td>
            <td>\(account.disabled ? "Désactivé" : "Actif")</td>
            <td><a href="/admin/comptes/\(String(account.id))">Modifier<span class="visually-hidden"> le compte \(account.login)</span></a></td></tr>
            """
        }
        return """
            <h1>Comptes</h1>
            \(banner)
            <p><a class="button" href="/admin/comptes/nouveau">Créer un compte</a></p>
            <table>
            <caption>\(accounts.count) compte\(accounts.count > 1 ? "s" : "")</caption>
            <thead><tr><th scope="col">Nom</th><th scope="col">Identifiant</th><th scope="col">Institution</th><th scope="col">Rôles</th><th scope="col">Sites</th><th scope="col">État</th><th scope="col">Action</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            """
    }

    static func create(_ request: Request, _ form: AccountForm, sites: [DirectorySite]) -> HTML {
        """
        <h1>Créer un compte</h1>
        \(FormFields.errorSummary(form.errors))
        <p>Un mot de passe provisoire sera généré : vous le communiquerez à la personne, qui devra le changer à sa première connexion.</p>
        <form method="post" action="/admin/comptes" class="stack">
        \(FormFields.csrf(request.csrfToken))
        \(form.fields(sites: sites, creating: true))
        <p><button type="submit">Créer le compte</button> <a href="/admin/comptes">Annuler</a></p>
        </form>
        """
    }

    static func edit(_ request: Request, _ account: Account, _ form: AccountForm, sites: [DirectorySite]) -> HTML {
        let id = String(account.id)
        let csrf = FormFields.csrf(request.csrfToken)
        let toggle: HTML = account.disabled
            ? "<form method=\"post\" action=\"/admin/comptes/\(id)/reactiver\">\(csrf)<button type=\"submit\" class=\"secondary\">Réactiver le compte</button></form>"
            : "<form method=\"post\" action=\"/admin/comptes/\(id)/desactiver\">\(csrf)<button type=\"submit\" class=\"secondary\">Désactiver le compte</button></form>"
        return """
            <h1>Compte de \(account.displayName)</h1>
            <p>État : <strong>\(account.disabled ? "désactivé" : "actif")</strong>.</p>
            \(FormFields.errorSummary(form.errors))
            <form method="post" action="/admin/comptes/\(id)" class="stack">
            \(csrf)
            \(form.fields(sites: sites, creating: false))
            <p><button type="submit">Enregistrer</button> <a href="/admin/comptes">Retour à la liste</a></p>
            </form>
            <h2>Accès</h2>
            <div class="actions">
            \(toggle)
            <form method="post" action="/admin/comptes/\(id)/mot-de-passe">\(csrf)<button type="submit" class="secondary">Réinitialiser le mot de passe</button></form>
            </div>
            <p><a href="/admin/journal?compte=\(account.login)">Voir l'activité de ce compte dans le journal</a></p>
            """
    }

    static func temporaryPassword(login: String, password: String, accountID: Int64, created: Bool) -> HTML {
        """
        <h1>\(created ? "Compte créé" : "Mot de passe réinitialisé")</h1>
        <div class="notice success" role="status">
        <p>Mot de passe provisoire du compte <code>\(login)</code> : <strong><code>\(password)</code></strong></p>
        <p>Il ne sera plus affiché. Communiquez-le à la personne par un canal sûr ; elle devra le changer à sa première connexion.</p>
        </div>
        <p><a href="/admin/comptes/\(String(accountID))">Voir le compte</a> · <a href="/admin/comptes">Retour à la liste</a></p>
        """
    }
}
