/// Statistical confidentiality: a group of fewer than 5 people is never shown, so that no figure can
/// point at someone. Zero is shown: it points at nobody. A small group and a figure hidden to protect
/// one read the same (« masqué »): telling them apart would say which hidden figure is under five, and
/// with a total known, what it is.
package enum Masking {
    package static let threshold = 5

    package static func hides(_ basis: Int) -> Bool { basis > 0 && basis < threshold }

    package static let label = "masqué"

    /// Rows that split a total shown elsewhere (channels of all contacts, age brackets of all intakes…):
    /// when exactly one of them is masked it equals the total minus the others, so the smallest other
    /// non-zero row is masked too. Done separately for the period and for the previous one.
    package static func protectPartition(_ rows: inout [FigureTable.Row], first count: Int) {
        let part = rows.indices.prefix(count)
        if part.filter({ rows[$0].isMasked }).count == 1,
           let next = part.filter({ !rows[$0].isMasked && rows[$0].basis > 0 }).min(by: { rows[$0].basis < rows[$1].basis }) {
            rows[next].forceMasked = true
        }
        if part.filter({ rows[$0].isPreviousMasked }).count == 1,
           let next = part.filter({ !rows[$0].isPreviousMasked && ($0 < rows.count) && (rows[$0].previousBasis ?? 0) > 0 })
            .min(by: { (rows[$0].previousBasis ?? 0) < (rows[$1].previousBasis ?? 0) }) {
            rows[next].forcePreviousMasked = true
        }
    }
}
