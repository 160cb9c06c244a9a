/// One schema change, identified by a version number that never changes once shipped.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// Runs inside the migration's transaction; it must not BEGIN/COMMIT itself.
    public let apply: @Sendable (Connection) throws -> Void

    /// A migration given as an SQL script (several statements allowed).
    public init(_ version: Int, _ name: String, sql: String) {
        self.init(version, name) { db in try db.execute(sql) }
    }

    /// A migration that needs code, e.g. to transform existing rows.
    public init(_ version: Int, _ name: String, apply: @escaping @Sendable (Connection) throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}
