/// One fully materialised result row, safe to hand to another thread.
///
/// Typed accessors return `nil` both for SQL NULL and for a value of another
/// storage class, so a schema mismatch reads as "absent" rather than crashing a request.
public struct Row: Sendable {
    let columns: ColumnIndex
    public let values: [SQLValue]

    init(columns: ColumnIndex, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public var columnNames: [String] { columns.names }
    public var count: Int { values.count }

    public func contains(_ column: String) -> Bool {
        columns.position(of: column) != nil
    }

    /// The value of `column`, or `.null` when the result has no such column
    /// (use `contains(_:)` to tell the two apart).
    public subscript(_ column: String) -> SQLValue {
        guard let index = columns.position(of: column) else { return .null }
        return values[index]
    }

    public subscript(_ index: Int) -> SQLValue {
        values.indices.contains(index) ? values[index] : .null
    }

    public func int64(_ column: String) -> Int64? {
        switch self[column] {
        case .integer(let v): v
        case .real(let v): Int64(exactly: v)
        default: nil
        }
    }

    public func int(_ column: String) -> Int? {
        int64(column).flatMap { Int(exactly: $0) }
    }

    public func double(_ column: String) -> Double? {
        switch self[column] {
        case .real(let v): v
        case .integer(let v): Double(v)
        default: nil
        }
    }

    public func string(_ column: String) -> String? {
        if case .text(let v) = self[column] { return v }
        return nil
    }

    public func bool(_ column: String) -> Bool? {
        int64(column).map { $0 != 0 }
    }

    public func blob(_ column: String) -> [UInt8]? {
        if case .blob(let v) = self[column] { return v }
        return nil
    }
}
