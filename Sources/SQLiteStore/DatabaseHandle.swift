import CSQLite

/// Owns the `sqlite3*` and closes it when the last user is gone.
///
/// Statements keep the handle alive (a statement must be finalized before its
/// database is closed), while the connection keeps the statement cache: holding
/// the handle in this separate object avoids a connection ⇄ statement retain cycle.
final class DatabaseHandle {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        // close_v2 instead of close: if a statement were somehow still alive, the
        // database is closed when it is finalized rather than leaking.
        sqlite3_close_v2(pointer)
    }

    func error(_ code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(db: pointer, code: code, sql: sql)
    }
}
