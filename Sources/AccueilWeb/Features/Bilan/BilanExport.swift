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
        object["context"] = .string(texts.context)
        object["vigilance"] = .string(texts.vigilance)
        object["reference"] = .object(["period": .string(BilanReference.period), "source": .string(BilanReference.source),
                                       "figures": .object(BilanReference.figures.mapValues(JSONValue.string))])
        object["keyFigures"] = .array(BilanDocument.keyFigures(figures).map { row in
            .object(["key": .string(row.key), "label": .string(row.label), "value": .string(row.value), "previousValue": .string(row.previous),
                     "reference": .optional(BilanReference.figures[row.key])])
        })
        let table = figures.breakdown("mois")
        object["months"] = .array((table?.lines ?? []).map { line in
            var month: [String: JSONValue] = ["month": .string(line.key)]
            var masked: [JSONValue] = []
            for (column, cell) in zip(table?.columns ?? [], line.cells) {
                month[column.key] = StatisticsExport.number(cell.value, mask: cell.mask)
                if cell.mask != nil { masked.append(.string(column.key)) }
            }
            month["masked"] = .array(masked)
            return .object(month)
        })
        return JSONValue.object(object).bytes
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
