import SQLiteStore

/// Rows of `calendar_subscriptions`. The token is hashed like session tokens (`Sodium.hash`), so the
/// database never holds a working link. Everything runs inside the caller's transaction.
package enum CalendarSubscriptionRepository {
    /// Creates a link and returns its id and the token, which the caller shows once.
    package static func create(_ db: Connection, kind: CalendarSubscription.Kind, subjectID: String, accountID: Int64,
                       at now: Int64) throws -> (id: Int64, token: String) {
        let token = Sodium.token()
        try db.run("INSERT INTO calendar_subscriptions (kind, subject_id, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                   [kind.rawValue, subjectID, Sodium.hash(token), accountID, now])
        return (db.lastInsertRowID, token)
    }

    /// The live (not revoked) link behind a token, if any.
    package static func active(_ db: Connection, token: String) throws -> CalendarSubscription? {
        try db.queryOne(select + " WHERE s.token_hash = ? AND s.revoked_at IS NULL", [Sodium.hash(token)]).flatMap(subscription)
    }

    package static func find(_ db: Connection, id: Int64) throws -> CalendarSubscription? {
        try db.queryOne(select + " WHERE s.id = ?", [id]).flatMap(subscription)
    }

    /// One account's links, or everyone's (`createdBy` nil, for managers); live ones first, newest first.
    package static func list(_ db: Connection, createdBy: Int64?) throws -> [CalendarSubscription] {
        let filter = createdBy == nil ? "" : " WHERE s.created_by = ?"
        return try db.query(select + filter + " ORDER BY s.revoked_at IS NOT NULL, s.created_at DESC, s.id DESC",
                            createdBy.map { [$0] } ?? []).compactMap(subscription)
    }

    /// True when the link was live and is now revoked.
    package static func revoke(_ db: Connection, id: Int64, by accountID: Int64, at now: Int64) throws -> Bool {
        try db.run("UPDATE calendar_subscriptions SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL", [now, accountID, id])
        return db.changes == 1
    }

    /// Every live link an account made, revoked (the account is disabled).
    package static func revokeAll(_ db: Connection, createdBy accountID: Int64, by actor: Int64, at now: Int64) throws {
        try db.run("UPDATE calendar_subscriptions SET revoked_at = ?, revoked_by = ? WHERE created_by = ? AND revoked_at IS NULL", [now, actor, accountID])
    }

    package static func markUsed(_ db: Connection, id: Int64, at now: Int64) throws {
        try db.run("UPDATE calendar_subscriptions SET last_used_at = ? WHERE id = ?", [now, id])
    }

    private static let select = """
        SELECT s.id, s.kind, s.subject_id, s.created_by, a.login, s.created_at, s.revoked_at, s.last_used_at
        FROM calendar_subscriptions s JOIN accounts a ON a.id = s.created_by
        """

    private static func subscription(_ row: Row) -> CalendarSubscription? {
        guard let id = row.int64("id"), let kind = CalendarSubscription.Kind(rawValue: row.string("kind") ?? ""),
              let subject = row.string("subject_id"), let creator = row.int64("created_by") else { return nil }
        return CalendarSubscription(id: id, kind: kind, subjectID: subject, createdBy: creator, creatorLogin: row.string("login") ?? "",
                                    createdAt: row.int64("created_at") ?? 0, revokedAt: row.int64("revoked_at"),
                                    lastUsedAt: row.int64("last_used_at"))
    }
}
