import AccueilCore
import Foundation
import OpenDocument
import Orientation

/// The bilan as files: JSON for the managers' tools (the figures' object with the texts, the key
/// figures beside the experiment's, and a `months` array), and an OpenDocument text the managers
/// finish in their word processor.
enum BilanExport {
    static func json(_ figures: ActivityFigures, texts: BilanTexts, requested: StatisticsPeriod?) -> [UInt8] {
        var object = StatisticsExport.object(figures, requested: requested)
        object["context"] = texts.context
        object["vigilance"] = texts.vigilance
        object["reference"] = ["period": BilanReference.period, "source": BilanReference.source, "figures": BilanReference.figures] as [String: Any]
        object["keyFigures"] = BilanDocument.keyFigures(figures).map { row -> [String: Any] in
            ["key": row.key, "label": row.label, "value": row.value, "previousValue": row.previous,
             "reference": BilanReference.figures[row.key].map { $0 as Any } ?? NSNull()]
        }
        let table = figures.breakdown("mois")
        object["months"] = (table?.lines ?? []).map { line -> [String: Any] in
            var month: [String: Any] = ["month": line.key]
            var masked: [String] = []
            for (column, cell) in zip(table?.columns ?? [], line.cells) {
                month[column.key] = StatisticsExport.number(cell.value, mask: cell.mask)
                if cell.mask != nil { masked.append(column.key) }
            }
            month["masked"] = masked
            return month
        }
        return StatisticsExport.serialized(object)
    }

    /// Headings, paragraphs and tables of the document; the chart is the table that follows it.
    static func odt(_ document: BilanDocument, modified: LocalDate) -> [UInt8] {
        var text = OpenDocumentText(title: document.title)
        text.heading(document.title, level: 1)
        text.paragraph(document.subtitle)
        for section in document.sections {
            text.heading(section.title, level: 2)
            for block in section.blocks {
                switch block {
                case .written(let words): text.paragraph(words.isEmpty ? "[À rédiger]" : words)
                case .paragraph(let words): text.paragraph(words)
                case .note(let words): text.note(words)
                case .table(let table): text.table(caption: table.caption, header: table.header, rows: table.rows, numericColumns: table.numeric)
                case .monthlyChart: text.note("Le graphique du flux mensuel figure dans la version imprimée ; ses valeurs sont dans le tableau qui suit.")
                }
            }
        }
        return text.archive(modified: (modified.year, modified.month, modified.day))
    }
}
