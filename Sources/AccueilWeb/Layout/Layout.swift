import AccueilCore
import HTML
import HTTPCore
import Web

/// The frame of every page: language, skip link, header with the signed-in user's navigation,
/// main landmark, footer. Styles and scripts are files (the Content-Security-Policy forbids inline ones).
enum Layout {
    /// The document shell shared by every page, the printable slip included. `extraStylesheet`: one
    /// more file for pages that need their own rules (the planning's A4 landscape print layout).
    static func document(title: String, stylesheet: String, extraStylesheet: String? = nil, body: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) — Accueil commun</title>
        <link rel="stylesheet" href="\(stylesheet)">
        \(extraStylesheet.map { "<link rel=\"stylesheet\" href=\"\($0)\">" as HTML } ?? .empty)
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
    }

    /// `stylesheet`: a file of Public/css added after app.css (e.g. "planning.css").
    static func page(title: String, body: HTML, request: Request? = nil, current: String? = nil, stylesheet: String? = nil) -> HTML {
        let navigation = request.map { Navigation.render(for: $0, current: current ?? $0.path) } ?? .empty
        let frame: HTML = """
            <a class="skip-link" href="#contenu">Aller au contenu</a>
            <header class="site-header">
            <p class="brand"><a href="/">Accueil commun</a> <span class="brand-sub">CCAS de Bordeaux · Département de la Gironde</span></p>
            \(navigation)
            </header>
            <main id="contenu" tabindex="-1">
            \(body)
            </main>
            <footer class="site-footer">
            <p>Accueil commun — outil partagé du CCAS de Bordeaux et des Maisons du Département des Solidarités. Les données saisies sont confidentielles.
            <a href="/donnees-personnelles">Vos données personnelles</a></p>
            </footer>
            """
        return document(title: title, stylesheet: "/static/css/app.css", extraStylesheet: stylesheet.map { "/static/css/" + $0 }, body: frame)
    }

    /// A whole HTML response for a page.
    static func response(title: String, body: HTML, request: Request, status: HTTPStatus = .ok, stylesheet: String? = nil) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"],
                     body: page(title: title, body: body, request: request, stylesheet: stylesheet).bytes)
    }
}
