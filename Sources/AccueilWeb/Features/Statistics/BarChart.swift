import AccueilCore
import HTML

/// A horizontal bar chart drawn on the server as SVG: no script, prints as it shows. It is a
/// picture of the table that follows it, which screen readers use instead (the SVG is named and
/// points at it). Masked groups get no bar, only « masqué ».
enum BarChart {
    static let width = 640
    static let labelHeight = 16
    static let barHeight = 12
    static let previousHeight = 6

    static func render(_ table: FigureTable, comparing: Bool) -> HTML {
        let rows = table.rows
        let maximum = max(1, rows.flatMap { row -> [Double] in
            [row.isMasked ? 0 : row.value, comparing && !row.isPreviousMasked ? (row.previousValue ?? 0) : 0]
        }.max() ?? 1)
        let rowHeight = labelHeight + barHeight + (comparing ? previousHeight + 2 : 0) + 10
        let plot = Double(width - 90)
        var parts: [HTML] = []
        for (index, row) in rows.enumerated() {
            let top = index * rowHeight
            parts.append("<text x=\"0\" y=\"\(top + 12)\" class=\"chart-label\">\(row.label)</text>")
            let current = row.isMasked ? 0 : Int((row.value / maximum * plot).rounded())
            let barTop = top + labelHeight
            if current > 0 { parts.append("<rect x=\"0\" y=\"\(barTop)\" width=\"\(current)\" height=\"\(barHeight)\" class=\"bar-current\"/>") }
            parts.append("<text x=\"\(current + 6)\" y=\"\(barTop + 10)\" class=\"chart-value\">\(NumberFormat.cell(row.value, mask: row.mask))</text>")
            if comparing, let previous = row.previousValue {
                let length = row.isPreviousMasked ? 0 : Int((previous / maximum * plot).rounded())
                let top = barTop + barHeight + 2
                if length > 0 { parts.append("<rect x=\"0\" y=\"\(top)\" width=\"\(length)\" height=\"\(previousHeight)\" class=\"bar-previous\"/>") }
            }
        }
        let height = max(rowHeight, rows.count * rowHeight)
        let titleID = "graphique-\(table.id)"
        let legend: HTML = comparing
            ? "<p class=\"chart-legend\" aria-hidden=\"true\"><span class=\"key-current\"></span> période choisie <span class=\"key-previous\"></span> période de comparaison</p>"
            : .empty
        return """
            <figure class="chart">
            <svg viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-labelledby="\(titleID)" class="bar-chart">
            <title id="\(titleID)">Graphique : \(table.title.lowercased()). Les valeurs figurent dans le tableau qui suit.</title>
            \(HTML.join(parts))
            </svg>
            \(legend)
            </figure>
            """
    }
}
