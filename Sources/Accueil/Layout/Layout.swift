import HTML

/// The frame of every page: language, skip link, header, main landmark, footer.
/// Styles and scripts are files (the Content-Security-Policy forbids inline ones).
enum Layout {
    static func page(title: String, body: HTML, navigation: HTML = .empty) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) — Accueil commun</title>
        <link rel="stylesheet" href="/static/css/app.css">
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
        </head>
        <body>
        <a class="skip-link" href="#contenu">Aller au contenu</a>
        <header class="site-header">
        <p class="brand"><a href="/">Accueil commun</a> <span class="brand-sub">CCAS de Bordeaux · Département de la Gironde</span></p>
        \(navigation)
        </header>
        <main id="contenu" tabindex="-1">
        \(body)
        </main>
        <footer class="site-footer">
        <p>Accueil commun — outil partagé du CCAS de Bordeaux et des Maisons du Département des Solidarités. Les données saisies sont confidentielles.</p>
        </footer>
        </body>
        </html>
        """
    }
}
