import AccueilCore
import HTML
import Orientation
import Web

/// The printable answer to a right-of-access request, plus (on screen only) the JSON copy and erasure.
enum SubjectAccessPage {
    static func render(_ request: Request, _ report: SubjectAccessReport, now: Int64, error: String? = nil, context: AppContext) -> HTML {
        let p = report.person
        let site = { (id: String?) in id.map { report.sites[$0] ?? $0 } ?? "—" }
        let sectorLabel = { (key: String) in context.referential.sector(key: key)?.label }
        let intakes = report.intakes.map { i -> HTML in
            let motives = i.motives.map { context.motives.motive($0)?.label ?? $0 } + (i.expulsionStage.map { ["étape de la procédure d'expulsion : \($0.label)"] } ?? [])
            let details = [i.household.map { "Foyer : \(HouseholdSummary.text($0, sectorLabel: sectorLabel, communeName: { report.communes[$0] }))" }, report.ages[i.id].map { "Âge : \($0) ans" }, i.language.map { "Langue : \($0.frenchName)" },
                           i.interpreterNeeded ? "Interprète demandé" : nil,
                           i.accessibilityNeeds.map { "Accessibilité : \($0)" }].compactMap { $0 }.joined(separator: " · ")
            return "<tr><td>\(FrenchDates.dateTime(i.at))</td><td>\(site(i.siteID))</td><td>\(i.channelDescription) · niveau \(i.level)</td><td>\(motives.joined(separator: ", "))</td><td>\(details.isEmpty ? "—" : details)</td></tr>"
        }
        let notes = report.notes.map { "<li>\(FrenchDates.dateTime($0.at)) — \($0.institution) : \($0.text)</li>" as HTML }
        let orientations = report.orientations.map { o -> HTML in
            "<tr><td>\(o.reference)</td><td>\(FrenchDates.dateTime(o.createdAt))</td><td>\(o.commune.map { "hors Bordeaux — \(o.service.shortName) de la commune (\(report.communes[$0] ?? $0))" } ?? "\(o.service.shortName) — \(site(o.siteID))")\(o.isDerogation ? " (dérogation : \(o.derogationJustification ?? "justification effacée"))" : "")</td><td>\(BookingText.describe(o))</td><td>\(o.status.label)\(o.statusAt.map { " le \(FrenchDates.dateTime($0))" } ?? "")</td></tr>"
        }
        let bookings = report.bookings.map { "<li>\($0.date) à \($0.time) — \(site($0.site))\($0.cancelledAt == nil ? "" : " (annulé)")</li>" as HTML }
        let history = report.history.map { "<tr><td>\(FrenchDates.dateTime($0.at))</td><td>\($0.label)</td><td>\($0.institution ?? "système")</td></tr>" as HTML }
        let errorBanner: HTML = error.map { "<div class=\"notice error\" role=\"alert\"><p>\($0)</p></div>" } ?? .empty
        return """
            \(withheldNotice(report))
            <h1>Données détenues sur \(p.fullName)</h1>
            \(errorBanner)
            <p>Document établi le \(FrenchDates.dateTime(now)) en réponse à une demande d'accès (RGPD, article 15), par le CCAS de Bordeaux
            et le Département de la Gironde, responsables conjoints de l'outil « Accueil commun ». Finalité : l'accueil du public et son orientation.
            Durées de conservation et droits : voir la page « Vos données personnelles » (/donnees-personnelles).</p>
            <h2>Identité</h2>
            <dl class="site-card">
            <dt>Dossier n°</dt><dd>\(String(p.id))</dd>
            <dt>Nom, prénom</dt><dd>\(p.lastName), \(p.firstName)</dd>
            <dt>Date de naissance</dt><dd>\(p.birthDate.flatMap { LocalDate(iso: $0)?.frenchDescription } ?? "non enregistrée")</dd>
            <dt>Téléphone</dt><dd>\(p.phone ?? "non enregistré")</dd>
            <dt>Suivi en cours</dt><dd>\(p.followedBy?.shortName ?? "aucun enregistré")\(p.referent.map { " — référent : \($0)" } ?? "")</dd>
            <dt>Dossier créé le</dt><dd>\(FrenchDates.dateTime(report.createdAt))</dd>
            </dl>
            <h2>Accueils</h2>
            <table><caption>\(report.intakes.count) accueil(s)</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Site</th><th scope="col">Canal</th><th scope="col">Motifs</th><th scope="col">Situation</th></tr></thead>
            <tbody>\(HTML.join(intakes))</tbody></table>
            <h2>Notes d'évaluation</h2>
            \(notes.isEmpty ? "<p>Aucune note.</p>" as HTML : "<ul>\(HTML.join(notes))</ul>")
            <h2>Orientations et présence aux rendez-vous</h2>
            <table><caption>\(report.orientations.count) orientation(s)</caption>
            <thead><tr><th scope="col">N°</th><th scope="col">Date</th><th scope="col">Destination</th><th scope="col">Rendez-vous</th><th scope="col">Suite</th></tr></thead>
            <tbody>\(HTML.join(orientations))</tbody></table>
            <h2>Places réservées dans les permanences</h2>
            \(bookings.isEmpty ? "<p>Aucune.</p>" as HTML : "<ul>\(HTML.join(bookings))</ul>")
            <h2>Consultations et modifications du dossier</h2>
            <table><caption>\(report.history.count) trace(s) du journal d'accès</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Action</th><th scope="col">Service</th></tr></thead>
            <tbody>\(HTML.join(history))</tbody></table>
            <div class="no-print">
            <p><button type="button" class="print-button" hidden>Imprimer</button>
            <a href="/personnes/\(String(p.id))/export.json">Télécharger la copie au format JSON</a></p>
            <h2>Effacement</h2>
            <p>Sur demande de la personne, le dossier, les notes et la situation du foyer sont effacés ; les accueils et orientations restent
            dans les chiffres, sans lien avec elle. Impossible tant qu'une orientation est en cours.</p>
            <form method="post" action="/personnes/\(String(p.id))/effacement" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(FormFields.checkbox("confirmation", label: "Je confirme l'effacement définitif des données de cette personne", checked: false))
            <p><button type="submit" class="secondary">Effacer les données de la personne</button></p>
            </form>
            </div>
            <script src="/static/js/print.js" defer></script>
            """
    }

    /// For the administrator answering the request, on screen only: what the protection exception
    /// leaves out of the person's copy (counts, no content).
    static func withheldNotice(_ report: SubjectAccessReport) -> HTML {
        let (flags, alerts) = report.withheld
        guard flags + alerts > 0 else { return .empty }
        return """
            <div class="notice warning no-print" role="note"><p><strong>Pour l'administrateur, non imprimé :</strong> exception de protection
            (RGPD art. 23) — ce document ne contient pas \(flags > 0 ? "l'indication de protection de l'enfance de \(flags) accueil\(flags > 1 ? "s" : "")" : "")\(flags > 0 && alerts > 0 ? " ni " : "")\(alerts > 0 ? "\(alerts) alerte\(alerts > 1 ? "s" : "") de protection" : "").
            Les destinataires (MDS concernée, CCAS pour un adulte) les détiennent ; voir le registre des traitements.</p></div>
            """
    }
}
