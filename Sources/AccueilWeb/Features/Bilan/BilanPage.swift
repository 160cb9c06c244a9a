import AccueilCore
import HTML
import Web

/// The bilan as a printable A4 page (bilan.css: page numbers, charts and tables not cut across
/// pages), with the filter, the downloads and the form where managers write the context and the
/// vigilance points (not printed).
enum BilanPage {
    static func render(_ request: Request, _ filter: StatisticsFilter, document: BilanDocument?, figures: ActivityFigures?, texts: BilanTexts,
                       sites: [DirectorySite], notice: String? = nil, error: String? = nil) -> HTML {
        let form = StatisticsPage.filterForm(filter, sites: sites, action: "/statistiques/bilan")
        guard let document, let figures else { return "<h1>Bilan de l'accueil commun</h1>\(form)" }
        let sections = document.sections.map { section($0, figures: figures) }
        return """
            <article class="bilan">
            <header class="bilan-head">
            <p class="bilan-brand">CCAS de Bordeaux · Département de la Gironde — comité de suivi</p>
            <h1>\(document.title)</h1>
            <p class="lead">\(document.subtitle)</p>
            \(figures.previousPeriod.map { "<p>Comparaison : du \($0.from.frenchDescription) au \($0.to.frenchDescription).</p>" as HTML } ?? .empty)
            </header>
            <div class="no-print">
            \(notice.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" as HTML } ?? .empty)
            \(StatisticsPage.periodNotices(filter))
            \(form)
            <p><a href="/statistiques/bilan.odt?\(filter.queryString)" download>Télécharger une copie modifiable (OpenDocument, .odt)</a> ·
            <a href="/api/v1/stats/bilan?\(filter.apiQueryString)">Mêmes chiffres en JSON</a> ·
            Pour le papier : imprimez cette page (format A4, pages numérotées).</p>
            </div>
            \(HTML.join(sections))
            \(textsForm(request, filter, texts: texts, error: error))
            </article>
            """
    }

    static func section(_ section: BilanDocument.Section, figures: ActivityFigures) -> HTML {
        let blocks = section.blocks.map { block -> HTML in
            switch block {
            case .written(let text):
                guard !text.isEmpty else { return "<p class=\"muted\">À rédiger par les responsables (formulaire en bas de page).</p>" }
                return HTML.join(text.split(separator: "\n", omittingEmptySubsequences: true).map { "<p class=\"written\">\(String($0))</p>" as HTML })
            case .paragraph(let text): return "<p>\(text)</p>"
            case .note(let text): return "<p class=\"muted\">\(text)</p>"
            case .table(let table): return self.table(table)
            case .monthlyChart(let monthly): return MonthlyChart.render(monthly, table: figures.breakdown("mois"))
            }
        }
        return """
            <section class="bilan-section" id="\(section.id)" aria-labelledby="titre-bilan-\(section.id)">
            <h2 id="titre-bilan-\(section.id)">\(section.title)</h2>
            \(HTML.join(blocks))
            </section>
            """
    }

    static func table(_ table: BilanDocument.Table) -> HTML {
        let head = HTML.join(table.header.enumerated().map { index, text in
            "<th scope=\"col\"\(table.numeric.contains(index) ? " class=\"number\"" as HTML : .empty)>\(text)</th>" as HTML
        })
        let rows = table.rows.map { cells -> HTML in
            let rest = cells.enumerated().dropFirst().map { index, text in
                "<td\(table.numeric.contains(index) ? " class=\"number\"" as HTML : .empty)>\(text)</td>" as HTML
            }
            return "<tr><th scope=\"row\">\(cells.first ?? "")</th>\(HTML.join(rest))</tr>"
        }
        return """
            <table class="figures-table bilan-table" id="tableau-\(table.id)">
            <caption>\(table.caption)</caption>
            <thead><tr>\(head)</tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            """
    }

    /// The comparison chosen, carried through the save so the bilan comes back as it was.
    static func comparisonFields(_ filter: StatisticsFilter) -> HTML {
        let words = StatisticsComparison.Vocabulary.page
        var fields: [(String, String)] = [(words.mode, filter.comparison.value(words))]
        if case .custom(let from, let to) = filter.comparison { fields += [(words.from, from), (words.to, to)] }
        return HTML.join(fields.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" as HTML })
    }

    /// The managers' texts for this period and site: saved with it, audited.
    static func textsForm(_ request: Request, _ filter: StatisticsFilter, texts: BilanTexts, error: String?) -> HTML {
        guard request.session?.account.can(.writeBilan) == true else { return .empty }
        return """
            <section class="no-print" aria-labelledby="titre-textes">
            <h2 id="titre-textes">Textes du bilan (responsables)</h2>
            <p>Le contexte et les points de vigilance sont enregistrés avec la période et le site de ce bilan\(texts.updatedAt.map { " ; dernière modification le \(FrenchDates.dateTime($0))" } ?? "").
            Aucun nom ni détail sur une personne : ce document est partagé en comité de suivi.</p>
            \(error.map { "<div class=\"notice error\" role=\"alert\"><p>\($0)</p></div>" as HTML } ?? .empty)
            <form method="post" action="/statistiques/bilan" class="stack">
            \(FormFields.csrf(request.csrfToken))
            <input type="hidden" name="du" value="\(filter.period?.from.description ?? filter.from)">
            <input type="hidden" name="au" value="\(filter.period?.to.description ?? filter.to)">
            <input type="hidden" name="site" value="\(filter.siteID)">
            \(comparisonFields(filter))
            \(FormFields.textarea("contexte", label: "Contexte", value: texts.context, hint: "Le cadre de la période : organisation, changements, événements."))
            \(FormFields.textarea("vigilance", label: "Points de vigilance", value: texts.vigilance, hint: "Ce que le comité de suivi doit regarder de près."))
            <p><button type="submit">Enregistrer les textes du bilan</button></p>
            </form>
            </section>
            """
    }
}
