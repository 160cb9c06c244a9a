/// One table of figures (and its chart): rows with the value for the period and, when compared,
/// for the previous period. Masking is decided here, once, for the page, the CSV and the JSON.
struct FigureTable: Sendable {
    struct Row: Sendable {
        let key: String
        let label: String
        /// A count, or for a median the number of days.
        let value: Double
        let previousValue: Double?
        /// How many people the value stands for: under `Masking.threshold` it is not shown.
        let basis: Int
        let previousBasis: Int?
        var share: Double?
        var previousShare: Double?
        /// Masked by association, so that a masked count cannot be recovered by subtraction from a total
        /// shown elsewhere (secondary suppression, see `Masking.protectPartition`).
        var forceMasked = false
        var forcePreviousMasked = false

        var isMasked: Bool { forceMasked || Masking.hides(basis) }
        var isPreviousMasked: Bool { forcePreviousMasked || Masking.hides(previousBasis ?? 0) }

        /// What a masked cell shows: "< 5" for a small group, "masqué" for a larger one hidden with it.
        var mask: String? { Masking.hides(basis) ? Masking.label : forceMasked ? Masking.secondaryLabel : nil }
        var previousMask: String? {
            Masking.hides(previousBasis ?? 0) ? Masking.label : forcePreviousMasked ? Masking.secondaryLabel : nil
        }
    }

    let id: String
    let title: String
    /// What is counted and how shares are computed (shown under the table, exported in JSON).
    let note: String
    let rows: [Row]
    /// Whether a bar chart makes sense (rows of the same kind).
    let chart: Bool
    let hasShare: Bool
}
