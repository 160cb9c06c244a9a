import Foundation
import SQLiteStore

/// Merging two files of the same person, reversibly. A merge moves everything that belongs to the
/// duplicate onto the kept file — intakes, orientations, bookings (cancelled ones too), protection
/// alerts, permanence receptions — and lists the rows it moved; an unmerge moves exactly those back,
/// so what was recorded after the merge stays with the file it was recorded on (the kept one), except
/// what hangs off a row that goes back — an orientation of a returned intake, a booking of a returned
/// orientation, the reception of a returned booking, an alert on a returned intake: it follows. The
/// figures count rows by day and site, never by person, so neither step changes a counter; receptions
/// only change the file they point at. Callers hold the transaction and write the audit rows.
package enum PersonMerge {
    package enum Refusal: Error, Equatable {
        /// Both files hold a place in the same session of a permanence: one must be cancelled first.
        case sameSession(date: String)
        case notFound
        /// The merge was already undone, or the kept file is gone (erased).
        case cannotUndo
    }

    /// A rectification of either file this recently before a merge is flagged for review: renaming
    /// a file is how the « same name only » rule could be bypassed.
    package static let rectificationWindow: Int64 = 30 * 24 * 3600

    struct Moved: Codable {
        var intakes: [Int64]
        var orientations: [Int64]
        var bookings: [Int64]
        var alerts: [Int64]
        var receptions: [Int64]
    }

    package struct Record: Sendable {
        package let id: Int64
        package let keptID: Int64
        package let duplicateID: Int64
        package let mergedBy: String
        package let mergedAt: Int64
        package let afterRectification: Bool
        package let unmergedAt: Int64?
    }

    @discardableResult
    package static func merge(_ db: Connection, duplicate: Int64, into kept: Int64, by account: Int64, at now: Int64) throws -> Int64 {
        if let clash = try db.string("""
            SELECT d.occurrence_date FROM bookings d JOIN bookings k ON k.occurrence_id = d.occurrence_id
            WHERE d.person_id = ? AND k.person_id = ? AND d.cancelled_at IS NULL AND k.cancelled_at IS NULL LIMIT 1
            """, [duplicate, kept]) {
            throw Refusal.sameSession(date: clash)
        }
        func ids(_ sql: String) throws -> [Int64] { try db.query(sql, [duplicate]).compactMap { $0.int64("id") } }
        let moved = Moved(intakes: try ids("SELECT id FROM intakes WHERE person_id = ?"),
                          orientations: try ids("SELECT id FROM orientations WHERE person_id = ?"),
                          bookings: try ids("SELECT id FROM bookings WHERE person_id = ?"),
                          alerts: try ids("SELECT id FROM protection_reports WHERE person_id = ?"),
                          receptions: try ids("SELECT id FROM permanence_receptions WHERE person_key = ?"))
        try db.run("UPDATE intakes SET person_id = ? WHERE person_id = ?", [kept, duplicate])
        try db.run("UPDATE orientations SET person_id = ? WHERE person_id = ?", [kept, duplicate])
        try db.run("UPDATE bookings SET person_id = ? WHERE person_id = ?", [kept, duplicate])
        try db.run("UPDATE protection_reports SET person_id = ? WHERE person_id = ?", [kept, duplicate])
        try db.run("UPDATE permanence_receptions SET person_key = ? WHERE person_key = ?", [kept, duplicate])
        guard let keptRow = try db.queryOne("SELECT phone, birth_date FROM persons WHERE id = ?", [kept]),
              let duplicateRow = try db.queryOne("SELECT phone, birth_date FROM persons WHERE id = ?", [duplicate]) else { throw Refusal.notFound }
        // The kept file takes the phone and birth date it lacked; the merge remembers which, to give them back.
        var filled: [String] = []
        if keptRow.string("phone") == nil, duplicateRow.string("phone") != nil { filled.append("phone") }
        if keptRow.string("birth_date") == nil, duplicateRow.string("birth_date") != nil { filled.append("birth_date") }
        try db.run("""
            UPDATE persons SET phone = coalesce(phone, (SELECT phone FROM persons WHERE id = ?)),
            birth_date = coalesce(birth_date, (SELECT birth_date FROM persons WHERE id = ?)), updated_at = ? WHERE id = ?
            """, [duplicate, duplicate, now, kept])
        try db.run("UPDATE persons SET merged_into = ?, updated_at = ? WHERE id = ?", [kept, now, duplicate])
        let rectified = try db.int("""
            SELECT count(*) FROM audit_log WHERE action = ? AND subject_type = 'personne' AND subject_id IN (?, ?) AND at >= ?
            """, [AuditAction.personRectified.rawValue, String(kept), String(duplicate), now - rectificationWindow]) ?? 0
        try db.run("""
            INSERT INTO person_merges (kept_id, duplicate_id, moved, kept_phone, kept_birth_date, filled, after_rectification, merged_by, merged_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [kept, duplicate, String(decoding: try JSONEncoder().encode(moved), as: UTF8.self), keptRow.string("phone"),
                  keptRow.string("birth_date"), JSONText.array(filled), rectified > 0, account, now])
        return db.lastInsertRowID
    }

    /// Gives the duplicate back its file and the rows the merge moved; the kept file keeps what was
    /// recorded on it since, and gets back the phone and birth date it had if they were not changed since.
    package static func unmerge(_ db: Connection, mergeID: Int64, by account: Int64, at now: Int64) throws -> (kept: Int64, duplicate: Int64) {
        guard let row = try db.queryOne("SELECT * FROM person_merges WHERE id = ?", [mergeID]),
              let kept = row.int64("kept_id"), let duplicate = row.int64("duplicate_id"),
              let moved = row.string("moved").flatMap({ try? JSONDecoder().decode(Moved.self, from: Data($0.utf8)) }) else { throw Refusal.notFound }
        guard row.int64("unmerged_at") == nil,
              try db.int("SELECT count(*) FROM persons WHERE id = ? AND merged_into = ?", [duplicate, kept]) == 1,
              try db.int("SELECT count(*) FROM persons WHERE id = ? AND merged_into IS NULL", [kept]) == 1 else { throw Refusal.cannotUndo }
        func back(_ table: String, _ column: String, _ ids: [Int64]) throws {
            try db.run("UPDATE \(table) SET \(column) = ? WHERE \(column) = ? AND id IN (SELECT value FROM json_each(?))",
                       [duplicate, kept, JSONText.array(ids)])
        }
        try back("intakes", "person_id", moved.intakes)
        try back("orientations", "person_id", moved.orientations)
        try back("bookings", "person_id", moved.bookings)
        try back("protection_reports", "person_id", moved.alerts)
        try back("permanence_receptions", "person_key", moved.receptions)
        try followTheirParents(db, kept: kept, duplicate: duplicate)
        let filled = Set((try? JSONSerialization.jsonObject(with: Data((row.string("filled") ?? "[]").utf8)) as? [String]) ?? [])
        if filled.contains("phone") {
            try db.run("UPDATE persons SET phone = ? WHERE id = ? AND phone IS (SELECT phone FROM persons WHERE id = ?)",
                       [row.string("kept_phone"), kept, duplicate])
        }
        if filled.contains("birth_date") {
            try db.run("UPDATE persons SET birth_date = ? WHERE id = ? AND birth_date IS (SELECT birth_date FROM persons WHERE id = ?)",
                       [row.string("kept_birth_date"), kept, duplicate])
        }
        try db.run("UPDATE persons SET merged_into = NULL, updated_at = ? WHERE id = ?", [now, duplicate])
        try db.run("UPDATE persons SET updated_at = ? WHERE id = ?", [now, kept])
        try db.run("UPDATE person_merges SET unmerged_by = ?, unmerged_at = ? WHERE id = ?", [account, now, mergeID])
        return (kept, duplicate)
    }

    /// Rows recorded on the kept file after the merge about a situation of the duplicate (an orientation
    /// decided on one of its intakes, and so on down) go back with it, in the order they depend on each other.
    private static func followTheirParents(_ db: Connection, kept: Int64, duplicate: Int64) throws {
        if let clash = try db.string("""
            SELECT b.occurrence_date FROM bookings b JOIN orientations o ON o.id = b.orientation_id JOIN intakes i ON i.id = o.intake_id
            JOIN bookings d ON d.occurrence_id = b.occurrence_id AND d.person_id = ? AND d.cancelled_at IS NULL
            WHERE b.person_id = ? AND b.cancelled_at IS NULL AND i.person_id = ? LIMIT 1
            """, [duplicate, kept, duplicate]) {
            throw Refusal.sameSession(date: clash)
        }
        try db.run("UPDATE orientations SET person_id = ? WHERE person_id = ? AND intake_id IN (SELECT id FROM intakes WHERE person_id = ?)",
                   [duplicate, kept, duplicate])
        try db.run("UPDATE protection_reports SET person_id = ? WHERE person_id = ? AND intake_id IN (SELECT id FROM intakes WHERE person_id = ?)",
                   [duplicate, kept, duplicate])
        try db.run("UPDATE bookings SET person_id = ? WHERE person_id = ? AND orientation_id IN (SELECT id FROM orientations WHERE person_id = ?)",
                   [duplicate, kept, duplicate])
        try db.run("""
            UPDATE permanence_receptions SET person_key = ? WHERE person_key = ? AND booking_id IN (SELECT id FROM bookings WHERE person_id = ?)
            """, [duplicate, kept, duplicate])
    }

    /// The merges into this file, most recent first (undone ones included, for the history).
    package static func into(_ db: Connection, personID: Int64) throws -> [Record] {
        try db.query("""
            SELECT m.*, a.display_name FROM person_merges m JOIN accounts a ON a.id = m.merged_by WHERE m.kept_id = ? ORDER BY m.merged_at DESC, m.id DESC
            """, [personID]).compactMap(record)
    }

    /// Merges that followed a rectification of either file, for the review page.
    package static func flagged(_ db: Connection, from: Int64?, to: Int64?) throws -> [Record] {
        try db.query("""
            SELECT m.*, a.display_name FROM person_merges m JOIN accounts a ON a.id = m.merged_by
            WHERE m.after_rectification = 1 AND (? IS NULL OR m.merged_at >= ?) AND (? IS NULL OR m.merged_at < ?)
            ORDER BY m.merged_at DESC, m.id DESC LIMIT 500
            """, [from, from, to, to]).compactMap(record)
    }

    private static func record(_ row: Row) -> Record? {
        guard let id = row.int64("id"), let kept = row.int64("kept_id"), let duplicate = row.int64("duplicate_id") else { return nil }
        return Record(id: id, keptID: kept, duplicateID: duplicate, mergedBy: row.string("display_name") ?? "", mergedAt: row.int64("merged_at") ?? 0,
                      afterRectification: row.bool("after_rectification") ?? false, unmergedAt: row.int64("unmerged_at"))
    }
}
