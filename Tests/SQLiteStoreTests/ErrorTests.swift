import Testing
import SQLiteStore

@Suite struct ErrorTests {
    @Test func uniqueViolationCarriesCodesButNeverTheBoundValue() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE people (email TEXT UNIQUE)")
        let sql = "INSERT INTO people (email) VALUES (?)"
        try db.run(sql, ["SECRET-Dupont"])

        let error = try #require(throws: SQLiteError.self) {
            try db.run(sql, ["SECRET-Dupont"])
        }

        #expect(error.code == 19)
        #expect(error.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.isConstraintViolation)
        #expect(!error.isBusy)
        #expect(error.message.contains("UNIQUE constraint failed: people.email"))
        #expect(error.sql == sql)
        for text in [error.description, String(reflecting: error), "\(error)", error.message] {
            #expect(!text.contains("SECRET"))
            #expect(!text.contains("Dupont"))
        }
    }

    @Test func syntaxErrorReportsTheStatement() throws {
        let db = try Connection(path: ":memory:")

        let error = try #require(throws: SQLiteError.self) {
            try db.query("SELEC 1")
        }

        #expect(error.code == 1)
        #expect(error.message.contains("syntax error"))
        #expect(error.sql == "SELEC 1")
    }

    @Test func writingThroughAReadOnlyConnectionIsReadOnlyError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.openDatabase().execute("CREATE TABLE t (x)")
        let reader = try Connection(path: dir.file("test.sqlite"), readOnly: true)

        let error = try #require(throws: SQLiteError.self) {
            try reader.run("INSERT INTO t VALUES (1)")
        }

        #expect(error.isReadOnly)
    }

    @Test func lockHeldByAnotherConnectionIsBusyAfterTheTimeout() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let holder = try dir.openDatabase()
        try holder.execute("CREATE TABLE t (x)")
        let impatient = try Connection(path: dir.file("test.sqlite"), busyTimeout: .milliseconds(50))

        try holder.run("BEGIN IMMEDIATE")
        defer { try? holder.run("ROLLBACK") }
        let error = try #require(throws: SQLiteError.self) {
            try impatient.run("INSERT INTO t VALUES (1)")
        }

        #expect(error.isBusy)
        #expect(error.code == 5)
    }

    @Test func openingAMissingFileReadOnlyFails() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }

        let error = try #require(throws: SQLiteError.self) {
            try Connection(path: dir.file("absent.sqlite"), readOnly: true)
        }

        #expect(error.code == 14)  // SQLITE_CANTOPEN
    }
}
