import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Connection {
    /// Pages copied per `sqlite3_backup_step` call.
    static let backupPagesPerStep: Int32 = 256
    /// Pause before retrying a step that hit BUSY/LOCKED.
    static let backupRetryPauseMilliseconds: Int32 = 10

    /// Writes a consistent copy of the main database to `path` with SQLite's online
    /// backup API, replacing any file already there.
    ///
    /// The copy is built in a temporary file next to `path` and renamed into place, so
    /// `path` never holds a half-written backup. The source is read inside one read
    /// transaction: in WAL mode that snapshot does not block writers, and it stops
    /// concurrent commits from restarting the copy again and again.
    public func backup(to path: String) throws {
        // Renaming the copy over the live file would swap the database under every
        // open connection; refuse instead.
        guard !isSameFile(path) else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "backup target is the source database itself")
        }
        // The source connection would answer LOCKED for as long as its own write
        // transaction is open, so waiting could never succeed.
        guard sqlite3_txn_state(handle.pointer, "main") != SQLITE_TXN_WRITE else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "cannot back up from inside a write transaction")
        }
        let temporaryPath = "\(path).partial-\(UInt64.random(in: .min ... .max))"
        do {
            try copy(to: temporaryPath)
            // Sidecar files left by an earlier database at `path` would be applied to
            // the new file on open (a stale WAL replays over it), so drop them first.
            for suffix in ["-wal", "-shm", "-journal"] {
                unlink(path + suffix)
            }
            guard rename(temporaryPath, path) == 0 else {
                throw SQLiteError(code: SQLITE_CANTOPEN,
                                  message: "cannot move backup into place (errno \(errno))")
            }
        } catch {
            unlink(temporaryPath)
            throw error
        }
    }

    private func copy(to path: String) throws {
        var destination: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let openCode = sqlite3_open_v2(path, &destination, flags, nil)
        defer { sqlite3_close_v2(destination) }
        guard openCode == SQLITE_OK, let destination else {
            throw SQLiteError(db: destination, code: openCode, sql: nil)
        }
        let ownsSnapshot = !isInTransaction
        if ownsSnapshot { try run("BEGIN DEFERRED") }
        // Nothing is written through this connection, so ROLLBACK ends the read
        // transaction just like COMMIT would, including on the error paths.
        defer { if ownsSnapshot { try? run("ROLLBACK") } }
        if ownsSnapshot {
            // BEGIN DEFERRED takes no snapshot until something is read.
            _ = try query("SELECT count(*) FROM sqlite_schema")
        }

        guard let backup = sqlite3_backup_init(destination, "main", handle.pointer, "main") else {
            throw SQLiteError(db: destination, code: sqlite3_errcode(destination), sql: nil)
        }
        let stepCode = stepUntilDone(backup)
        // finish reports the first error of the whole operation on the destination.
        let finishCode = sqlite3_backup_finish(backup)
        guard stepCode == SQLITE_DONE else {
            throw SQLiteError(db: destination, code: stepCode, sql: nil)
        }
        guard finishCode == SQLITE_OK else {
            throw SQLiteError(db: destination, code: finishCode, sql: nil)
        }
        // The copied header says WAL like the source. Switching to rollback mode makes
        // the backup one self-contained file that opens anywhere, even read-only media.
        let modeCode = sqlite3_exec(destination, "PRAGMA journal_mode = DELETE", nil, nil, nil)
        guard modeCode == SQLITE_OK else {
            throw SQLiteError(db: destination, code: modeCode, sql: "PRAGMA journal_mode = DELETE")
        }
    }

    /// Compares device and inode, so relative paths and symlinks are recognised too.
    private func isSameFile(_ path: String) -> Bool {
        guard let source = sqlite3_db_filename(handle.pointer, "main"), source.pointee != 0 else {
            return false  // in-memory or temporary database: no file to clash with
        }
        var sourceInfo = stat()
        var targetInfo = stat()
        guard stat(source, &sourceInfo) == 0, stat(path, &targetInfo) == 0 else { return false }
        return sourceInfo.st_dev == targetInfo.st_dev && sourceInfo.st_ino == targetInfo.st_ino
    }

    /// Copies page batches until DONE or a hard error. BUSY/LOCKED are retried until
    /// the connection's busy timeout is used up.
    private func stepUntilDone(_ backup: OpaquePointer) -> Int32 {
        var waited: Int32 = 0
        while true {
            let code = sqlite3_backup_step(backup, Connection.backupPagesPerStep)
            switch code {
            case SQLITE_OK:
                waited = 0
            case SQLITE_BUSY, SQLITE_LOCKED:
                guard waited < busyTimeoutMilliseconds else { return code }
                waited += max(1, sqlite3_sleep(Connection.backupRetryPauseMilliseconds))
            default:
                return code
            }
        }
    }
}
