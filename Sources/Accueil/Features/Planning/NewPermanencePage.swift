import HTML
import Planning
import Web

/// Adding a permanence from a grid cell, for managers.
enum NewPermanencePage {
    static func render(_ request: Request, _ form: NewPermanenceForm, snapshot: PlanningSnapshot) -> HTML {
        let directory = snapshot.directory
        let place = form.grid == .mdsAtCCAS
            ? "Circonscription \(directory.circonscriptionName(form.row)) à \(directory.siteName(PlanningSnapshot.ccasSiteID))"
            : "CCAS à \(directory.siteName(form.row))"
        return """
            <h1>Ajouter une permanence</h1>
            <p>\(place).</p>
            \(FormFields.errorSummary(form.errors))
            <form method="post" action="/planning/permanences" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(form.fields(workers: snapshot.selectableWorkers()))
            <p><button type="submit">Ajouter la permanence</button> <a href="/planning">Annuler</a></p>
            </form>
            """
    }
}
