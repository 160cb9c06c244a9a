import Foundation
import Orientation
import SQLiteStore

package enum OrientationRepository {
    package struct Booking: Sendable {
        package var kind: BookingKind?
        package var date: String?
        package var time: String?
        package var place: String?

        package init(kind: BookingKind? = nil, date: String? = nil, time: String? = nil, place: String? = nil) {
            self.kind = kind
            self.date = date
            self.time = time
            self.place = place
        }
    }

    /// Saves a decision as an orientation; its reference (e.g. `AC-2026-000042`) is printed on the slip.
    package static func insert(_ db: Connection, decision: RoutingDecision, intakeID: Int64, personID: Int64?, accountID: Int64,
                       derogation: Derogation?, booking: Booking, at now: Int64) throws -> Int64 {
        let reasons = (try? JSONSerialization.data(withJSONObject: decision.reasons)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // Day and reception site are copied on the row so that figures filter orientations without a join.
        try db.run("""
            INSERT INTO orientations (reference, intake_id, person_id, created_at, account_id, service, site_id, circonscription, reasons, rules,
                                      suggestions, is_derogation, derogation_justification, derogation_agreed_by_pts, derogation_agreed_by_ccas, adjustment,
                                      commune, booking_kind, booking_date, booking_time, booking_place, day, reception_site_id)
            VALUES ('', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT site_id FROM intakes WHERE id = ?))
            """, [intakeID, personID, now, accountID, decision.service, decision.siteID, decision.circonscription, reasons,
                  decision.rules.map(\.rawValue).joined(separator: ","), decision.suggestions.map(\.rawValue).joined(separator: ","), decision.isDerogation, derogation?.justification,
                  derogation?.agreedByPTS, derogation?.agreedByCCAS, decision.adjustments.first, decision.commune?.inseeCode, booking.kind, booking.date, booking.time, booking.place, ParisTime(now).day.description, intakeID])
        let id = db.lastInsertRowID
        try StatisticsCounters.recordOrientation(db, id: id)
        let year = ParisTime(now).day.year
        let number = String(id)
        try db.run("UPDATE orientations SET reference = ? WHERE id = ?", ["AC-\(year)-" + String(repeating: "0", count: max(0, 6 - number.count)) + number, id])
        // A re-orientation of the same intake points to what replaced it: the path stays traceable.
        try db.run("UPDATE orientations SET reoriented_to = ? WHERE intake_id = ? AND status = ? AND reoriented_to IS NULL AND id <> ?",
                   [id, intakeID, OrientationRecord.Status.reoriented, id])
        return id
    }

    package static func find(_ db: Connection, id: Int64) throws -> OrientationRecord? {
        try db.queryOne("SELECT * FROM orientations WHERE id = ?", [id]).map(record)
    }

    package static func forPerson(_ db: Connection, _ personID: Int64) throws -> [OrientationRecord] {
        try db.query("SELECT * FROM orientations WHERE person_id = ? ORDER BY created_at DESC, id DESC", [personID]).map(record)
    }

    package static func forIntake(_ db: Connection, _ intakeID: Int64) throws -> [OrientationRecord] {
        try db.query("SELECT * FROM orientations WHERE intake_id = ? ORDER BY id", [intakeID]).map(record)
    }

    /// Incoming orientations of destination sites: open ones, and the day's whatever their status.
    package static func incoming(_ db: Connection, siteIDs: [String], day: LocalDate?) throws -> [OrientationRecord] {
        guard !siteIDs.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: siteIDs.count).joined(separator: ",")
        var parameters: [any SQLBindable] = siteIDs
        let condition: String
        if let day {
            condition = "booking_date = ?"
            parameters.append(day.description)
        } else {
            condition = "status = ?"
            parameters.append(OrientationRecord.Status.open)
        }
        return try db.query("""
            SELECT * FROM orientations WHERE site_id IN (\(placeholders)) AND \(condition)
            ORDER BY coalesce(booking_date, date(created_at, 'unixepoch')), booking_time, id LIMIT 500
            """, parameters).map(record)
    }

    /// A new booking for an orientation that had none (after a cancellation); the delay figures follow.
    package static func setBooking(_ db: Connection, id: Int64, _ booking: Booking) throws {
        try moveDelay(db, id: id, to: booking.date)
        try db.run("UPDATE orientations SET booking_kind = ?, booking_date = ?, booking_time = ?, booking_place = ? WHERE id = ?",
                   [booking.kind, booking.date, booking.time, booking.place, id])
    }

    /// The booking is cancelled: the orientation stays, without a date (and leaves the delay figures).
    package static func clearBooking(_ db: Connection, id: Int64) throws {
        try moveDelay(db, id: id, to: nil)
        try db.run("UPDATE orientations SET booking_kind = NULL, booking_date = NULL, booking_time = NULL, booking_place = NULL WHERE id = ?", [id])
    }

    /// Outcomes are recorded once: only an open orientation changes, and only then do the figures move.
    package static func setStatus(_ db: Connection, id: Int64, _ status: OrientationRecord.Status, accountID: Int64, at now: Int64) throws {
        if let row = try db.queryOne("SELECT status, day, reception_site_id FROM orientations WHERE id = ?", [id]),
           row.value("status") == OrientationRecord.Status.open, let day = row.string("day"), let site = row.string("reception_site_id") {
            try StatisticsCounters.statusChanged(db, day: day, receptionSiteID: site, from: .open, to: status)
        }
        try db.run("UPDATE orientations SET status = ?, status_at = ?, status_account_id = ? WHERE id = ? AND status = ?",
                   [status, now, accountID, id, OrientationRecord.Status.open])
        if status == .honoured, db.changes > 0 { try PermanenceFacts.recordReception(db, orientationID: id) }
    }

    /// Moves the orientation's day-to-slot delay counter from its current booking date to `date`.
    private static func moveDelay(_ db: Connection, id: Int64, to date: String?) throws {
        guard let row = try db.queryOne("SELECT booking_date, day, reception_site_id FROM orientations WHERE id = ?", [id]),
              let day = row.string("day"), let site = row.string("reception_site_id") else { return }
        let old = StatisticsCounters.delayDays(from: day, to: row.string("booking_date")).flatMap { $0 >= 0 ? $0 : nil }
        let new = StatisticsCounters.delayDays(from: day, to: date).flatMap { $0 >= 0 ? $0 : nil }
        guard old != new else { return }
        if let old { try StatisticsCounters.add(db, day: day, siteID: site, keys: [("delai", String(old))], delta: -1) }
        if let new { try StatisticsCounters.add(db, day: day, siteID: site, keys: [("delai", String(new))]) }
    }

    private static func record(_ row: Row) -> OrientationRecord {
        let reasons = (row.string("reasons").flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String] }) ?? []
        return OrientationRecord(
            id: row.int64("id") ?? 0, reference: row.string("reference") ?? "", intakeID: row.int64("intake_id") ?? 0,
            personID: row.int64("person_id"), createdAt: row.int64("created_at") ?? 0, accountID: row.int64("account_id") ?? 0,
            service: row.value("service") ?? .ccas, siteID: row.string("site_id"), circonscription: row.string("circonscription"),
            reasons: reasons, rules: (row.string("rules") ?? "").split(separator: ",").compactMap { OrientationRule(rawValue: String($0)) },
            suggestions: (row.string("suggestions") ?? "").split(separator: ",").map(String.init),
            isDerogation: row.bool("is_derogation") ?? false, derogationJustification: row.string("derogation_justification"),
            derogationAgreedBy: row.string("derogation_agreed_by"), derogationAgreedByPTS: row.string("derogation_agreed_by_pts"),
            derogationAgreedByCCAS: row.string("derogation_agreed_by_ccas"), adjustment: row.string("adjustment"), commune: row.string("commune"), bookingKind: row.value("booking_kind"),
            bookingDate: row.string("booking_date"), bookingTime: row.string("booking_time"), bookingPlace: row.string("booking_place"),
            status: OrientationRecord.Status(rawValue: row.string("status") ?? "") ?? .open, statusAt: row.int64("status_at"),
            reorientedTo: row.int64("reoriented_to"))
    }
}
