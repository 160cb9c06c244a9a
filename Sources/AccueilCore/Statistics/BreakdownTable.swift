/// A table of several figures per line (a site, a circonscription…), for the current period only.
/// Columns that count people are masked under `Masking.threshold`, with the same secondary
/// suppression as the one-figure tables: the column totals are shown elsewhere.
package struct BreakdownTable: Sendable {
    package struct Column: Sendable {
        package let key: String
        package let label: String
        /// People are masked when few; sessions and places are not about anyone.
        package let countsPeople: Bool
        /// A rate (0…1) rather than a count.
        package var isShare = false
    }

    package struct Cell: Sendable {
        package let value: Double?
        package var mask: String?
    }

    package struct Line: Sendable {
        package let key: String
        package let label: String
        package var cells: [Cell]
    }

    package let id: String
    package let title: String
    package let note: String
    /// What a line is (« Site », « Mois »…): the header of the first column.
    package let lineHeader: String
    package let columns: [Column]
    package private(set) var lines: [Line]

    /// `values` per line, in the order of `columns`; a share column's value is computed by the caller
    /// and is masked whenever the people count of the same line (`shareOf`) is.
    /// `masked`: columns hidden on every line whatever their values (a site's figures that the
    /// all-sites view hides).
    package init(id: String, title: String, note: String, lineHeader: String, columns: [Column], lines: [(key: String, label: String, values: [Double?])],
         shareOf: [Int: Int] = [:], masked: Set<String> = []) {
        self.id = id
        self.lineHeader = lineHeader
        self.title = title
        self.note = note
        self.columns = columns
        self.lines = lines.map { line in
            Line(key: line.key, label: line.label, cells: line.values.map { Cell(value: $0, mask: nil) })
        }
        for (index, column) in columns.enumerated() where column.countsPeople {
            var rows = self.lines.map { line in
                FigureTable.Row(key: line.key, label: line.label, value: line.cells[index].value ?? 0, previousValue: nil,
                                basis: Int(line.cells[index].value ?? 0), previousBasis: nil, share: nil, previousShare: nil)
            }
            Masking.protectPartition(&rows, first: rows.count)
            for (line, row) in rows.enumerated() {
                self.lines[line].cells[index].mask = masked.contains(column.key) && row.mask == nil ? Masking.label : row.mask
            }
        }
        for (shareColumn, countColumn) in shareOf {
            for line in self.lines.indices where self.lines[line].cells[countColumn].mask != nil {
                self.lines[line].cells[shareColumn].mask = Masking.label
            }
        }
    }

    /// Hides one cell that a relation elsewhere would give back (a month cell, see `MonthMasking`).
    package mutating func hide(line key: String, column: String) {
        guard let line = lines.firstIndex(where: { $0.key == key }), let index = columns.firstIndex(where: { $0.key == column }),
              lines[line].cells[index].mask == nil else { return }
        lines[line].cells[index].mask = Masking.label
    }

    /// Each line as text: its label, then its cells.
    package var textRows: [[String]] {
        lines.map { line in [line.label] + zip(line.cells, columns).map { text($0, column: $1) } }
    }

    /// A cell as text: "1 234", "12,5 %", a mask, or "" without value.
    package func text(_ cell: Cell, column: Column) -> String {
        if let mask = cell.mask { return mask }
        return column.isShare ? NumberFormat.percent(cell.value) : cell.value.map(NumberFormat.value) ?? ""
    }
}
