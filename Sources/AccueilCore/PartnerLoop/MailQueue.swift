import SQLiteStore

/// Mails to partners wait here: a request only enqueues; a worker sends (`MailWorker`), retrying with
/// back-off (1 min, 5 min, 15 min, 1 h, 4 h) before giving up (« échec »). The body carries the
/// partner's link secret, so it is blanked as soon as the mail is sent or given up: only the row's
/// outline (recipient, subject, dates, status) stays for the register's trace.
package enum MailQueue {
    package static let backoff: [Int64] = [60, 300, 900, 3_600, 14_400]

    package struct Pending: Sendable {
        package let id: Int64
        package let recipient: String
        package let subject: String
        package let body: String
        package let attempts: Int
    }

    package static func enqueue(_ db: Connection, referral: Int64?, to recipient: String, subject: String, body: String, at now: Int64) throws {
        try db.run("""
            INSERT INTO mail_queue (referral_id, recipient, subject, body, status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'en_attente', ?, ?)
            """, [referral, recipient, subject, body, now, now])
    }

    package static func due(_ db: Connection, at now: Int64, limit: Int = 20) throws -> [Pending] {
        try db.query("SELECT * FROM mail_queue WHERE status = 'en_attente' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?", [now, limit]).compactMap {
            guard let id = $0.int64("id") else { return nil }
            return Pending(id: id, recipient: $0.string("recipient") ?? "", subject: $0.string("subject") ?? "", body: $0.string("body") ?? "",
                           attempts: $0.int("attempts") ?? 0)
        }
    }

    package static func sent(_ db: Connection, id: Int64, at now: Int64) throws {
        try db.run("UPDATE mail_queue SET status = 'envoye', attempts = attempts + 1, sent_at = ?, last_error = NULL, body = '' WHERE id = ?", [now, id])
    }

    /// A failed attempt: retried later, or given up after the last back-off. `scale` shortens the
    /// waits (tests and drills), never below a second.
    package static func failed(_ db: Connection, _ mail: Pending, error: String, at now: Int64, scale: Double = 1) throws {
        let attempt = mail.attempts + 1
        guard attempt <= backoff.count else {
            try db.run("UPDATE mail_queue SET status = 'echec', attempts = ?, last_error = ?, body = '' WHERE id = ?", [attempt, String(error.prefix(300)), mail.id])
            return
        }
        let wait = max(1, Int64(Double(backoff[attempt - 1]) * scale))
        try db.run("UPDATE mail_queue SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?", [attempt, now + wait, String(error.prefix(300)), mail.id])
    }
}
