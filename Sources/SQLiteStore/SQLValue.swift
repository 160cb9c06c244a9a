/// A value as SQLite stores it: one case per SQLite storage class.
public enum SQLValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLValue: CustomStringConvertible {
    /// Deliberately shows only the storage class and size, never the content:
    /// values are user data (names, contact details) and must not leak into logs
    /// through string interpolation.
    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text(let s): "TEXT(\(s.utf8.count) bytes)"
        case .blob(let b): "BLOB(\(b.count) bytes)"
        }
    }
}
