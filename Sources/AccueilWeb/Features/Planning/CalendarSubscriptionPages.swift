import AccueilCore
import HTML
import Planning
import Web

/// The subscription links' pages: the button that makes one, the page that shows it once, and the
/// list where it is revoked.
enum CalendarSubscriptionPages {
    static let listTitle = "Mes abonnements d'agenda"

    /// The small form under a week view (and on the grid page's "Vos permanences" line).
    static func createButton(_ request: Request, kind: CalendarSubscription.Kind, subjectID: String, label: String = "Créer un lien d'abonnement") -> HTML {
        """
        <form method="post" action="/planning/abonnements" class="inline-form no-print">
        \(FormFields.csrf(request.csrfToken))
        <input type="hidden" name="type" value="\(kind.rawValue)">
        <input type="hidden" name="sujet" value="\(subjectID)">
        <button type="submit" class="secondary">\(label)</button>
        </form>
        """
    }

    static func created(url: String, subjectName: String) -> HTML {
        """
        <h1>Lien d'abonnement créé</h1>
        <div class="notice success" role="status"><p>Voici le lien d'abonnement à l'agenda des permanences « \(subjectName) ».
        Il n'est affiché qu'une seule fois : copiez-le maintenant.</p></div>
        <p><code class="subscription-url">\(url)</code></p>
        <h2>L'ajouter à votre messagerie</h2>
        <ul>
        <li><strong>Outlook</strong> : Calendrier, « Ajouter un calendrier », « S'abonner à partir du web » (ou « À partir d'Internet »), collez le lien, puis validez.</li>
        <li><strong>Thunderbird</strong> : Agenda, « Nouvel agenda… », « Sur le réseau », collez le lien dans « Adresse », puis « Rechercher des agendas » et « S'abonner ».</li>
        </ul>
        <p>Votre messagerie relit l'agenda d'elle-même : les changements du planning y arrivent sans rien refaire.</p>
        <p><strong>Ce lien vaut mot de passe pour cet agenda</strong> : ne le transmettez pas. Il ne contient que les permanences
        (lieux, horaires, travailleurs sociaux), jamais les personnes reçues. Si vous l'avez égaré ou partagé par erreur, révoquez-le
        et créez-en un autre.</p>
        <p><a href="/planning/abonnements">\(listTitle)</a> · <a href="/planning">Retour aux grilles</a></p>
        """
    }

    /// The reveal page reloaded, or opened later: the link was shown once and is not kept in clear.
    static let alreadyShown: HTML = """
        <h1>Lien déjà affiché</h1>
        <p>Un lien d'abonnement n'est affiché qu'une seule fois, juste après sa création : il n'est conservé nulle part en clair.</p>
        <p>Si vous ne l'avez pas copié, révoquez-le dans <a href="/planning/abonnements">\(listTitle)</a> et créez-en un autre
        depuis la semaine d'un site ou d'un travailleur social.</p>
        """

    static func list(_ request: Request, _ subscriptions: [CalendarSubscription], directory: PlanningDirectory, showCreator: Bool, notice: String?) -> HTML {
        let banner: HTML = notice == "revoque" ? "<div class=\"notice success\" role=\"status\"><p>Le lien a été révoqué : il ne donne plus accès à l'agenda.</p></div>" : .empty
        let rows = subscriptions.map { row(request, $0, directory: directory, showCreator: showCreator) }
        let creatorHeader: HTML = showCreator ? "<th scope=\"col\">Créé par</th>" : .empty
        let table: HTML = rows.isEmpty ? "<p>Aucun lien d'abonnement pour l'instant.</p>" : """
            <table>
            <caption>\(showCreator ? "Tous les liens d'abonnement" : "Vos liens d'abonnement")</caption>
            <thead><tr><th scope="col">Agenda</th>\(creatorHeader)<th scope="col">Créé le</th><th scope="col">Dernière lecture</th><th scope="col">État</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            """
        return """
            <h1>\(listTitle)</h1>
            \(banner)
            <p>Les liens permettent à Outlook ou Thunderbird de lire un agenda des permanences sans se connecter. Le lien lui-même
            n'est montré qu'à sa création ; pour en obtenir un, utilisez « Créer un lien d'abonnement » sur la semaine d'un site ou
            d'un travailleur social.\(showCreator ? " En tant que responsable du planning, vous voyez et pouvez révoquer les liens de tous." as HTML : .empty)</p>
            \(table)
            <p><a href="/planning">Retour aux grilles</a></p>
            """
    }

    private static func row(_ request: Request, _ subscription: CalendarSubscription, directory: PlanningDirectory, showCreator: Bool) -> HTML {
        let name = subscription.kind == .site ? "Site : \(directory.siteName(subscription.subjectID))"
            : "Travailleur social : \(directory.workerName(subscription.subjectID))"
        let state: HTML = subscription.revokedAt.map { "Révoqué le \(FrenchDates.dateTime($0))" as HTML } ?? """
            <form method="post" action="/planning/abonnements/\(String(subscription.id))/revoquer" class="inline-form">
            \(FormFields.csrf(request.csrfToken))
            <button type="submit" class="secondary">Révoquer<span class="visually-hidden"> le lien « \(name) » créé le \(FrenchDates.dateTime(subscription.createdAt))</span></button>
            </form>
            """
        return """
            <tr><td>\(name)</td>\(showCreator ? "<td>\(subscription.creatorLogin)</td>" as HTML : .empty)
            <td>\(FrenchDates.dateTime(subscription.createdAt))</td><td>\(subscription.lastUsedAt.map(FrenchDates.dateTime) ?? "jamais")</td>
            <td>\(state)</td></tr>
            """
    }
}
