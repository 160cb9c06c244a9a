import AccueilCore
import HTML
import Planning
import Web

/// `/planning/absences`: social workers' absences and site closures, and what they do to the coming
/// weeks (takeovers by the suppléant, cancelled occurrences). Managers only.
enum ExceptionsPage {
    struct Input {
        let snapshot: PlanningSnapshot
        let absences: [(id: Int64, absence: Absence)]
        let closures: [(id: Int64, closure: SiteClosure)]
        /// Takeovers and cancellations (holidays aside) of the coming weeks.
        let effects: [Occurrence]
        var absenceForm = ExceptionForm(.absence)
        var closureForm = ExceptionForm(.closure)
        var notice: String?
    }

    static func render(_ request: Request, _ input: Input) -> HTML {
        let directory = input.snapshot.directory
        let csrf = FormFields.csrf(request.csrfToken)
        let notices = ["absence": "L'absence a été enregistrée.", "fermeture": "La fermeture a été enregistrée.", "retire": "L'exception a été retirée."]
        let banner: HTML = input.notice.flatMap { notices[$0] }.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        let absences = input.absences.map { row -> HTML in
            """
            <tr><td>\(directory.workerName(row.absence.workerID))</td><td>\(period(row.absence.dates))</td><td>\(row.absence.reason.isEmpty ? "—" : row.absence.reason)</td>
            <td><form method="post" action="/planning/absences/\(String(row.id))/retirer">\(csrf)<button type="submit" class="secondary">Retirer<span class="visually-hidden"> l'absence de \(directory.workerName(row.absence.workerID)) \(period(row.absence.dates))</span></button></form></td></tr>
            """
        }
        let closures = input.closures.map { row -> HTML in
            """
            <tr><td>\(directory.siteName(row.closure.siteID))</td><td>\(period(row.closure.dates))</td><td>\(row.closure.reason)</td>
            <td><form method="post" action="/planning/fermetures/\(String(row.id))/retirer">\(csrf)<button type="submit" class="secondary">Retirer<span class="visually-hidden"> la fermeture de \(directory.siteName(row.closure.siteID)) \(period(row.closure.dates))</span></button></form></td></tr>
            """
        }
        let effects = input.effects.map { o -> HTML in
            "<li>\(o.date.frenchLabel), \(directory.siteName(o.siteID)) \(PlanningText.hours(o.start, o.end)) : \(PlanningText.holder(o, directory))</li>"
        }
        let workers = input.snapshot.activeWorkers.map { FormFields.Option($0.id, "\($0.displayName) (\($0.institution.shortLabel))") }
        let hosting = Set(input.snapshot.permanences.map(\.hostSiteID))
        let sites = input.snapshot.sites.filter { hosting.contains($0.id) }.map { FormFields.Option($0.id, $0.name) }
        return """
            <h1>Absences et fermetures</h1>
            \(banner)
            <p>Quand le ou la titulaire est absent·e, le ou la suppléant·e assure la permanence ; si les deux sont absent·es, elle est annulée et les personnes inscrites sont à recontacter. Les jours fériés sont pris en compte d'office.</p>
            <h2>Effets sur les quatre prochaines semaines</h2>
            \(effects.isEmpty ? "<p>Aucune suppléance ni annulation prévue.</p>" as HTML : "<ul>\(HTML.join(effects))</ul>")
            <h2 id="absences">Absences des travailleurs sociaux</h2>
            \(absences.isEmpty ? "<p>Aucune absence enregistrée.</p>" as HTML : table("Absences enregistrées", first: "Travailleur social", rows: absences))
            <h3>Enregistrer une absence</h3>
            \(FormFields.errorSummary(input.absenceForm.errors))
            <form method="post" action="/planning/absences" class="stack">
            \(csrf)
            \(input.absenceForm.fields(options: workers))
            <p><button type="submit">Enregistrer l'absence</button></p>
            </form>
            <h2 id="fermetures">Fermetures de sites</h2>
            \(closures.isEmpty ? "<p>Aucune fermeture enregistrée.</p>" as HTML : table("Fermetures enregistrées", first: "Site", rows: closures))
            <h3>Enregistrer une fermeture</h3>
            \(FormFields.errorSummary(input.closureForm.errors))
            <form method="post" action="/planning/fermetures" class="stack">
            \(csrf)
            \(input.closureForm.fields(options: sites))
            <p><button type="submit">Enregistrer la fermeture</button></p>
            </form>
            <p><a href="/planning">Retour aux grilles</a></p>
            """
    }

    private static func table(_ caption: String, first: String, rows: [HTML]) -> HTML {
        """
        <table>
        <caption>\(caption)</caption>
        <thead><tr><th scope="col">\(first)</th><th scope="col">Jours</th><th scope="col">Motif</th><th scope="col">Action</th></tr></thead>
        <tbody>\(HTML.join(rows))</tbody>
        </table>
        """
    }

    static func period(_ dates: ClosedRange<CalendarDate>) -> String {
        dates.lowerBound == dates.upperBound ? "le \(dates.lowerBound.frenchShortLabel)"
            : "du \(dates.lowerBound.frenchShortLabel) au \(dates.upperBound.frenchShortLabel)"
    }
}
