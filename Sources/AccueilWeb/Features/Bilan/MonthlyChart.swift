import AccueilCore
import HTML
import Orientation

/// The monthly flow as vertical bars drawn on the server (SVG): per month, the orientations to the
/// CCAS and to the MDS and the people received in permanence. A picture of the table that follows
/// it, which screen readers use instead; a hidden month cell draws no bar.
enum MonthlyChart {
    static let series: [(key: String, label: String, style: String)] = [
        ("orientations_ccas", "Orientations vers le CCAS", "bar-ccas"),
        ("orientations_mds", "Orientations vers une MDS", "bar-mds"),
        ("passages", "Personnes reçues en permanence", "bar-passages"),
    ]
    static let height = 220
    static let barWidth = 8

    static func render(_ monthly: MonthlySeries, table: BreakdownTable?) -> HTML {
        guard !monthly.months.isEmpty else { return .empty }
        // What the table shows is what is drawn: a masked cell has no bar.
        func value(_ month: String, _ key: String) -> Double? {
            guard let table, let line = table.lines.first(where: { $0.key == month }),
                  let column = table.columns.firstIndex(where: { $0.key == key }), line.cells[column].mask == nil else { return nil }
            return line.cells[column].value
        }
        let maximum = max(1, monthly.months.flatMap { month in series.compactMap { value(month.month, $0.key) } }.max() ?? 1)
        let group = barWidth * series.count + 10
        let width = max(320, 40 + group * monthly.months.count)
        let plot = Double(height - 40)
        var parts: [HTML] = ["<line x1=\"36\" y1=\"\(height - 30)\" x2=\"\(width)\" y2=\"\(height - 30)\" class=\"chart-axis\"/>",
                             "<text x=\"0\" y=\"12\" class=\"chart-value\">\(NumberFormat.value(maximum))</text>"]
        for (index, month) in monthly.months.enumerated() {
            let left = 40 + index * group
            for (position, serie) in series.enumerated() {
                guard let count = value(month.month, serie.key), count > 0 else { continue }
                let bar = Int((count / maximum * plot).rounded())
                parts.append("<rect x=\"\(left + position * barWidth)\" y=\"\(height - 30 - bar)\" width=\"\(barWidth - 1)\" height=\"\(bar)\" class=\"\(serie.style)\"/>")
            }
            let label = LocalDate(iso: month.month + "-01").map { String($0.calendarDate.frenchMonthLabel.prefix(4)) + " " + String(month.month.prefix(4).suffix(2)) } ?? month.month
            parts.append("<text x=\"\(left)\" y=\"\(height - 14)\" class=\"chart-label month-label\">\(label)</text>")
        }
        let legend = HTML.join(series.map { "<span class=\"key \($0.style)\"></span> \($0.label)" as HTML })
        return """
            <figure class="chart monthly-chart">
            <svg viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-labelledby="graphique-mois" class="bar-chart">
            <title id="graphique-mois">Graphique : flux mensuel des orientations et des personnes reçues en permanence. Les valeurs figurent dans le tableau qui suit.</title>
            \(HTML.join(parts))
            </svg>
            <p class="chart-legend" aria-hidden="true">\(legend)</p>
            </figure>
            """
    }
}
