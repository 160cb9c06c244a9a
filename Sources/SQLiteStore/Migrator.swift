/// Brings a database schema up to date by applying the migrations it has not seen yet,
/// recording each one in `schema_migrations`.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(_ migrations: [Migration]) {
        // Strictly increasing implies unique; a duplicate or out-of-order version is a
        // programming error that must not reach a database.
        for (previous, next) in zip(migrations, migrations.dropFirst()) {
            precondition(previous.version < next.version,
                         "migration versions must be strictly increasing: \(previous.version) then \(next.version)")
        }
        self.migrations = migrations
    }

    /// Applies pending migrations in order, each in its own transaction together with
    /// its `schema_migrations` row, so a failure leaves neither a partial schema change
    /// nor a version claiming it was applied. Returns the versions applied by this call.
    @discardableResult
    public func migrate(_ db: Connection) throws -> [Int] {
        try createVersionTable(db)
        let applied = try appliedVersions(db)
        try checkNoUnknownVersions(applied)

        let appliedSet = Set(applied)
        var appliedNow: [Int] = []
        for migration in migrations where !appliedSet.contains(migration.version) {
            let didApply = try db.transaction {
                // Another process may have applied it since we looked; BEGIN IMMEDIATE
                // holds the write lock, so this check is authoritative.
                if try db.int("SELECT 1 FROM schema_migrations WHERE version = ?", [migration.version]) != nil {
                    return false
                }
                try migration.apply(db)
                try db.run(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    """,
                    [migration.version, migration.name])
                return true
            }
            if didApply { appliedNow.append(migration.version) }
        }
        return appliedNow
    }

    /// Versions recorded in the database, ascending (empty for a fresh database).
    public func appliedVersions(_ db: Connection) throws -> [Int] {
        let exists = try db.int(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
        guard exists != nil else { return [] }
        return try db.query("SELECT version FROM schema_migrations ORDER BY version")
            .compactMap { $0.int("version") }
    }

    private func createVersionTable(_ db: Connection) throws {
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
    }

    private func checkNoUnknownVersions(_ applied: [Int]) throws {
        let known = Set(migrations.map(\.version))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw MigrationError.unknownVersions(inDatabase: unknown, latestKnown: migrations.last?.version)
        }
    }
}
