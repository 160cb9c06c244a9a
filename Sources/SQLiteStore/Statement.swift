import CSQLite

/// A prepared statement, reusable with different parameters. Finalized on deinit.
///
/// Not Sendable, like its `Connection`.
public final class Statement {
    public let sql: String
    private let handle: DatabaseHandle
    private let pointer: OpaquePointer

    /// Prepares exactly one statement; `sql` must not contain a second one.
    init(handle: DatabaseHandle, sql: String, persistent: Bool) throws {
        var statement: OpaquePointer?
        var hasMoreStatements = false
        // PERSISTENT tells SQLite the statement will be reused many times (cached
        // statements), so it allocates from the heap rather than the lookaside pool.
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let rc = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v3(handle.pointer, text, -1, flags, &statement, &tail)
            // The tail pointer is only valid inside this closure.
            if rc == SQLITE_OK, let tail {
                hasMoreStatements = Statement.containsStatement(tail, db: handle.pointer)
            }
            return rc
        }
        guard rc == SQLITE_OK else { throw handle.error(rc, sql: sql) }
        guard let statement else {
            // Only whitespace or comments: nothing SQLite could run.
            throw SQLiteError(code: SQLITE_MISUSE, message: "empty statement", sql: sql)
        }
        if hasMoreStatements {
            sqlite3_finalize(statement)
            // Silently running only the first statement would hide a bug.
            throw SQLiteError(code: SQLITE_MISUSE,
                              message: "only one statement is allowed here; use execute(_:) for scripts",
                              sql: sql)
        }
        self.sql = sql
        self.handle = handle
        self.pointer = statement
    }

    deinit {
        sqlite3_finalize(pointer)
    }

    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(pointer)) }

    public var columnNames: [String] {
        // column_name only returns NULL when out of memory; an empty name beats a crash.
        (0..<sqlite3_column_count(pointer)).map { sqlite3_column_name(pointer, $0).map { String(cString: $0) } ?? "" }
    }

    // MARK: Binding

    /// Replaces all bindings. The count must match the placeholders exactly: a missing
    /// value would silently become NULL, an extra one hints at a wrong query.
    public func bind(_ params: [any SQLBindable]) throws {
        sqlite3_reset(pointer)
        sqlite3_clear_bindings(pointer)
        guard params.count == parameterCount else {
            throw SQLiteError(code: SQLITE_RANGE,
                              message: "expected \(parameterCount) parameter(s), got \(params.count)",
                              sql: sql)
        }
        for (offset, param) in params.enumerated() {
            try bind(param.sqlValue, at: offset + 1)
        }
    }

    /// Binds one value; `index` is 1-based as in SQLite.
    public func bind(_ value: SQLValue, at index: Int) throws {
        let position = Int32(index)
        let rc: Int32
        switch value {
        case .null:
            rc = sqlite3_bind_null(pointer, position)
        case .integer(let v):
            rc = sqlite3_bind_int64(pointer, position, v)
        case .real(let v):
            rc = sqlite3_bind_double(pointer, position, v)
        case .text(var v):
            rc = v.withUTF8 { bytes in
                // An empty buffer may have a nil base address, which SQLite would
                // bind as NULL instead of ''.
                guard let base = bytes.baseAddress, bytes.count > 0 else {
                    return sqlite3_bind_text(pointer, position, "", 0, nil)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text64(pointer, position, $0, UInt64(bytes.count),
                                        Statement.transient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let v):
            rc = v.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress, bytes.count > 0 else {
                    // Same nil-pointer issue as text: an empty blob must not become NULL.
                    return sqlite3_bind_zeroblob(pointer, position, 0)
                }
                return sqlite3_bind_blob64(pointer, position, base, UInt64(bytes.count),
                                           Statement.transient)
            }
        }
        guard rc == SQLITE_OK else { throw handle.error(rc, sql: sql) }
    }

    // MARK: Stepping

    /// Advances to the next row; `true` when a row is available via `currentRow`.
    @discardableResult
    public func step() throws -> Bool {
        let rc = sqlite3_step(pointer)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = handle.error(rc, sql: sql)
            sqlite3_reset(pointer)
            throw error
        }
    }

    /// Rewinds the statement so it can run again. Also ends its read snapshot: in WAL
    /// mode an un-reset SELECT would pin an old snapshot and block checkpoints.
    public func reset() {
        sqlite3_reset(pointer)
    }

    /// Drops bound values so large or personal data does not linger in a cached statement.
    public func clearBindings() {
        sqlite3_clear_bindings(pointer)
    }

    /// The row the last `step()` stopped on.
    public func currentRow() -> Row {
        Row(columns: ColumnIndex(names: columnNames), values: currentValues())
    }

    // MARK: One-shot helpers

    /// Binds `params`, collects every row, and leaves the statement reset.
    public func query(_ params: [any SQLBindable] = []) throws -> [Row] {
        try bind(params)
        defer { finish() }
        var rows: [Row] = []
        // Names are read once per execution: a schema change can re-prepare the
        // statement with different columns between two runs.
        var columns: ColumnIndex?
        while try step() {
            let index = columns ?? ColumnIndex(names: columnNames)
            columns = index
            rows.append(Row(columns: index, values: currentValues()))
        }
        return rows
    }

    /// Binds `params` and runs the statement to completion, ignoring any rows
    /// (e.g. from `RETURNING`).
    public func run(_ params: [any SQLBindable] = []) throws {
        try bind(params)
        defer { finish() }
        while try step() {}
    }

    private func finish() {
        reset()
        clearBindings()
    }

    private func currentValues() -> [SQLValue] {
        let count = sqlite3_column_count(pointer)
        var values: [SQLValue] = []
        values.reserveCapacity(Int(count))
        for column in 0..<count {
            values.append(value(at: column))
        }
        return values
    }

    private func value(at column: Int32) -> SQLValue {
        switch sqlite3_column_type(pointer, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(pointer, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(pointer, column))
        case SQLITE_TEXT:
            // Fetch the pointer before the length, as SQLite documents, and decode
            // with the length so embedded NULs survive.
            guard let text = sqlite3_column_text(pointer, column) else { return .text("") }
            let length = Int(sqlite3_column_bytes(pointer, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            // A zero-length blob comes back as a NULL pointer.
            guard let bytes = sqlite3_column_blob(pointer, column) else { return .blob([]) }
            let length = Int(sqlite3_column_bytes(pointer, column))
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
        default:
            return .null
        }
    }

    /// `SQLITE_TRANSIENT` is a C macro cast Swift cannot import: it tells SQLite to copy
    /// the bytes, since Swift's buffer is only valid inside the `with…` closure.
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }

    /// Whether `tail` holds another statement (or garbage) rather than only
    /// whitespace and comments. Preparing it lets SQLite's own tokenizer decide.
    private static func containsStatement(_ tail: UnsafePointer<CChar>, db: OpaquePointer) -> Bool {
        if tail.pointee == 0 { return false }
        var next: OpaquePointer?
        let rc = sqlite3_prepare_v2(db, tail, -1, &next, nil)
        defer { sqlite3_finalize(next) }
        return rc != SQLITE_OK || next != nil
    }
}

@available(*, unavailable, message: "A Statement belongs to its Connection's queue")
extension Statement: Sendable {}
