import Testing
import SQLiteStore

@Suite struct ConnectionSettingsTests {
    @Test func journalModeIsWALAndSynchronousIsNormal() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()

        #expect(try db.string("PRAGMA journal_mode") == "wal")
        #expect(try db.int("PRAGMA synchronous") == 1)  // NORMAL
        // Persistent in the file, so read-only connections use WAL too.
        let reader = try Connection(path: dir.file("test.sqlite"), readOnly: true)
        #expect(try reader.string("PRAGMA journal_mode") == "wal")
    }

    @Test func foreignKeysAreEnforced() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("""
            CREATE TABLE families (id INTEGER PRIMARY KEY);
            CREATE TABLE children (id INTEGER PRIMARY KEY, family_id INTEGER NOT NULL REFERENCES families(id));
            """)

        #expect(try db.int("PRAGMA foreign_keys") == 1)
        let error = try #require(throws: SQLiteError.self) {
            try db.run("INSERT INTO children (family_id) VALUES (?)", [999])
        }
        #expect(error.isConstraintViolation)
        #expect(error.extendedCode == 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
        #expect(try db.int("SELECT count(*) FROM children") == 0)
    }

    @Test func executeRunsAScriptAndNamesTheFailingStatement() throws {
        let db = try Connection(path: ":memory:")

        let error = try #require(throws: SQLiteError.self) {
            try db.execute("""
                CREATE TABLE a (x);
                INSERT INTO a VALUES (1);
                INSERT INTO missing VALUES (2);
                INSERT INTO a VALUES (3);
                """)
        }

        #expect(error.sql == "INSERT INTO missing VALUES (2);")
        // Statements before the failure ran, the one after did not.
        #expect(try db.int("SELECT count(*) FROM a") == 1)
    }

    @Test func runReportsChangesAndLastInsertRowID() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)")
        try db.run("INSERT INTO t (x) VALUES (?), (?), (?)", [1, 2, 3])
        #expect(db.lastInsertRowID == 3)

        try db.run("UPDATE t SET x = x + 1 WHERE x >= ?", [2])
        #expect(db.changes == 2)
    }

    @Test func integrityCheckIsOKOnAHealthyDatabase() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1);")

        #expect(try db.integrityCheck() == ["ok"])
    }
}
