import Testing
@testable import SQLiteStore

@Suite struct StatementCacheTests {
    private func makePeople(_ dir: TemporaryDirectory) throws -> Connection {
        let db = try dir.openDatabase()
        try db.execute("""
            CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT UNIQUE, age INTEGER);
            INSERT INTO people (name, age) VALUES ('Ana', 30), ('Bruno', 41), ('Chloé', 30);
            """)
        return db
    }

    @Test func sameSQLIsPreparedOnceAndRebindsEachTime() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try makePeople(dir)
        let sql = "SELECT name FROM people WHERE age = ? ORDER BY name"

        let thirty = try db.query(sql, [30]).compactMap { $0.string("name") }
        let fortyOne = try db.query(sql, [41]).compactMap { $0.string("name") }
        let none = try db.query(sql, [99])

        #expect(thirty == ["Ana", "Chloé"])
        #expect(fortyOne == ["Bruno"])
        #expect(none.isEmpty)
        #expect(db.cachedStatementCount == 1)
    }

    @Test func previousBindingsAreNeverReused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try makePeople(dir)
        let sql = "SELECT count(*) AS n FROM people WHERE age = ?"
        #expect(try db.int(sql, [30]) == 2)

        // Too few values is an error, not a silent reuse of the previous 30.
        let error = try #require(throws: SQLiteError.self) { try db.int(sql) }
        #expect(error.code == 25)  // SQLITE_RANGE
    }

    @Test func cachedStatementRecoversAfterAFailedRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try makePeople(dir)
        let sql = "INSERT INTO people (name, age) VALUES (?, ?)"

        #expect(throws: SQLiteError.self) { try db.run(sql, ["Ana", 1]) }
        try db.run(sql, ["Dora", 5])

        #expect(try db.int("SELECT age FROM people WHERE name = ?", ["Dora"]) == 5)
    }

    @Test func cachedQueryDoesNotPinAnOldSnapshot() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let writer = try makePeople(dir)
        let reader = try Connection(path: dir.file("test.sqlite"), readOnly: true)
        let sql = "SELECT count(*) FROM people"
        #expect(try reader.int(sql) == 3)

        try writer.run("INSERT INTO people (name, age) VALUES (?, ?)", ["Dora", 5])

        #expect(try reader.int(sql) == 4)
    }

    @Test func runRejectsASecondStatement() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")

        let error = try #require(throws: SQLiteError.self) {
            try db.run("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)")
        }

        #expect(error.code == 21)  // SQLITE_MISUSE
        #expect(try db.int("SELECT count(*) FROM t") == 0)
        // Trailing semicolons, whitespace and comments are fine.
        try db.run("INSERT INTO t VALUES (1); -- done\n")
        #expect(try db.int("SELECT count(*) FROM t") == 1)
    }

    @Test func preparedStatementCanBeSteppedAndReused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try makePeople(dir)
        let statement = try db.prepare("SELECT name FROM people WHERE age >= ? ORDER BY id")

        try statement.bind([31])
        #expect(try statement.step())
        #expect(statement.currentRow().string("name") == "Bruno")
        #expect(try statement.step() == false)
        statement.reset()

        let all = try statement.query([0]).compactMap { $0.string("name") }
        #expect(all == ["Ana", "Bruno", "Chloé"])
    }

    @Test func cacheStaysBoundedWithDynamicSQL() throws {
        let db = try Connection(path: ":memory:")
        let inputs = Array(0...(Connection.statementCacheLimit + 10))
        let results = try inputs.map { try db.int("SELECT \($0)") }
        #expect(results == inputs.map { Optional($0) })
        #expect(db.cachedStatementCount <= Connection.statementCacheLimit)
    }
}
