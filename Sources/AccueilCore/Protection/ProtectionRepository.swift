import Orientation
import SQLiteStore

/// Reads and writes protection alerts. Callers hold the transaction, check `ProtectionAccess` and
/// write the audit row.
package enum ProtectionRepository {
    package struct New: Sendable {
        package var kind: ProtectionReport.Kind
        package var intakeID: Int64
        package var personID: Int64?
        package var note: String
        package var siteID: String
        package var sentToCRIP: Bool

        package init(kind: ProtectionReport.Kind, intakeID: Int64, personID: Int64?, note: String, siteID: String, sentToCRIP: Bool) {
            self.kind = kind
            self.intakeID = intakeID
            self.personID = personID
            self.note = note
            self.siteID = siteID
            self.sentToCRIP = sentToCRIP
        }
    }

    package static func insert(_ db: Connection, _ new: New, by accountID: Int64, at now: Int64) throws -> Int64 {
        try db.run("""
            INSERT INTO protection_reports (kind, intake_id, person_id, raised_by, raised_at, note, site_id, sent_to_crip)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [new.kind, new.intakeID, new.personID, accountID, now, new.note, new.siteID, new.sentToCRIP])
        return db.lastInsertRowID
    }

    package static func find(_ db: Connection, id: Int64) throws -> ProtectionReport? {
        try db.queryOne("SELECT * FROM protection_reports WHERE id = ?", [id]).map(report)
    }

    package static func forIntake(_ db: Connection, _ intakeID: Int64) throws -> [ProtectionReport] {
        try db.query("SELECT * FROM protection_reports WHERE intake_id = ? ORDER BY id", [intakeID]).map(report)
    }

    /// Unacknowledged alerts, oldest first (the dashboards filter them by need-to-know).
    /// The alerts this account receives that nobody has acknowledged yet, oldest first. Selected in SQL
    /// (the MDS of the account's sites; every vulnerable adult's for the CCAS), so that the alerts of
    /// other MDS never crowd this account's out of the list; `ProtectionAccess.receives` has the last word.
    package static func unacknowledged(_ db: Connection, for account: Account, limit: Int = 500) throws -> [ProtectionReport] {
        try db.query("""
            SELECT * FROM protection_reports WHERE acknowledged_at IS NULL
            AND ((? AND site_id IN (SELECT value FROM json_each(?))) OR (? AND kind = ?))
            ORDER BY raised_at LIMIT ?
            """, [account.institution == .mds, JSONText.array(account.siteIDs), account.institution == .ccas, ProtectionReport.Kind.vulnerableAdult, limit])
            .map(report).filter { ProtectionAccess.receives($0, account) }
    }

    /// Records the acknowledgement once; false when it was already acknowledged.
    package static func acknowledge(_ db: Connection, id: Int64, by accountID: Int64, at now: Int64) throws -> Bool {
        try db.run("UPDATE protection_reports SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL",
                   [accountID, now, id])
        return db.changes > 0
    }

    /// Records that the MDS passed a child's information on to the CRIP; false when already recorded.
    package static func forwardToCRIP(_ db: Connection, id: Int64, by accountID: Int64, at now: Int64) throws -> Bool {
        try db.run("""
            UPDATE protection_reports SET forwarded_to_crip_by = ?, forwarded_to_crip_at = ?
            WHERE id = ? AND kind = ? AND forwarded_to_crip_at IS NULL
            """, [accountID, now, id, ProtectionReport.Kind.child])
        return db.changes > 0
    }

    private static func report(_ row: Row) -> ProtectionReport {
        ProtectionReport(id: row.int64("id") ?? 0, kind: row.value("kind") ?? .child, intakeID: row.int64("intake_id") ?? 0,
                         personID: row.int64("person_id"), raisedBy: row.int64("raised_by") ?? 0, raisedAt: row.int64("raised_at") ?? 0,
                         note: row.string("note") ?? "", siteID: row.string("site_id") ?? "", sentToCRIP: row.bool("sent_to_crip") ?? false,
                         acknowledgedBy: row.int64("acknowledged_by"), acknowledgedAt: row.int64("acknowledged_at"),
                         forwardedToCRIPBy: row.int64("forwarded_to_crip_by"), forwardedToCRIPAt: row.int64("forwarded_to_crip_at"))
    }
}
