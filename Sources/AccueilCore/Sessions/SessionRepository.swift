import SQLiteStore

/// Server-side sessions: the cookie holds a random 256-bit token, the database only its hash.
package enum SessionRepository {
    /// Creates a session and returns the token to put in the cookie (shown nowhere else).
    package static func create(_ db: Connection, accountID: Int64, at now: Int64) throws -> (token: String, csrf: String) {
        let token = Sodium.token()
        let csrf = Sodium.token()
        try db.run("INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                   [Sodium.hash(token), accountID, csrf, now, now])
        return (token, csrf)
    }

    package struct Stored {
        package let tokenHash: [UInt8]
        package let accountID: Int64
        package let csrf: String
        package let createdAt: Int64
        package let lastSeenAt: Int64
    }

    package static func find(_ db: Connection, token: String) throws -> Stored? {
        let hash = Sodium.hash(token)
        guard let row = try db.queryOne("SELECT account_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_hash = ?", [hash]) else {
            return nil
        }
        return Stored(tokenHash: hash, accountID: row.int64("account_id") ?? 0, csrf: row.string("csrf_token") ?? "",
                      createdAt: row.int64("created_at") ?? 0, lastSeenAt: row.int64("last_seen_at") ?? 0)
    }

    package static func touch(_ db: Connection, tokenHash: [UInt8], at now: Int64) throws {
        try db.run("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", [now, tokenHash])
    }

    package static func delete(_ db: Connection, tokenHash: [UInt8]) throws {
        try db.run("DELETE FROM sessions WHERE token_hash = ?", [tokenHash])
    }

    package static func delete(_ db: Connection, token: String) throws {
        try delete(db, tokenHash: Sodium.hash(token))
    }

    /// Ends every session of an account, except possibly the one in use (a password change keeps it).
    package static func endAll(_ db: Connection, accountID: Int64, except kept: [UInt8]? = nil) throws {
        try db.run("DELETE FROM sessions WHERE account_id = ? AND token_hash IS NOT ?", [accountID, kept.map { SQLValue.blob($0) } ?? .null])
    }

    /// Removes every expired session; run at start and periodically.
    package static func purgeExpired(_ db: Connection, now: Int64, settings: SessionSettings) throws {
        try db.run("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
                   [now - settings.idleTimeout, now - settings.absoluteTimeout])
    }
}
