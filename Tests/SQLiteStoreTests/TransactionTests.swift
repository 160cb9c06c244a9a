import Testing
import SQLiteStore

@Suite struct TransactionTests {
    @Test func rollsBackAndRethrowsTheBodyErrorUnchanged() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE people (name TEXT)")

        #expect(throws: MarkerError(id: 42)) {
            try db.transaction {
                try db.run("INSERT INTO people (name) VALUES (?)", ["Inside"])
                throw MarkerError(id: 42)
            }
        }

        #expect(try db.int("SELECT count(*) FROM people") == 0)
        #expect(!db.isInTransaction)
    }

    @Test func commitsOnSuccessAndReturnsTheBodyResult() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE people (name TEXT)")

        let id = try db.transaction {
            try db.run("INSERT INTO people (name) VALUES (?)", ["Committed"])
            return db.lastInsertRowID
        }

        #expect(id == 1)
        #expect(!db.isInTransaction)
        // Visible to another connection, so it really was committed.
        let other = try Connection(path: dir.file("test.sqlite"), readOnly: true)
        #expect(try other.string("SELECT name FROM people WHERE rowid = ?", [id]) == "Committed")
    }

    @Test func nestedTransactionRollsBackOnlyTheInnerWork() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE people (name TEXT)")

        try db.transaction {
            try db.run("INSERT INTO people (name) VALUES (?)", ["Outer"])
            #expect(throws: MarkerError(id: 1)) {
                try db.transaction {
                    try db.run("INSERT INTO people (name) VALUES (?)", ["Inner"])
                    throw MarkerError(id: 1)
                }
            }
        }

        let names = try db.query("SELECT name FROM people").compactMap { $0.string("name") }
        #expect(names == ["Outer"])
    }

    @Test func readOnlyConnectionGetsASnapshotTransaction() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let writer = try dir.openDatabase()
        try writer.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
        let reader = try Connection(path: dir.file("test.sqlite"), readOnly: true)

        // Inside one transaction the reader keeps its snapshot even after a commit.
        let (before, during) = try reader.transaction {
            let before = try reader.int("SELECT count(*) FROM t")
            try writer.run("INSERT INTO t VALUES (2)")
            let during = try reader.int("SELECT count(*) FROM t")
            return (before, during)
        }

        #expect(before == 1)
        #expect(during == 1)
        #expect(try reader.int("SELECT count(*) FROM t") == 2)
    }
}
