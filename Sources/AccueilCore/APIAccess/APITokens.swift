import Foundation
import SQLiteStore

/// API tokens for partner software: created by an administrator for a named application, with
/// scopes and an expiry; the secret (256 bits) is shown once and only its BLAKE2b hash is kept;
/// revocable; every use is logged by token id (`api_token_uses`), never with the secret.
package enum APITokens {
    /// The prefix makes a leaked token recognisable (secret scanners, logs).
    package static let prefix = "acc_"
    package static let maximumDays = 365

    package struct Token: Sendable, Equatable {
        package let id: Int64
        package let name: String
        package let scopes: Set<APIScope>
        package let createdAt: Int64
        package let expiresAt: Int64
        package let revokedAt: Int64?
        package let lastUsedAt: Int64?

        package func isActive(at now: Int64) -> Bool { revokedAt == nil && now < expiresAt }
    }

    package enum Refusal: Error, Equatable {
        case name
        case noScope
        case days
    }

    /// Creates a token and returns it with its secret (never stored, never shown again).
    package static func create(_ db: Connection, name: String, scopes: Set<APIScope>, days: Int, by account: Int64?, at now: Int64) throws -> (token: Token, secret: String) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...100).contains(trimmed.count) else { throw Refusal.name }
        guard !scopes.isEmpty else { throw Refusal.noScope }
        guard (1...maximumDays).contains(days) else { throw Refusal.days }
        let secret = prefix + Sodium.token()
        let expires = now + Int64(days) * 86_400
        try db.run("""
            INSERT INTO api_tokens (name, scopes, token_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [trimmed, JSONText.array(scopes.map(\.rawValue).sorted()), Sodium.hash(secret), account, now, expires])
        let id = db.lastInsertRowID
        try AuditTrail.record(db, at: now, account: account, .apiTokenCreated, subjectType: "jeton_api", subjectID: String(id),
                              detail: "\(trimmed) : \(scopes.map(\.rawValue).sorted().joined(separator: ", ")), \(days) jours")
        return (Token(id: id, name: trimmed, scopes: scopes, createdAt: now, expiresAt: expires, revokedAt: nil, lastUsedAt: nil), secret)
    }

    /// The active token behind a presented secret, or nil (unknown, revoked, expired).
    package static func authenticate(_ db: Connection, secret: String, at now: Int64) throws -> Token? {
        guard secret.hasPrefix(prefix), secret.count < 100,
              let row = try db.queryOne("SELECT * FROM api_tokens WHERE token_hash = ?", [Sodium.hash(secret)]) else { return nil }
        let token = token(row)
        return token?.isActive(at: now) == true ? token : nil
    }

    package static func revoke(_ db: Connection, id: Int64, by account: Int64?, at now: Int64) throws -> Bool {
        try db.run("UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL", [now, account, id])
        guard db.changes > 0 else { return false }
        try AuditTrail.record(db, at: now, account: account, .apiTokenRevoked, subjectType: "jeton_api", subjectID: String(id))
        return true
    }

    package static func list(_ db: Connection) throws -> [Token] {
        try db.query("SELECT * FROM api_tokens ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC").compactMap(token)
    }

    /// One use, after the answer: which token, when, the route's shape (never a number from a path) and the status.
    package static func recordUse(_ db: Connection, id: Int64, at now: Int64, route: String, status: Int) throws {
        try db.run("INSERT INTO api_token_uses (token_id, at, route, status) VALUES (?, ?, ?, ?)", [id, now, String(route.prefix(200)), status])
        try db.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [now, id])
    }

    package static func uses(_ db: Connection, id: Int64, limit: Int = 50) throws -> [(at: Int64, route: String, status: Int)] {
        try db.query("SELECT at, route, status FROM api_token_uses WHERE token_id = ? ORDER BY at DESC, rowid DESC LIMIT ?", [id, limit]).map {
            ($0.int64("at") ?? 0, $0.string("route") ?? "", $0.int("status") ?? 0)
        }
    }

    private static func token(_ row: Row) -> Token? {
        guard let id = row.int64("id") else { return nil }
        let scopes = ((try? JSONSerialization.jsonObject(with: Data((row.string("scopes") ?? "[]").utf8))) as? [String] ?? []).compactMap(APIScope.init(rawValue:))
        return Token(id: id, name: row.string("name") ?? "", scopes: Set(scopes), createdAt: row.int64("created_at") ?? 0,
                     expiresAt: row.int64("expires_at") ?? 0, revokedAt: row.int64("revoked_at"), lastUsedAt: row.int64("last_used_at"))
    }
}
