/// The database entry point for the web app: one writer connection and a few
/// read-only connections, each confined to its own serial queue.
///
/// SQLite allows one writer at a time anyway, so funnelling all writes through one
/// queue turns lock contention (BUSY errors, busy-wait sleeps) into plain queueing,
/// while WAL mode lets the readers run in parallel with it.
///
/// Sendable is checked by the compiler here: the unchecked part is confined to
/// `SerialConnection` (connection ↔ queue confinement) and `ReaderBalancer` (lock).
public final class Store: Sendable {
    public let path: String
    private let writer: SerialConnection
    private let readers: [SerialConnection]
    private let balancer: ReaderBalancer

    /// Opens (creating if needed) the database file at `path`; its directory must exist.
    ///
    /// The writer opens first: it creates the file and switches it to WAL, which the
    /// read-only connections cannot do. `migrator`, if any, runs on the writer before
    /// the readers open. For an in-memory database (`":memory:"` or `""`) each
    /// connection would get its own private database, so reads are served by the
    /// writer instead and `readers` is ignored.
    public init(path: String,
                readers: Int = 2,
                migrator: Migrator? = nil,
                busyTimeout: Duration = .milliseconds(5000)) throws {
        precondition(readers >= 0, "readers must not be negative")
        self.path = path
        writer = SerialConnection(try Connection(path: path, busyTimeout: busyTimeout),
                                  label: "SQLiteStore.writer")
        if let migrator {
            _ = try writer.performSync { try migrator.migrate($0) }
        }
        let readerCount = Store.isPrivateDatabase(path) ? 0 : readers
        self.readers = try (0..<readerCount).map { index in
            SerialConnection(try Connection(path: path, readOnly: true, busyTimeout: busyTimeout),
                             label: "SQLiteStore.reader.\(index)")
        }
        balancer = ReaderBalancer(count: readerCount)
    }

    /// Runs `body` on a read-only connection inside a read transaction, so all its
    /// queries see the same committed snapshot. Skipped if the task is already cancelled.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try Task.checkCancellation()
        guard !readers.isEmpty else {
            return try await writer.perform { db in try db.readTransaction { try body(db) } }
        }
        let index = balancer.acquire()
        defer { balancer.release(index) }
        return try await readers[index].perform { db in try db.readTransaction { try body(db) } }
    }

    /// Runs `body` on the writer inside `transaction()`: committed when it returns,
    /// rolled back when it throws. Writes run one after another in submission order.
    /// Once submitted, a write runs even if the task is cancelled meanwhile.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await writer.perform { db in try db.transaction { try body(db) } }
    }

    /// Blocking variant of `read` for the CLI and tests. Must not be called from
    /// inside another `read`/`write` body on the same connection.
    public func readSync<T>(_ body: (Connection) throws -> T) throws -> T {
        guard !readers.isEmpty else {
            return try writer.performSync { db in try db.readTransaction { try body(db) } }
        }
        let index = balancer.acquire()
        defer { balancer.release(index) }
        return try readers[index].performSync { db in try db.readTransaction { try body(db) } }
    }

    /// Blocking variant of `write` for the CLI and tests.
    public func writeSync<T>(_ body: (Connection) throws -> T) throws -> T {
        try writer.performSync { db in try db.transaction { try body(db) } }
    }

    /// Runs `body` on the writer connection outside any transaction: for connection settings and
    /// maintenance (pragmas, checkpoints) that a transaction would forbid or hide. Blocking.
    public func maintenanceSync<T>(_ body: (Connection) throws -> T) throws -> T {
        try writer.performSync { db in try body(db) }
    }

    /// Online backup to `path` (see `Connection.backup(to:)`). It runs on a reader, so
    /// writes keep flowing while the copy is made.
    public func backup(to path: String) async throws {
        guard !readers.isEmpty else {
            return try await writer.perform { try $0.backup(to: path) }
        }
        let index = balancer.acquire()
        defer { balancer.release(index) }
        try await readers[index].perform { try $0.backup(to: path) }
    }

    private static func isPrivateDatabase(_ path: String) -> Bool {
        path.isEmpty || path == ":memory:"
    }
}
