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
        serialized(object(figures, requested: requested))
    }

    static func serialized(_ object: [String: Any]) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8))
    }

    /// A count for JSON: null when masked.
    static func number(_ value: Double?, mask: String?) -> Any {
        guard let value, mask == nil else { return NSNull() }
        return value == value.rounded() ? Int(value) as Any : value as Any
    }

    static func object(_ figures: ActivityFigures, requested: StatisticsPeriod?) -> [String: Any] {
        func share(_ value: Double?, mask: String?) -> Any {
            guard let value, mask == nil else { return NSNull() }
            return (value * 10_000).rounded() / 10_000
        }
        func period(_ p: StatisticsPeriod?) -> Any {
            guard let p else { return NSNull() }
            return ["from": p.from.description, "to": p.to.description]
        }
        let tables: [[String: Any]] = figures.tables.map { table in
            ["id": table.id, "title": table.title, "note": table.note,
             "rows": table.rows.map { row -> [String: Any] in
                 ["key": row.key, "label": row.label,
                  "value": number(row.value, mask: row.mask), "masked": row.isMasked,
                  "share": table.hasShare ? share(row.share, mask: row.mask) : NSNull(),
                  "previousValue": number(row.previousValue, mask: row.previousMask),
                  "previousMasked": row.previousValue != nil && row.isPreviousMasked,
                  "previousShare": table.hasShare && row.previousValue != nil ? share(row.previousShare, mask: row.previousMask) : NSNull()]
             }]
        }
        let breakdowns: [[String: Any]] = figures.breakdowns.map { table in
            ["id": table.id, "title": table.title, "note": table.note,
             "columns": table.columns.map { ["key": $0.key, "label": $0.label] },
             "lines": table.lines.map { line -> [String: Any] in
                 ["key": line.key, "label": line.label,
                  "values": Dictionary(uniqueKeysWithValues: zip(table.columns, line.cells).map { column, cell in
                      (column.key, column.isShare ? share(cell.value, mask: cell.mask) : number(cell.value, mask: cell.mask))
                  })]
             }]
        }
        let object: [String: Any] = [
            "from": figures.period.from.description, "to": figures.period.to.description, "breakdowns": breakdowns,
            "site": figures.period.siteID.map { $0 as Any } ?? NSNull(),
            "previous": period(figures.previousPeriod), "maskingThreshold": Masking.threshold, "tables": tables,
            "requested": period(requested.flatMap { $0.isWholeMonths ? nil : $0 }), "wholeMonths": true,
        ]
        return object
    }
}
