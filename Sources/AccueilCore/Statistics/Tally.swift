/// Counts by dimension and key (e.g. "motif" → "logement" → 42) for one period and site selection.
/// Both the fast path (summary tables) and the direct path (plain GROUP BY) produce one, so a test
/// can compare them for equality.
package struct Tally: Sendable, Equatable {
    package private(set) var counts: [String: [String: Int]] = [:]
    /// The cells (`MonthMasking.cell`) not to be shown for this period and site; not part of
    /// equality, which compares the counts (the fast path against the direct queries).
    package var hidden: Set<String> = []

    package init() {}

    package static func == (lhs: Tally, rhs: Tally) -> Bool { lhs.counts == rhs.counts }

    /// Whether the figure of this cell must be hidden (one of its month cells is, see `MonthMasking`).
    package func hides(_ dimension: String, _ key: String = "total") -> Bool {
        hidden.contains(MonthMasking.cell(dimension, key))
    }

    /// Whether the rest of a subset cell (its whole minus it, never shown as such) is hidden.
    package func hidesRest(_ dimension: String, _ key: String = "total") -> Bool {
        hidden.contains(MonthMasking.rest(MonthMasking.cell(dimension, key)))
    }

    package mutating func add(_ dimension: String, _ key: String, _ count: Int) {
        guard count != 0 else { return }
        let total = (counts[dimension]?[key] ?? 0) + count
        counts[dimension, default: [:]][key] = total == 0 ? nil : total
        if counts[dimension]?.isEmpty == true { counts[dimension] = nil }
    }

    package func count(_ dimension: String, _ key: String = "total") -> Int { counts[dimension]?[key] ?? 0 }

    package func keys(_ dimension: String) -> [String: Int] { counts[dimension] ?? [:] }
}
