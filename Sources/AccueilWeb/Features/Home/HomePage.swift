import AccueilCore
import HTML
import Web

/// The landing page: what the application is, in plain French; once signed in, the account's dashboard.
enum HomePage {
    static func render(_ request: Request, alerts: HTML = .empty) -> HTML {
        guard let session = request.session else { return Layout.page(title: "Accueil", body: publicBody, request: request) }
        let account = session.account
        let shortcuts = Navigation.items.filter { account.can($0.permission) }
            .map { "<li><a href=\"\($0.path)\">\($0.label)</a></li>" as HTML }
        let notice: HTML = request.query["mot-de-passe"] == "modifie"
            ? "<div class=\"notice success\" role=\"status\"><p>Votre mot de passe a été modifié.</p></div>" : .empty
        let body: HTML = """
            <h1>Bonjour \(account.displayName)</h1>
            \(notice)
            <p>\(account.rolesLabel) · \(account.institution.label)</p>
            \(alerts)
            <h2>Accès rapides</h2>
            <ul class="shortcuts">\(HTML.join(shortcuts))</ul>
            """
        return Layout.page(title: "Tableau de bord", body: body, request: request)
    }

    static let publicBody: HTML = """
        <h1>Accueil commun des solidarités à Bordeaux</h1>
        <p class="lead">L'outil partagé de l'accueil social de proximité du CCAS de Bordeaux et des Maisons du
        Département des Solidarités (MDS) de la Gironde.</p>
        <p><a class="button" href="/connexion">Se connecter</a></p>
        <section aria-labelledby="ce-que-fait">
        <h2 id="ce-que-fait">Ce que fait l'application</h2>
        <ul>
        <li>Enregistrer l'accueil d'une personne en moins d'une minute, sur place, par téléphone ou par courriel.</li>
        <li>Appliquer les règles de répartition CCAS / MDS de la convention et expliquer chaque décision.</li>
        <li>Réserver un rendez-vous ou une place en permanence, et imprimer la fiche d'orientation.</li>
        <li>Suivre si la personne s'est présentée, pour que personne ne soit renvoyé d'un guichet à l'autre.</li>
        <li>Planifier les permanences des travailleurs sociaux et suivre l'activité de l'accueil commun.</li>
        </ul>
        </section>
        <section aria-labelledby="donnees">
        <h2 id="donnees">Données personnelles</h2>
        <p>Les informations enregistrées concernent des personnes en situation de fragilité. Elles sont réservées
        aux agents habilités, chaque consultation est tracée, et elles sont supprimées à la fin de leur durée de
        conservation.</p>
        </section>
        """
}
