import AccueilCore
import HTML
import Orientation
import Web

/// The figures page: the filter (a plain GET form), then each table as a chart followed by its data.
enum StatisticsPage {
    static func render(_ filter: StatisticsFilter, figures: ActivityFigures?, sites: [DirectorySite]) -> HTML {
        let form = filterForm(filter, sites: sites, action: "/statistiques")
        guard let figures else {
            return "<h1>Statistiques d'activité</h1>\(form)"
        }
        let siteName = sites.first { $0.id == filter.siteID }?.name ?? "tous les sites"
        let comparing = figures.previousPeriod != nil
        let previous: HTML = figures.previousPeriod.map { p in
            "<p>Comparaison avec la période du \(p.from.frenchDescription) au \(p.to.frenchDescription) (colonnes « Comparaison »).</p>"
        } ?? .empty
        let sections = figures.tables.map { table in section(table, comparing: comparing, query: filter.queryString) }
        return """
            <h1>Statistiques d'activité</h1>
            \(form)
            <div class="report-heading">
            <p class="lead">Du \(figures.period.from.frenchDescription) au \(figures.period.to.frenchDescription), \(siteName).</p>
            \(periodNotices(filter))
            \(previous)
            <p class="muted">Chiffres agrégés, sans aucun nom. « \(Masking.label) » : un groupe de moins de \(Masking.threshold) personnes, ou un chiffre
            dont un mois, sur ce site ou un autre, permettrait d'en retrouver un (les deux se lisent de la même façon, sinon l'un trahirait l'autre).</p>
            <p class="no-print"><a href="/api/v1/stats?\(filter.apiQueryString)">Mêmes chiffres en JSON</a> ·
            <a href="/statistiques/bilan?\(filter.queryString)">Bilan de l'accueil commun pour cette période</a></p>
            </div>
            \(HTML.join(sections))
            \(HTML.join(figures.breakdowns.map { section($0, query: filter.queryString) }))
            """
    }

    /// Said when the dates asked fell inside months (the figures are on the whole months), and when
    /// the period reaches the running month (only its volumes are counted until it is over).
    static func periodNotices(_ filter: StatisticsFilter) -> HTML {
        let widened: HTML = filter.widened
            ? "<p class=\"notice\" role=\"status\">Les chiffres portent sur des mois entiers, pour qu'aucun petit groupe ne se déduise par différence entre deux périodes : la période demandée a été étendue aux mois qu'elle touche.</p>"
            : .empty
        let running: HTML = filter.reachesRunningMonth
            ? "<p class=\"notice\" role=\"status\">Le mois en cours n'est compté dans les tableaux détaillés qu'une fois achevé (ses chiffres changent d'un jour à l'autre : deux lectures à un jour d'écart révéleraient les petits groupes du jour). Seuls ses volumes — contacts, accueils, orientations — sont déjà comptés.</p>"
            : .empty
        return "\(widened)\(running)"
    }

    /// The period, site and comparison: a plain GET form, for the figures page and the bilan.
    static func filterForm(_ filter: StatisticsFilter, sites: [DirectorySite], action: String) -> HTML {
        let error = { (field: String) in filter.errors.first { $0.field == field }?.message }
        let siteOptions = [FormFields.Option("", "Tous les sites")] + sites.filter { $0.kind.isDestination || $0.kind == .antenna }
            .map { FormFields.Option($0.id, $0.name) }
        return """
            <form method="get" action="\(action)" class="stack filter no-print">
            \(FormFields.errorSummary(filter.errors))
            <div class="field-row">
            \(FormFields.input("du", label: "Du", value: filter.from, type: "date", hint: "AAAA-MM-JJ", error: error("du"), required: true))
            \(FormFields.input("au", label: "Au (inclus)", value: filter.to, type: "date", hint: "AAAA-MM-JJ", error: error("au"), required: true))
            \(FormFields.select("site", label: "Site d'accueil", options: siteOptions, selected: filter.siteID, error: error("site")))
            </div>
            \(comparisonFields(filter, error: error))
            <p><button type="submit">Afficher</button></p>
            </form>
            """
    }

    /// Compare with nothing, the period just before, the same days a year earlier, or chosen dates.
    static func comparisonFields(_ filter: StatisticsFilter, error: (String) -> String?) -> HTML {
        let words = StatisticsComparison.Vocabulary.page
        let options = [FormFields.Option(words.previous, "la période précédente de même durée"),
                       FormFields.Option(words.yearEarlier, "la même période un an plus tôt"),
                       FormFields.Option(words.custom, "une autre période :"),
                       FormFields.Option(words.none, "rien (pas de comparaison)")]
        let (from, to): (String, String) = if case .custom(let from, let to) = filter.comparison { (from, to) } else { ("", "") }
        return """
            \(FormFields.choices(words.mode, legend: "Comparer avec", options: options, checked: [filter.comparison.value(words)], multiple: false, error: error(words.mode)))
            <div class="field-row">
            \(FormFields.input(words.from, label: "Autre période : du", value: from, type: "date", hint: "AAAA-MM-JJ", error: error(words.from)))
            \(FormFields.input(words.to, label: "au (inclus)", value: to, type: "date", hint: "AAAA-MM-JJ", error: error(words.to)))
            </div>
            """
    }

    static func section(_ table: FigureTable, comparing: Bool, query: String) -> HTML {
        let texts = table.texts(comparing: comparing)
        let head = HTML.join(texts.header.map { "<th scope=\"col\" class=\"number\">\($0)</th>" })
        let rows = texts.rows.map { cells -> HTML in
            "<tr><th scope=\"row\">\(cells[0])</th>\(HTML.join(cells.dropFirst().map { "<td class=\"number\">\($0)</td>" }))</tr>"
        }
        let chart = table.chart ? BarChart.render(table, comparing: comparing) : .empty
        return """
            <section class="figures" aria-labelledby="titre-\(table.id)">
            <h2 id="titre-\(table.id)">\(table.title)</h2>
            \(chart)
            <table class="figures-table">
            <caption>\(table.title) — \(table.note)</caption>
            <thead><tr><th scope="col">Indicateur</th>\(head)</tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            <p class="no-print"><a href="/statistiques/\(table.id).csv?\(query)" download>Télécharger ce tableau (CSV)<span class="visually-hidden"> : \(table.title)</span></a></p>
            </section>
            """
    }

    /// A table of several figures per line: data only (a chart of seven measures would not read).
    static func section(_ table: BreakdownTable, query: String) -> HTML {
        let head = HTML.join(table.columns.map { "<th scope=\"col\" class=\"number\">\($0.label)</th>" as HTML })
        // An empty table still says so in a row of its own (a table without rows reads as broken).
        let lines = table.lines.isEmpty
            ? ["<tr><th scope=\"row\">—</th><td colspan=\"\(String(table.columns.count))\">Rien à compter pendant la période.</td></tr>" as HTML]
            : table.textRows.map { cells -> HTML in
                "<tr><th scope=\"row\">\(cells[0])</th>\(HTML.join(cells.dropFirst().map { "<td class=\"number\">\($0)</td>" }))</tr>"
            }
        return """
            <section class="figures" aria-labelledby="titre-\(table.id)">
            <h2 id="titre-\(table.id)">\(table.title)</h2>
            <div class="table-scroll" role="region" aria-labelledby="titre-\(table.id)" tabindex="0">
            <table class="figures-table">
            <caption>\(table.title) — \(table.note) Période seule, sans comparaison.</caption>
            <thead><tr><th scope="col">\(table.lineHeader)</th>\(head)</tr></thead>
            <tbody>\(HTML.join(lines))</tbody>
            </table>
            </div>
            <p class="no-print"><a href="/statistiques/\(table.id).csv?\(query)" download>Télécharger ce tableau (CSV)<span class="visually-hidden"> : \(table.title)</span></a></p>
            </section>
            """
    }
}
