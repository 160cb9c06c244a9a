import Testing
import SQLiteStore

@Suite struct BackupTests {
    @Test func backupIsAnIntactCopyOfTheData() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, data BLOB)")
        // About 2 MB, so the copy takes many 256-page steps.
        let payload = [UInt8](repeating: 0xAB, count: 1000)
        try db.transaction {
            for i in 1...2000 {
                try db.run("INSERT INTO notes (body, data) VALUES (?, ?)", ["note \(i) — é", payload])
            }
        }

        try db.backup(to: dir.file("backup.sqlite"))

        #expect(!db.isInTransaction)  // the read snapshot was released
        let copy = try Connection(path: dir.file("backup.sqlite"), readOnly: true)
        #expect(try copy.integrityCheck() == ["ok"])
        // Self-contained: rollback-journal mode, so no -wal/-shm is needed to read it.
        #expect(try copy.string("PRAGMA journal_mode") == "delete")
        #expect(try copy.int("SELECT count(*) FROM notes") == 2000)
        #expect(try copy.string("SELECT body FROM notes WHERE id = ?", [1234]) == "note 1234 — é")
        #expect(try copy.queryOne("SELECT data FROM notes WHERE id = 7")?.blob("data") == payload)
    }

    @Test func backupReplacesAnExistingFileAndLeavesNoTemporaryFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // Still open, so its -wal and -shm files exist beside the target path.
        let old = try dir.openDatabase("backup.sqlite")
        try old.execute("CREATE TABLE stale (x)")
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE fresh (x); INSERT INTO fresh VALUES (1);")

        try db.backup(to: dir.file("backup.sqlite"))

        let copy = try Connection(path: dir.file("backup.sqlite"), readOnly: true)
        #expect(try copy.int("SELECT count(*) FROM fresh") == 1)
        #expect(try copy.int("SELECT count(*) FROM sqlite_schema WHERE name = 'stale'") == 0)
        #expect(try dir.contents().allSatisfy { !$0.contains(".partial-") })
    }

    @Test func backupIntoAMissingDirectoryFailsCleanly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()

        #expect(throws: SQLiteError.self) {
            try db.backup(to: dir.file("no/such/dir/backup.sqlite"))
        }
    }

    @Test func backupOntoTheSourceFileIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1);")

        let error = try #require(throws: SQLiteError.self) {
            try db.backup(to: dir.path + "/./test.sqlite")
        }

        #expect(error.code == 21)  // SQLITE_MISUSE
        #expect(try db.int("SELECT count(*) FROM t") == 1)
    }

    @Test func backupInsideAWriteTransactionFailsFast() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = try dir.openDatabase()
        try db.execute("CREATE TABLE t (x)")
        let clock = ContinuousClock()
        let start = clock.now

        #expect(throws: SQLiteError.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                try db.backup(to: dir.file("backup.sqlite"))
            }
        }

        // Without the check it would retry for the whole 5 s busy timeout.
        #expect(clock.now - start < .seconds(2))
    }

    @Test func backupWhileAnotherConnectionKeepsWritingIsConsistent() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.file("live.sqlite"))
        let payload = [UInt8](repeating: 7, count: 1000)
        try await store.write { db in
            try db.execute("""
                CREATE TABLE events (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
                CREATE TABLE totals (n INTEGER NOT NULL);
                INSERT INTO totals VALUES (0);
                """)
            for _ in 1...2000 {
                try db.run("INSERT INTO events (data) VALUES (?)", [payload])
            }
            try db.run("UPDATE totals SET n = 2000")
        }

        // Each write changes two tables in one transaction; a consistent copy must
        // agree on both. The writer connection keeps committing while a reader
        // connection makes the copy.
        let (progress, reporter) = AsyncStream.makeStream(of: Int.self)
        let writes = Task {
            for i in 1...300 {
                try await store.write { db in
                    try db.run("INSERT INTO events (data) VALUES (?)", [payload])
                    try db.run("UPDATE totals SET n = n + 1")
                }
                reporter.yield(i)
            }
            reporter.finish()
        }
        for await done in progress where done >= 50 { break }
        try await store.backup(to: dir.file("backup.sqlite"))
        try await writes.value

        let copy = try Connection(path: dir.file("backup.sqlite"), readOnly: true)
        #expect(try copy.integrityCheck() == ["ok"])
        let count = try #require(try copy.int("SELECT count(*) FROM events"))
        #expect((2050...2300).contains(count))
        #expect(try copy.int("SELECT n FROM totals") == count)
        #expect(try copy.int("SELECT max(id) FROM events") == count)
        #expect(try store.readSync { try $0.int("SELECT count(*) FROM events") } == 2300)
    }
}
