import AccueilCore
import HTML
import HTTPCore
import Web

/// Administrators give partner software access to the API: a token per application, with scopes and
/// an expiry, shown once, revocable; the last uses are listed (by token, never the secret).
enum APITokenRoutes {
    static func register(on router: inout Web.Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .manageAccounts)]

        router.get("/admin/jetons", middleware: gate) { request in
            try await list(request, context: context, notice: request.query["info"] == "revoque" ? "Jeton révoqué : il ne donne plus accès à rien." : nil)
        }

        router.post("/admin/jetons", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            let form = try request.form()
            let scopes = Set(form.values("portees").compactMap(APIScope.init(rawValue:)))
            let days = Int(form["duree"] ?? "") ?? 0
            let now = context.now()
            do {
                let created = try await context.store.write { db in
                    try APITokens.create(db, name: form["nom"] ?? "", scopes: scopes, days: days, by: admin.id, at: now)
                }
                return .redirect(to: "/admin/jetons/secret/" + context.reveals.keep(created.secret, label: created.token.name, for: admin.id, now: now))
            } catch let refusal as APITokens.Refusal {
                let message = switch refusal {
                case .name: "Nommez l'application partenaire (2 à 100 caractères)."
                case .noScope: "Choisissez au moins une portée."
                case .days: "La durée va de 1 à \(APITokens.maximumDays) jours."
                }
                return try await list(request, context: context, error: message)
            }
        }

        router.get("/admin/jetons/secret/:id", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            guard let shown = context.reveals.take(try request.parameter("id"), for: admin.id, now: context.now()) else {
                return Layout.response(title: "Jeton déjà affiché", body: "<h1>Jeton déjà affiché</h1><p>Un jeton n'est montré qu'une fois. S'il a été perdu, révoquez-le et créez-en un autre.</p><p><a href=\"/admin/jetons\">Jetons d'API</a></p>",
                                       request: request, status: .gone)
            }
            let body: HTML = """
                <h1>Jeton créé pour « \(shown.label) »</h1>
                <div class="notice success" role="status"><p>Copiez ce jeton maintenant et remettez-le à l'application par un canal sûr :
                <strong>il ne sera plus jamais affiché</strong> (seule son empreinte est gardée).</p></div>
                <p><code class="subscription-url">\(shown.secret)</code></p>
                <p>L'application l'envoie dans l'en-tête <code>Authorization: Bearer …</code> de chaque appel (<a href="/api/v1/openapi.json">description OpenAPI</a>).</p>
                <p><a href="/admin/jetons">Jetons d'API</a></p>
                """
            return Layout.response(title: "Jeton créé", body: body, request: request)
        }

        router.post("/admin/jetons/:id/revocation", middleware: gate) { request in
            guard let admin = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            let now = context.now()
            guard try await context.store.write({ db in try APITokens.revoke(db, id: id, by: admin.id, at: now) }) else { throw HTTPError.notFound }
            return .redirect(to: "/admin/jetons?info=revoque")
        }
    }

    private static func list(_ request: Request, context: AppContext, notice: String? = nil, error: String? = nil) async throws -> HTTPResponse {
        let now = context.now()
        let tokens = try await context.store.read { db in try APITokens.list(db).map { ($0, try APITokens.uses(db, id: $0.id, limit: 5)) } }
        let rows = tokens.map { token, uses -> HTML in
            let state: HTML = token.revokedAt != nil ? "révoqué" : (token.isActive(at: now) ? "actif" : "expiré")
            let revoke: HTML = token.revokedAt == nil ? """
                <form method="post" action="/admin/jetons/\(String(token.id))/revocation">\(FormFields.csrf(request.csrfToken))<button type="submit" class="secondary">Révoquer</button></form>
                """ : .empty
            let recent = uses.map { "\(FrenchDates.dateTime($0.at)) \($0.route) → \(String($0.status))" }.joined(separator: " ; ")
            return """
                <tr><th scope="row">\(token.name)</th><td>\(token.scopes.map(\.rawValue).sorted().joined(separator: ", "))</td>
                <td>\(FrenchDates.dateTime(token.createdAt))</td><td>\(FrenchDates.dateTime(token.expiresAt))</td><td>\(state)</td>
                <td>\(recent.isEmpty ? "—" : recent)</td><td>\(revoke)</td></tr>
                """
        }
        let scopes = APIScope.allCases.map { FormFields.Option($0.rawValue, "\($0.rawValue) — \($0.label)") }
        let body: HTML = """
            <h1>Jetons d'API</h1>
            \(notice.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" as HTML } ?? .empty)
            <p>Un jeton par logiciel partenaire, limité à ce dont il a besoin et pour une durée donnée ; \(String(APIScope.allCases.count)) portées existent.
            Chaque appel est journalisé (jeton, chemin, statut) ; au-delà de \(String(context.configuration.apiCallsPerMinute)) appels par minute, l'application attend.</p>
            <table><caption>Jetons</caption>
            <thead><tr><th scope="col">Application</th><th scope="col">Portées</th><th scope="col">Créé</th><th scope="col">Expire</th><th scope="col">État</th><th scope="col">Derniers appels</th><th scope="col">Action</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"7\">Aucun jeton.</td></tr>" : HTML.join(rows))</tbody></table>
            <h2 id="nouveau">Nouveau jeton</h2>
            \(error.map { "<div class=\"notice error\" role=\"alert\"><p>\($0)</p></div>" as HTML } ?? .empty)
            <form method="post" action="/admin/jetons" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(FormFields.input("nom", label: "Application partenaire", hint: "Par exemple « Logiciel de la Maison du droit ».", required: true, autocomplete: "off"))
            \(FormFields.choices("portees", legend: "Portées", options: scopes, checked: [], multiple: true))
            \(FormFields.input("duree", label: "Durée de validité (jours)", value: "90", type: "number", hint: "De 1 à \(APITokens.maximumDays) jours.", required: true,
                               extra: " min=\"1\" max=\"\(String(APITokens.maximumDays))\""))
            <p><button type="submit">Créer le jeton</button></p>
            </form>
            """
        return Layout.response(title: "Jetons d'API", body: body, request: request, status: error == nil ? .ok : .unprocessableContent)
    }
}
