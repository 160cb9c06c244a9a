import HTML
import Orientation

/// The fiche d'orientation: one A4 page the person takes along, in plain French, without navigation.
enum ReferralSlip {
    static func render(_ view: OrientationView, context: AppContext) -> HTML {
        let o = view.orientation
        let documents = context.motives.documents(for: view.intake.motives)
        let motives = view.intake.motives.compactMap { context.motives.motive($0)?.label }
        let person = view.person
        let birth = person?.birthDate.flatMap { LocalDate(iso: $0)?.frenchDescription }
        let body: HTML = """
            <main class="slip">
            <header class="slip-head">
            <p class="slip-brand">Accueil commun — CCAS de Bordeaux · Département de la Gironde</p>
            <h1>Fiche d'orientation</h1>
            <p class="slip-ref">N° <strong>\(o.reference)</strong> · le \(FrenchDates.dateTime(o.createdAt))</p>
            </header>
            <section>
            <h2>Vous êtes orienté(e) vers</h2>
            <p class="slip-destination"><strong>\(view.destination?.name ?? (o.service == "MDS" ? "Maison du Département des Solidarités" : "CCAS de Bordeaux"))</strong></p>
            \(SiteCard.render(view.destination))
            <p class="slip-booking"><strong>\(BookingText.describe(o))</strong></p>
            </section>
            <section>
            <h2>Personne</h2>
            <p>\(person?.fullName ?? "—")\(birth.map { ", né(e) le \($0)" } ?? "")\(person?.phone.map { " · \($0)" } ?? "")</p>
            <p>Motif\(motives.count > 1 ? "s" : "") : \(motives.joined(separator: ", "))</p>
            </section>
            <section>
            <h2>Pourquoi ce service</h2>
            <ul>\(HTML.join(o.reasons.map { "<li>\($0)</li>" }))</ul>
            </section>
            \(documents.isEmpty ? .empty : "<section><h2>Documents à apporter</h2><ul>\(HTML.join(documents.map { "<li>\($0)</li>" }))</ul></section>" as HTML)
            <section>
            <h2>Accord</h2>
            <p>\(view.intake.consentOrientation ? "La personne a accepté cette orientation." : "—")
            \(view.intake.consentSharing ? "Elle a accepté que les premiers éléments soient transmis au service de destination." : "Elle n'a pas souhaité que des éléments soient transmis : elle présentera sa situation au rendez-vous.")</p>
            </section>
            <section>
            <h2>Orientée par</h2>
            <p>\(view.origin?.name ?? "—") · \(view.agentName)\(view.origin?.phone.map { " · \($0)" } ?? "")</p>
            </section>
            <footer class="slip-privacy">
            <p><strong>Vos données personnelles.</strong> Le CCAS de Bordeaux et le Département de la Gironde, responsables conjoints,
            enregistrent ces informations pour organiser votre accueil et votre orientation, et les conservent pour la durée
            nécessaire à votre accompagnement. Vous pouvez y accéder, les faire rectifier ou demander leur effacement auprès de
            l'accueil du CCAS (Cité Municipale, 4 rue Claude Bonnier, Bordeaux) ou de votre Maison du Département des Solidarités,
            et saisir la CNIL (www.cnil.fr). Tout savoir (durées de conservation, droits) :
            page <a href="/donnees-personnelles">« Vos données personnelles »</a> de l'Accueil commun, ou demandez-la à l'accueil.</p>
            </footer>
            <p class="no-print slip-actions"><button type="button" class="print-button" hidden>Imprimer</button> <a href="/orientations/\(String(o.id))">Retour</a></p>
            </main>
            <script src="/static/js/print.js" defer></script>
            """
        return Layout.document(title: "Fiche d'orientation \(o.reference)", stylesheet: "/static/css/slip.css", body: body)
    }
}
