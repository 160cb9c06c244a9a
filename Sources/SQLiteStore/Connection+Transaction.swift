import CSQLite

extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws
    /// and rethrows the body's own error.
    ///
    /// A writable connection uses `BEGIN IMMEDIATE`, taking the write lock up front so
    /// a transaction cannot fail halfway with BUSY when it upgrades from read to write.
    /// A read-only connection uses `BEGIN DEFERRED`, which gives `body` one consistent
    /// snapshot across all its queries.
    /// Called inside another transaction, it uses a savepoint, so only the inner work is
    /// undone on throw.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try transaction(begin: isReadOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE", body)
    }

    /// Like `transaction(_:)` but never takes the write lock up front: for a group of
    /// reads that must see one consistent snapshot, even on a writable connection.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try transaction(begin: "BEGIN DEFERRED", body)
    }

    private func transaction<T>(begin: String, _ body: () throws -> T) throws -> T {
        if isInTransaction {
            return try savepoint(body)
        }
        try run(begin)
        let result: T
        do {
            result = try body()
        } catch {
            rollbackIgnoringErrors("ROLLBACK")
            throw error
        }
        do {
            try run("COMMIT")
        } catch {
            // A failed COMMIT (e.g. BUSY) leaves the transaction open; close it so the
            // connection is usable for the next caller.
            rollbackIgnoringErrors("ROLLBACK")
            throw error
        }
        return result
    }

    private func savepoint<T>(_ body: () throws -> T) throws -> T {
        // Savepoint names may repeat; RELEASE and ROLLBACK TO pick the innermost one.
        try run("SAVEPOINT sqlitestore_nested")
        let result: T
        do {
            result = try body()
        } catch {
            rollbackIgnoringErrors("ROLLBACK TO sqlitestore_nested")
            rollbackIgnoringErrors("RELEASE sqlitestore_nested")
            throw error
        }
        try run("RELEASE sqlitestore_nested")
        return result
    }

    /// Some errors (disk full, I/O, interrupt) make SQLite roll back by itself; then there
    /// is nothing left to undo, and the caller cares about the original error anyway.
    private func rollbackIgnoringErrors(_ sql: String) {
        guard isInTransaction else { return }
        try? run(sql)
    }
}
