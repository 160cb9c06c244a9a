import Testing
import SQLiteStore

@Suite struct StoreTests {
    private static let schema = Migrator([
        Migration(1, "visits", sql: "CREATE TABLE visits (id INTEGER PRIMARY KEY, who TEXT NOT NULL)"),
    ])

    @Test func concurrentWritesAndReadsGiveTheExactCount() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.file("store.sqlite"), readers: 3, migrator: Self.schema)

        let (ids, counts) = try await withThrowingTaskGroup(of: (Int64?, Int?).self) { group in
            for i in 0..<200 {
                group.addTask {
                    let id = try await store.write { db in
                        try db.run("INSERT INTO visits (who) VALUES (?)", ["visitor \(i)"])
                        return db.lastInsertRowID
                    }
                    return (id, nil)
                }
                group.addTask {
                    let count = try await store.read { try $0.int("SELECT count(*) FROM visits") }
                    return (nil, count)
                }
            }
            var ids: [Int64] = []
            var counts: [Int] = []
            for try await (id, count) in group {
                if let id { ids.append(id) }
                if let count { counts.append(count) }
            }
            return (ids, counts)
        }

        #expect(ids.sorted() == Array(1...200))
        #expect(counts.count == 200)
        #expect(counts.allSatisfy { (0...200).contains($0) })
        #expect(try await store.read { try $0.int("SELECT count(*) FROM visits") } == 200)
    }

    @Test func readerSeesWhatTheWriterCommitted() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.file("store.sqlite"), migrator: Self.schema)

        try await store.write { try $0.run("INSERT INTO visits (who) VALUES (?)", ["Léa"]) }
        let (who, readOnly) = try await store.read { db in
            (try db.string("SELECT who FROM visits"), db.isReadOnly)
        }

        #expect(who == "Léa")
        #expect(readOnly)
    }

    @Test func failedWriteIsRolledBackAndItsErrorRethrown() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.file("store.sqlite"), migrator: Self.schema)

        await #expect(throws: MarkerError(id: 9)) {
            try await store.write { db in
                try db.run("INSERT INTO visits (who) VALUES (?)", ["ghost"])
                throw MarkerError(id: 9)
            }
        }

        #expect(try await store.read { try $0.int("SELECT count(*) FROM visits") } == 0)
        // The writer is usable again afterwards.
        try await store.write { try $0.run("INSERT INTO visits (who) VALUES (?)", ["real"]) }
        #expect(try store.readSync { try $0.int("SELECT count(*) FROM visits") } == 1)
    }

    @Test func readsCannotWrite() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.file("store.sqlite"), migrator: Self.schema)

        let error = await #expect(throws: SQLiteError.self) {
            try await store.read { try $0.run("INSERT INTO visits (who) VALUES (?)", ["sneaky"]) }
        }

        #expect(error?.isReadOnly == true)
        #expect(try store.readSync { try $0.int("SELECT count(*) FROM visits") } == 0)
    }

    @Test func syncVariantsAndMigratorOnOpen() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("store.sqlite")
        let store = try Store(path: path, migrator: Self.schema)

        let id = try store.writeSync { db in
            try db.run("INSERT INTO visits (who) VALUES (?)", ["Inès"])
            return db.lastInsertRowID
        }

        #expect(store.path == path)
        #expect(try store.readSync { try $0.string("SELECT who FROM visits WHERE id = ?", [id]) } == "Inès")
        #expect(try store.readSync { try Self.schema.appliedVersions($0) } == [1])
    }

    @Test func brandNewFileWithoutMigratorIsSharedByReaders() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // Readers open an empty file before any table exists.
        let store = try Store(path: dir.file("fresh.sqlite"), readers: 2)

        try await store.write { db in
            try db.execute("CREATE TABLE notes (body TEXT)")
            try db.run("INSERT INTO notes VALUES (?)", ["première"])
        }

        #expect(try await store.read { try $0.string("SELECT body FROM notes") } == "première")
        #expect(try store.readSync { try $0.string("PRAGMA journal_mode") } == "wal")
    }

    @Test func inMemoryStoreServesReadsFromTheWriter() async throws {
        let store = try Store(path: ":memory:", readers: 2, migrator: Self.schema)

        try await store.write { try $0.run("INSERT INTO visits (who) VALUES (?)", ["Noé"]) }

        #expect(try await store.read { try $0.string("SELECT who FROM visits") } == "Noé")
    }

    @Test func openingANewerDatabaseFails() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("store.sqlite")
        _ = try Store(path: path, migrator: Migrator(Self.schema.migrations + [
            Migration(2, "future", sql: "CREATE TABLE future (x)"),
        ]))

        #expect(throws: MigrationError.self) {
            try Store(path: path, migrator: Self.schema)
        }
    }
}
