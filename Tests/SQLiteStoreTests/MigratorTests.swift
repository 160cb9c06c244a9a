import Testing
import SQLiteStore

@Suite struct MigratorTests {
    /// Each migration appends its version to `log`, so the order they ran in is recorded.
    private static let base = [
        Migration(1, "create log", sql: """
            CREATE TABLE log (step INTEGER NOT NULL);
            INSERT INTO log VALUES (1);
            """),
        Migration(2, "create families", sql: """
            CREATE TABLE families (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            INSERT INTO log VALUES (2);
            """),
        Migration(3, "seed families") { db in
            try db.run("INSERT INTO families (name) VALUES (?)", ["Martin"])
            try db.run("INSERT INTO log VALUES (?)", [3])
        },
    ]

    private func steps(_ db: Connection) throws -> [Int] {
        try db.query("SELECT step FROM log ORDER BY rowid").compactMap { $0.int("step") }
    }

    @Test func appliesPendingMigrationsInOrderAndRecordsThem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        let migrator = Migrator(Self.base)

        #expect(try migrator.appliedVersions(db) == [])
        #expect(try migrator.migrate(db) == [1, 2, 3])

        #expect(try steps(db) == [1, 2, 3])
        #expect(try migrator.appliedVersions(db) == [1, 2, 3])
        let rows = try db.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
        #expect(rows.compactMap { $0.string("name") } == ["create log", "create families", "seed families"])
        #expect(rows.allSatisfy { ($0.string("applied_at") ?? "").hasPrefix("20") })
    }

    @Test func secondRunAppliesNothingAndLaterMigrationsApplyAlone() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try Migrator(Self.base).migrate(db)

        #expect(try Migrator(Self.base).migrate(db) == [])
        #expect(try steps(db) == [1, 2, 3])
        #expect(try db.int("SELECT count(*) FROM families") == 1)

        let extended = Self.base + [Migration(4, "log four", sql: "INSERT INTO log VALUES (4)")]
        #expect(try Migrator(extended).migrate(db) == [4])
        #expect(try steps(db) == [1, 2, 3, 4])
    }

    @Test func failingMigrationLeavesNoPartialTableAndNoVersionRow() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        let broken = Migration(2, "half done", sql: """
            CREATE TABLE partial (x INTEGER);
            INSERT INTO does_not_exist VALUES (1);
            """)

        #expect(throws: SQLiteError.self) {
            try Migrator([Self.base[0], broken]).migrate(db)
        }

        let migrator = Migrator([Self.base[0], broken])
        #expect(try migrator.appliedVersions(db) == [1])
        #expect(try db.int("SELECT count(*) FROM sqlite_schema WHERE name = 'partial'") == 0)
        #expect(!db.isInTransaction)
        // Once fixed, the migration applies normally.
        #expect(try Migrator(Self.base).migrate(db) == [2, 3])
    }

    @Test func codeMigrationErrorIsRethrownAndRolledBack() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        let failing = Migration(2, "fails in code") { db in
            try db.execute("CREATE TABLE temp_work (x)")
            throw MarkerError(id: 2)
        }

        #expect(throws: MarkerError(id: 2)) {
            try Migrator([Self.base[0], failing]).migrate(db)
        }
        #expect(try db.int("SELECT count(*) FROM sqlite_schema WHERE name = 'temp_work'") == 0)
    }

    @Test func databaseFromANewerBuildIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        // A newer build shipped versions 1 and 3; this older build knows 1 and 2.
        try Migrator([Self.base[0], Migration(3, "newer", sql: "CREATE TABLE newer (x)")]).migrate(db)

        let older = Migrator([Self.base[0], Self.base[1]])
        let error = try #require(throws: MigrationError.self) {
            try older.migrate(db)
        }

        #expect(error == .unknownVersions(inDatabase: [3], latestKnown: 2))
        #expect(error.description.contains("3"))
        // Nothing ran: version 2 (families) is still pending.
        #expect(try db.int("SELECT count(*) FROM sqlite_schema WHERE name = 'families'") == 0)
        #expect(try older.appliedVersions(db) == [1, 3])
    }
}
