import AccueilCore
import HTML
import Orientation
import Web

enum SiteAdminPages {
    static func list(_ sites: [DirectorySite], today: LocalDate, notice: String?) -> HTML {
        let messages = ["modifie": "La fiche du site a été enregistrée.", "inchange": "Aucune modification : la fiche du site est inchangée."]
        let banner: HTML = notice.flatMap { messages[$0] }.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        let rows = sites.map { site -> HTML in
            """
            <tr><th scope="row">\(site.name)</th><td>\(site.kind.label)</td><td>\(StaffValue.orUnknown(site.address))</td>
            <td>\(StaffValue.orUnknown(site.phone))</td><td>\(StaffValue.orUnknown(site.openingHours))</td><td>\(StaffValue.orUnknown(site.accessibility))</td>
            <td>\(validity(site, today: today))</td>
            <td><a href="/admin/sites/\(site.id)">Modifier<span class="visually-hidden"> la fiche \(site.name)</span></a></td></tr>
            """
        }
        let incomplete = sites.filter { !$0.hasClosed(before: today) && !$0.missingContact.isEmpty }.map { site -> HTML in
            "<li><a href=\"/admin/sites/\(site.id)\">\(site.name)</a> : \(site.missingContact.joined(separator: ", "))</li>"
        }
        let toComplete: HTML = incomplete.isEmpty ? .empty : """
            <section aria-labelledby="a-completer" class="notice warning">
            <h2 id="a-completer">Coordonnées à compléter (\(incomplete.count) site\(incomplete.count > 1 ? "s" : ""))</h2>
            <p>Rien n'est inventé : tant qu'une donnée manque, la fiche d'orientation n'en imprime rien et invite la personne à la demander à l'accueil.</p>
            <ul>\(incomplete)</ul>
            </section>
            """
        return """
            <h1>Sites et partenaires</h1>
            \(banner)
            \(toComplete)
            <p>Les informations pratiques données aux personnes orientées. Le type, la circonscription et la validité viennent du référentiel territorial et ne se modifient pas ici.</p>
            <table>
            <caption>\(sites.count) site\(sites.count > 1 ? "s" : "")</caption>
            <thead><tr><th scope="col">Nom</th><th scope="col">Type</th><th scope="col">Adresse</th><th scope="col">Téléphone</th><th scope="col">Horaires</th><th scope="col">Accessibilité</th><th scope="col">Validité</th><th scope="col">Action</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            """
    }

    static func edit(_ request: Request, _ site: DirectorySite, _ form: SiteForm) -> HTML {
        """
        <h1>Fiche du site \(site.name)</h1>
        <dl>
        <dt>Identifiant</dt><dd><code>\(site.id)</code></dd>
        <dt>Type</dt><dd>\(site.kind.label)</dd>
        <dt>Circonscription</dt><dd>\(site.circonscription ?? "—")</dd>
        <dt>Validité</dt><dd>\(period(site))</dd>
        </dl>
        \(FormFields.errorSummary(form.errors))
        <form method="post" action="/admin/sites/\(site.id)" class="stack">
        \(FormFields.csrf(request.csrfToken))
        \(form.fields())
        <p><button type="submit">Enregistrer</button> <a href="/admin/sites">Retour à la liste</a></p>
        </form>
        """
    }

    /// "Depuis le 01/10/2022" or "Du 01/10/2022 au 31/12/2023".
    static func period(_ site: DirectorySite) -> String {
        let from = site.validFrom.frenchDescription
        guard let to = site.validTo else { return "Depuis le \(from)" }
        return "Du \(from) au \(to.frenchDescription)"
    }

    /// The period, and whether the site is closed today.
    private static func validity(_ site: DirectorySite, today: LocalDate) -> HTML {
        if site.hasClosed(before: today) { return "\(period(site)) <strong>(fermé)</strong>" }
        return "\(period(site))"
    }
}
