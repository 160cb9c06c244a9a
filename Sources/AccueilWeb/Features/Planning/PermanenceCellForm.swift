import AccueilCore
import HTML
import HTTPCore
import Planning

/// The in-place editor of one grid cell's permanence, for managers: a native `<details>` (no
/// JavaScript) holding the titulaire and suppléant selects, posted to `/planning/permanences/:id/personnes`.
/// Hours, mode and validity stay on the full edit page ("Tous les détails…").
struct PermanenceCellForm {
    let permanenceID: String
    var people: PermanencePeopleForm
    /// `PermanenceVersion.token` of the permanence the form was drawn from.
    var version: String
    /// Set when someone else changed the permanence meanwhile: the form shows the current values.
    var staleMessage: String?

    static let staleText = "Cette permanence a été modifiée par quelqu'un d'autre entre-temps : voici ses valeurs actuelles, vérifiez-les avant d'enregistrer à nouveau."

    init(_ permanence: Permanence) {
        permanenceID = permanence.id
        people = PermanencePeopleForm(permanence)
        version = PermanenceVersion.token(permanence)
    }

    init(_ form: FormData, permanence: Permanence, workers: [SocialWorker]) {
        permanenceID = permanence.id
        people = PermanencePeopleForm(form, workers: workers, institution: permanence.sendingInstitution)
        version = form["version"] ?? ""
    }

    /// Suffix of the field ids: unique per cell on the grid page.
    var idSuffix: String { "-" + permanenceID }

    /// For the page's error summary: each message links to its field in this cell.
    var summaryErrors: [(field: String, message: String)] {
        let errors = people.errors.map { (field: $0.field + idSuffix, message: $0.message) }
        return errors + (staleMessage.map { [(field: "titulaire" + idSuffix, message: $0)] } ?? [])
    }

    var isOpen: Bool { !people.errors.isEmpty || staleMessage != nil }

    /// - Parameter context: what the cell is, for screen readers ("le lundi après-midi, MDS Lac").
    func render(csrf: String, workers: [SocialWorker], institution: Planning.Institution, context: String) -> HTML {
        let hidden = "<span class=\"visually-hidden\"> \(context)</span>" as HTML
        let stale: HTML = staleMessage.map { "<p class=\"field-error\" role=\"alert\">\($0)</p>" } ?? .empty
        return """
            <details class="cell-edit no-print"\(isOpen ? " open" : "")>
            <summary>Modifier<span class="visually-hidden"> le ou la titulaire et le ou la suppléant·e \(context)</span></summary>
            <form method="post" action="/planning/permanences/\(permanenceID)/personnes">
            \(FormFields.csrf(csrf))<input type="hidden" name="version" value="\(version)">
            \(stale)\(people.fields(workers: workers, institution: institution, idSuffix: idSuffix, hint: false))
            <button type="submit">Enregistrer\(hidden)</button>
            </form>
            <a href="/planning/permanences/\(permanenceID)">Tous les détails…\(hidden)</a>
            </details>
            """
    }
}
