/// One table of figures (and its chart): rows with the value for the period and, when compared,
/// for the previous period. Masking is decided here, once, for the page, the CSV and the JSON.
package struct FigureTable: Sendable {
    package struct Row: Sendable {
        package let key: String
        package let label: String
        /// A count, or for a median the number of days.
        package let value: Double
        package let previousValue: Double?
        /// How many people the value stands for: under `Masking.threshold` it is not shown.
        package let basis: Int
        package let previousBasis: Int?
        package var share: Double?
        package var previousShare: Double?
        /// Masked by association, so that a masked count cannot be recovered by subtraction from a total
        /// shown elsewhere (secondary suppression, see `Masking.protectPartition`).
        package var forceMasked = false
        package var forcePreviousMasked = false

        package var isMasked: Bool { forceMasked || Masking.hides(basis) }
        package var isPreviousMasked: Bool { forcePreviousMasked || Masking.hides(previousBasis ?? 0) }

        /// What a masked cell shows: one label for a small group and for a figure hidden with it (`Masking`).
        package var mask: String? { isMasked ? Masking.label : nil }
        package var previousMask: String? { isPreviousMasked ? Masking.label : nil }
    }

    package let id: String
    package let title: String
    /// What is counted and how shares are computed (shown under the table, exported in JSON).
    package let note: String
    package let rows: [Row]
    /// Whether a bar chart makes sense (rows of the same kind).
    package let chart: Bool
    package let hasShare: Bool

    /// The table as text, the way every rendering shows it: the column headers after « Indicateur »,
    /// then per row its label and cells (a mask instead of a masked count, and of its share).
    package func texts(comparing: Bool) -> (header: [String], rows: [[String]]) {
        let header = ["Période"] + (hasShare ? ["Part"] : []) + (comparing ? ["Comparaison"] + (hasShare ? ["Part (comparaison)"] : []) : [])
        let rows = self.rows.map { row -> [String] in
            var cells = [row.label, NumberFormat.cell(row.value, mask: row.mask)]
            if hasShare { cells.append(NumberFormat.shareCell(row.share, mask: row.mask)) }
            if comparing {
                cells.append(NumberFormat.cell(row.previousValue, mask: row.previousMask))
                if hasShare { cells.append(NumberFormat.shareCell(row.previousShare, mask: row.previousMask)) }
            }
            return cells
        }
        return (header, rows)
    }
}
