/// Column names of one result set, shared by all its rows so that each row
/// carries only its values.
final class ColumnIndex: Sendable {
    let names: [String]
    private let positions: [String: Int]
    /// SQLite identifiers are case-insensitive, so `SELECT Name` should still be
    /// readable as `row["name"]`.
    private let lowercasedPositions: [String: Int]

    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        var lowercased: [String: Int] = [:]
        // The first occurrence wins, as in SQL: `SELECT a.id, b.id` answers "id" with a.id.
        for (index, name) in names.enumerated().reversed() {
            positions[name] = index
            lowercased[name.lowercased()] = index
        }
        self.positions = positions
        self.lowercasedPositions = lowercased
    }

    func position(of name: String) -> Int? {
        positions[name] ?? lowercasedPositions[name.lowercased()]
    }
}
