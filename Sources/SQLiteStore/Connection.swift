import CSQLite

/// One SQLite database connection.
///
/// Not Sendable: it is opened with `SQLITE_OPEN_NOMUTEX`, so SQLite does no locking of
/// its own and the caller must use it from one thread (or serial queue) at a time.
/// `Store` provides that discipline for the web app.
public final class Connection {
    public let path: String
    public let isReadOnly: Bool
    let handle: DatabaseHandle
    let busyTimeoutMilliseconds: Int32

    /// Prepared statements reused by `run`/`query`, keyed by SQL text: parsing and
    /// planning dominate the cost of the small queries a web request makes.
    private var statementCache: [String: Statement] = [:]
    /// Guards against unbounded growth when callers build SQL dynamically
    /// (e.g. `IN (?, ?, …)` lists of varying length).
    static let statementCacheLimit = 256

    public init(path: String, readOnly: Bool = false, busyTimeout: Duration = .milliseconds(5000)) throws {
        // EXRESCODE: extended result codes (e.g. UNIQUE vs FOREIGN KEY) from the start.
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var pointer: OpaquePointer?
        let rc = sqlite3_open_v2(path, &pointer, flags, nil)
        guard rc == SQLITE_OK, let pointer else {
            // SQLite usually allocates a handle even when opening fails; it carries the
            // message and must still be closed.
            let error = SQLiteError(db: pointer, code: rc, sql: nil)
            sqlite3_close_v2(pointer)
            throw error
        }
        self.path = path
        self.isReadOnly = readOnly
        self.handle = DatabaseHandle(pointer: pointer)
        self.busyTimeoutMilliseconds = Connection.milliseconds(busyTimeout)
        try configure()
    }

    private func configure() throws {
        // First, so that the pragmas below already wait for locks instead of failing.
        sqlite3_busy_timeout(handle.pointer, busyTimeoutMilliseconds)
        if !isReadOnly {
            // WAL lets readers proceed while the single writer commits. The mode is
            // persistent in the file, so read-only connections inherit it.
            try execute("PRAGMA journal_mode = WAL")
        }
        // synchronous=NORMAL in WAL: a commit is durable across an application crash
        // (the WAL is written before COMMIT returns) and only the latest commits can
        // be lost on power failure; fsync happens at checkpoints instead of on every
        // commit, which is the main write cost of FULL.
        try execute("PRAGMA synchronous = NORMAL")
        // Off by default in SQLite for historical reasons; the schema relies on it.
        try execute("PRAGMA foreign_keys = ON")
        // The figures read the same summary pages request after request: 16 MiB of page cache per
        // connection (SQLite's default is 2 MiB) keeps them here instead of copying them from the OS each time.
        try execute("PRAGMA cache_size = -16384")
    }

    // MARK: Running SQL

    /// Runs a script of one or more statements without parameters (e.g. a migration).
    /// Rows produced by the script are discarded.
    public func execute(_ sql: String) throws {
        try sql.withCString { start in
            var next: UnsafePointer<CChar>? = start
            while let current = next, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let rc = sqlite3_prepare_v2(handle.pointer, current, -1, &statement, &tail)
                guard rc == SQLITE_OK else {
                    throw handle.error(rc, sql: Connection.text(from: current, to: tail))
                }
                defer { sqlite3_finalize(statement) }
                // Report the failing statement rather than the whole script.
                let statementSQL = { Connection.text(from: current, to: tail) }
                if let statement {
                    var step = sqlite3_step(statement)
                    while step == SQLITE_ROW { step = sqlite3_step(statement) }
                    guard step == SQLITE_DONE else { throw handle.error(step, sql: statementSQL()) }
                }
                next = tail
            }
        }
    }

    /// Runs one statement through the statement cache.
    public func run(_ sql: String, _ params: [any SQLBindable] = []) throws {
        try cachedStatement(sql).run(params)
    }

    /// Runs one query through the statement cache and returns all its rows.
    public func query(_ sql: String, _ params: [any SQLBindable] = []) throws -> [Row] {
        try cachedStatement(sql).query(params)
    }

    /// The first row, or nil. Add `LIMIT 1` when the query could return many rows:
    /// the remaining rows are still read.
    public func queryOne(_ sql: String, _ params: [any SQLBindable] = []) throws -> Row? {
        try query(sql, params).first
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ params: [any SQLBindable] = []) throws -> SQLValue? {
        try queryOne(sql, params)?[0]
    }

    public func int(_ sql: String, _ params: [any SQLBindable] = []) throws -> Int? {
        guard case .integer(let value)? = try scalar(sql, params) else { return nil }
        return Int(exactly: value)
    }

    public func string(_ sql: String, _ params: [any SQLBindable] = []) throws -> String? {
        guard case .text(let value)? = try scalar(sql, params) else { return nil }
        return value
    }

    /// A new, uncached statement owned by the caller. Unlike the cached ones it can be
    /// stepped row by row and interleaved with other statements.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(handle: handle, sql: sql, persistent: false)
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle.pointer) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle.pointer)) }

    /// Whether an explicit transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle.pointer) == 0 }

    public func integrityCheck() throws -> [String] {
        try query("PRAGMA integrity_check").compactMap { $0.string("integrity_check") }
    }

    var cachedStatementCount: Int { statementCache.count }

    func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try Statement(handle: handle, sql: sql, persistent: true)
        if statementCache.count >= Connection.statementCacheLimit {
            statementCache.removeAll(keepingCapacity: true)
        }
        statementCache[sql] = statement
        return statement
    }

    // MARK: Helpers

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }

    private static func text(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>?) -> String {
        guard let end, end > start else { return String(cString: start) }
        let bytes = UnsafeRawBufferPointer(start: start, count: end - start)
        return String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }
}

@available(*, unavailable, message: "A Connection must stay on one serial queue; use Store")
extension Connection: Sendable {}

private extension String {
    func trimmingWhitespace() -> String {
        let trimmedStart = drop(while: \.isWhitespace)
        return String(trimmedStart.reversed().drop(while: \.isWhitespace).reversed())
    }
}
