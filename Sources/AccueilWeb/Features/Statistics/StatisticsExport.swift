import AccueilCore
import Foundation

/// The figures as files: one CSV per table (French spreadsheets) and the whole set as JSON (API).
/// Field names of the JSON are a contract (docs/api.md): add fields, never rename or remove one.
enum StatisticsExport {
    static func csv(_ table: FigureTable, comparing: Bool) -> [UInt8] {
        var header = ["indicateur", "code", "valeur"]
        if table.hasShare { header.append("part") }
        if comparing { header += ["valeur_periode_precedente"] + (table.hasShare ? ["part_periode_precedente"] : []) }
        var writer = CSVWriter(header: header)
        for row in table.rows {
            var fields = [row.label, row.key, NumberFormat.cell(row.value, mask: row.mask)]
            if table.hasShare { fields.append(NumberFormat.shareCell(row.share, mask: row.mask)) }
            if comparing {
                fields.append(NumberFormat.cell(row.previousValue, mask: row.previousMask))
                if table.hasShare { fields.append(NumberFormat.shareCell(row.previousShare, mask: row.previousMask)) }
            }
            writer.append(fields)
        }
        return writer.bytes
    }

    static func csv(_ table: BreakdownTable) -> [UInt8] {
        var writer = CSVWriter(header: ["ligne", "code"] + table.columns.map(\.key))
        for line in table.lines {
            writer.append([line.label, line.key] + zip(line.cells, table.columns).map { table.text($0, column: $1) })
        }
        return writer.bytes
    }

    /// `requested`: the period as asked, when the figures were widened to whole months.
    static func json(_ figures: ActivityFigures, requested: StatisticsPeriod? = nil) -> [UInt8] {
        JSONValue.object(object(figures, requested: requested)).bytes
    }

    /// A count for JSON: null when masked.
    static func number(_ value: Double?, mask: String?) -> JSONValue {
        guard let value, mask == nil else { return .null }
        return value == value.rounded() ? .int(Int(value)) : .double(value)
    }

    static func object(_ figures: ActivityFigures, requested: StatisticsPeriod?) -> [String: JSONValue] {
        func share(_ value: Double?, mask: String?) -> JSONValue {
            guard let value, mask == nil else { return .null }
            return .double((value * 10_000).rounded() / 10_000)
        }
        func period(_ p: StatisticsPeriod?) -> JSONValue {
            guard let p else { return .null }
            return .object(["from": .string(p.from.description), "to": .string(p.to.description)])
        }
        let tables: [JSONValue] = figures.tables.map { table in
            .object(["id": .string(table.id), "title": .string(table.title), "note": .string(table.note),
                     "rows": .array(table.rows.map { row in
                         .object(["key": .string(row.key), "label": .string(row.label),
                                  "value": number(row.value, mask: row.mask), "masked": .bool(row.isMasked),
                                  "share": table.hasShare ? share(row.share, mask: row.mask) : .null,
                                  "previousValue": number(row.previousValue, mask: row.previousMask),
                                  "previousMasked": .bool(row.previousValue != nil && row.isPreviousMasked),
                                  "previousShare": table.hasShare && row.previousValue != nil ? share(row.previousShare, mask: row.previousMask) : .null])
                     })])
        }
        let breakdowns: [JSONValue] = figures.breakdowns.map { table in
            .object(["id": .string(table.id), "title": .string(table.title), "note": .string(table.note),
                     "columns": .array(table.columns.map { .object(["key": .string($0.key), "label": .string($0.label)]) }),
                     "lines": .array(table.lines.map { line in
                         .object(["key": .string(line.key), "label": .string(line.label),
                                  "values": .object(Dictionary(uniqueKeysWithValues: zip(table.columns, line.cells).map { column, cell in
                                      (column.key, column.isShare ? share(cell.value, mask: cell.mask) : number(cell.value, mask: cell.mask))
                                  }))])
                     })])
        }
        return [
            "from": .string(figures.period.from.description), "to": .string(figures.period.to.description), "breakdowns": .array(breakdowns),
            "site": .optional(figures.period.siteID),
            "previous": period(figures.previousPeriod), "maskingThreshold": .int(Masking.threshold), "tables": .array(tables),
            "requested": period(requested.flatMap { $0.isWholeMonths ? nil : $0 }), "wholeMonths": .bool(true),
        ]
    }
}
