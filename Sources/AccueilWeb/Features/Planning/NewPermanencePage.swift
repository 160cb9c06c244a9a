import AccueilCore
import HTML
import Planning
import Web

/// Adding a permanence, for managers: from a grid cell, or "hors grille" at any active site.
enum NewPermanencePage {
    static func title(_ form: NewPermanenceForm) -> String {
        if case .free = form.placement { return "Nouvelle permanence hors grille" }
        return "Ajouter une permanence"
    }

    static func render(_ request: Request, _ form: NewPermanenceForm, snapshot: PlanningSnapshot, sites: [PlanningSite]) -> HTML {
        let directory = snapshot.directory
        let place: HTML = switch form.placement {
        case .cell(.mdsAtCCAS, let row):
            "<p>Circonscription \(directory.circonscriptionName(row)) à \(directory.siteName(PlanningSnapshot.ccasSiteID)).</p>"
        case .cell(.ccasInMDS, let row):
            "<p>CCAS à \(directory.siteName(row)).</p>"
        case .free:
            "<p>Une permanence en dehors des deux grilles de l'annexe 4 : hors les murs (centres d'animation…), Maison France Services, ou tout autre site du référentiel.</p>"
        }
        let circonscriptions = PlanningSnapshot.circonscriptionIDs.map { (id: $0, name: directory.circonscriptionName($0)) }
        return """
            <h1>\(title(form))</h1>
            \(place)
            \(FormFields.errorSummary(form.errors))
            <form method="post" action="/planning/permanences" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(form.fields(workers: snapshot.selectableWorkers(), sites: sites, circonscriptions: circonscriptions))
            <p><button type="submit">Ajouter la permanence</button> <a href="/planning">Annuler</a></p>
            </form>
            """
    }
}
