/// Counts by dimension and key (e.g. "motif" → "logement" → 42) for one period and site selection.
/// Both the fast path (summary tables) and the direct path (plain GROUP BY) produce one, so a test
/// can compare them for equality.
package struct Tally: Sendable, Equatable {
    package private(set) var counts: [String: [String: Int]] = [:]

    package init() {}

    package mutating func add(_ dimension: String, _ key: String, _ count: Int) {
        guard count != 0 else { return }
        let total = (counts[dimension]?[key] ?? 0) + count
        counts[dimension, default: [:]][key] = total == 0 ? nil : total
        if counts[dimension]?.isEmpty == true { counts[dimension] = nil }
    }

    package func count(_ dimension: String, _ key: String = "total") -> Int { counts[dimension]?[key] ?? 0 }

    package func keys(_ dimension: String) -> [String: Int] { counts[dimension] ?? [:] }
}
