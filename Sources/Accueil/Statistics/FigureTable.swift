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
        let share: Double?
        let previousShare: Double?
        /// Masked by association (e.g. "new situations" when "already known" is masked, since one is the total minus the other).
        var forceMasked = false

        var isMasked: Bool { forceMasked || Masking.hides(basis) }
        var isPreviousMasked: Bool { forceMasked || Masking.hides(previousBasis ?? 0) }
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

/// Statistical confidentiality: a group of fewer than 5 people is never shown ("< 5"), so that no
/// figure can point at someone. Zero is shown: it points at nobody.
enum Masking {
    static let threshold = 5

    static func hides(_ basis: Int) -> Bool { basis > 0 && basis < threshold }

    static let label = "< 5"
}
