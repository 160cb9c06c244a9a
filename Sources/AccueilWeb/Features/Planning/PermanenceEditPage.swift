import AccueilCore
import HTML
import Planning
import Web

/// The edit form of one grid cell's permanence, for managers.
enum PermanenceEditPage {
    static func render(_ request: Request, _ permanence: Permanence, _ form: PermanenceForm, snapshot: PlanningSnapshot,
                       stale: Bool = false) -> HTML {
        return """
            <h1>Modifier une permanence</h1>
            <p>\(PlanningText.permanence(permanence, snapshot.directory)), \(permanence.recurrence.label), \(permanence.mode.label).</p>
            \(stale ? "<div class=\"notice error\" role=\"alert\"><p>\(PermanenceCellForm.staleText)</p></div>" as HTML : .empty)
            \(FormFields.errorSummary(form.errors))
            <form method="post" action="/planning/permanences/\(permanence.id)" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(form.fields(workers: snapshot.selectableWorkers(for: permanence), institution: permanence.sendingInstitution))
            <p><button type="submit">Enregistrer</button> <a href="/planning#permanence-\(permanence.id)">Annuler</a></p>
            </form>
            <p class="muted">Les rendez-vous déjà pris restent attachés à leurs dates ; si la permanence change de jour, les personnes concernées apparaissent dans la liste « Personnes à recontacter ».</p>
            <h2>Mettre fin à la permanence</h2>
            <form method="post" action="/planning/permanences/\(permanence.id)/terminer" class="inline-form">
            \(FormFields.csrf(request.csrfToken))
            \(FormFields.input("fin", label: "Dernier jour", value: permanence.validTo?.description ?? "", type: "date", hint: "La permanence n'a plus lieu après ce jour ; l'historique est conservé.", error: form.errors.first { $0.field == "fin" }?.message, required: true))
            <button type="submit" class="secondary">Mettre fin</button>
            </form>
            """
    }
}
