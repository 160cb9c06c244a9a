import AccueilCore
import HTML
import Planning

/// The third part of `/planning`: permanences outside the two Annexe 4 grids (outreach places,
/// France Services, anything created "hors grille"), one line each with site, day, recurrence and
/// people.
enum OtherPermanencesSection {
    static func render(_ permanences: [Permanence], directory: PlanningDirectory, canEdit: Bool) -> HTML {
        let rows = permanences.map { p -> HTML in
            let site = directory.siteName(p.hostSiteID)
            let sender = p.circonscriptionID.map { "\(p.sendingInstitution.shortLabel) \(directory.circonscriptionName($0))" } ?? p.sendingInstitution.shortLabel
            let suppleant: HTML = p.effectiveSuppleantID.map { "\(directory.workerName($0))" as HTML } ?? "<strong class=\"alert-text\">aucun·e</strong>"
            let edit: HTML = canEdit
                ? "<td class=\"no-print\"><a href=\"/planning/permanences/\(p.id)\">Modifier<span class=\"visually-hidden\"> la permanence \(sender) à \(site), le \(p.weekday.label) \(p.halfDay.label)</span></a></td>"
                : .empty
            return """
                <tr id="permanence-\(p.id)"><th scope="row"><a href="/planning/sites/\(p.hostSiteID)/jour">\(site)</a></th><td>\(sender)</td>
                <td>\(p.weekday.capitalizedLabel) \(p.halfDay.label), \(PlanningText.hours(p.start, p.end))</td><td>\(p.recurrence.label)</td>
                <td>\(directory.workerName(p.titulaireID))</td><td>\(suppleant)</td>\(edit)</tr>
                """
        }
        let body: HTML = rows.isEmpty
            ? "<p>Aucune autre permanence en vigueur à cette date.</p>"
            : """
                <table class="planning-grid others">
                <thead><tr><th scope="col">Site</th><th scope="col">Assurée par</th><th scope="col">Jour et horaires</th><th scope="col">Fréquence</th><th scope="col">Titulaire</th><th scope="col">Suppléant·e</th>\(canEdit ? "<th scope=\"col\" class=\"no-print\"><span class=\"visually-hidden\">Actions</span></th>" as HTML : .empty)</tr></thead>
                <tbody>\(HTML.join(rows))</tbody>
                </table>
                """
        let add: HTML = canEdit ? "<p class=\"no-print\"><a href=\"/planning/permanences/nouvelle\">Nouvelle permanence hors grille</a></p>" : .empty
        return """
            <section class="grid-section" aria-labelledby="autres-permanences">
            <h2 id="autres-permanences">Autres permanences (hors les murs, France Services…)</h2>
            \(body)
            \(add)
            </section>
            """
    }
}
