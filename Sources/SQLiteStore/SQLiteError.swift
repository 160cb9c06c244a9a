import CSQLite

/// An error reported by SQLite (or by this wrapper using SQLite's result codes).
///
/// Privacy: `message` comes from `sqlite3_errmsg`, which names tables, columns and
/// constraints but never the values bound to parameters, and `sql` is the statement
/// text with its `?` placeholders. So the error can be logged as-is without leaking
/// personal data — as long as callers bind values instead of interpolating them.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// Primary result code, e.g. `SQLITE_CONSTRAINT` (19).
    public let code: Int32
    /// Extended result code, e.g. `SQLITE_CONSTRAINT_UNIQUE` (2067).
    public let extendedCode: Int32
    public let message: String
    /// The statement (or script) that failed, if any.
    public let sql: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code & 0xFF
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    /// Reads the error state of `db` right after a failing call. It must be called
    /// before any other API call on `db`, which would overwrite the message.
    init(db: OpaquePointer?, code resultCode: Int32, sql: String?) {
        let primary = resultCode & 0xFF
        let handleCode = db.map { sqlite3_extended_errcode($0) }
        // The handle's state describes this failure only when it agrees with the code
        // we got back; calls such as sqlite3_backup_step can fail without touching it.
        if let db, let handleCode, handleCode & 0xFF == primary {
            self.init(code: primary, extendedCode: handleCode,
                      message: String(cString: sqlite3_errmsg(db)), sql: sql)
        } else {
            self.init(code: primary, extendedCode: resultCode,
                      message: String(cString: sqlite3_errstr(resultCode)), sql: sql)
        }
    }

    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }
    /// Both BUSY (another connection holds the lock) and LOCKED (a conflict inside this
    /// connection or its shared cache) mean "retry later".
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    public var isReadOnly: Bool { code == SQLITE_READONLY }
    public var isDiskFull: Bool { code == SQLITE_FULL }

    public var description: String {
        var text = "SQLite error \(code) (extended \(extendedCode)): \(message)"
        if let sql {
            // Migration scripts can be long; the head is enough to locate the statement.
            let limit = 300
            let shown = sql.count > limit ? String(sql.prefix(limit)) + "…" : sql
            text += " — SQL: \(shown)"
        }
        return text
    }
}
