import AccueilCore
import HTML
import Web

enum LoginPage {
    static func render(_ request: Request, login: String = "", returnPath: String = "/", message: HTML = .empty, demo: Bool) -> HTML {
        let demoTable: HTML = demo ? """
            <section aria-labelledby="comptes-demo" class="notice">
            <h2 id="comptes-demo">Comptes de démonstration</h2>
            <p>Cette instance tourne en mode démonstration, avec des données fictives. Ces comptes n'existent pas en production.</p>
            <table>
            <caption>Identifiants et mots de passe de démonstration</caption>
            <thead><tr><th scope="col">Rôle</th><th scope="col">Identifiant</th><th scope="col">Mot de passe</th></tr></thead>
            <tbody>\(HTML.join(DemoAccounts.all.map { "<tr><td>\($0.roles.sorted().map(\.label).joined(separator: ", ")) (\($0.institution.rawValue))</td><td><code>\($0.login)</code></td><td><code>\($0.password)</code></td></tr>" }))</tbody>
            </table>
            </section>
            """ : .empty
        let body: HTML = """
            <h1>Connexion</h1>
            \(message)
            <form method="post" action="/connexion" class="stack login-form">
            \(FormFields.csrf(request.csrfToken))
            <input type="hidden" name="retour" value="\(returnPath)">
            \(FormFields.input("identifiant", label: "Identifiant", value: login, required: true, autocomplete: "username"))
            \(FormFields.input("mot_de_passe", label: "Mot de passe", type: "password", required: true, autocomplete: "current-password"))
            <p><button type="submit">Se connecter</button></p>
            </form>
            \(demoTable)
            """
        return Layout.page(title: "Connexion", body: body, request: request)
    }
}
