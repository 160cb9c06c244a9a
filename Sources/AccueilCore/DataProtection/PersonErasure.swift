import SQLiteStore

/// The right to erasure (GDPR art. 17), as the purge does it early for one person: the file and
/// everything personal attached to it go, the figures stay. Refused while an orientation is still
/// open: the appointment is being organised for the person (art. 17(3) — the processing is still
/// needed for the request itself); it must first be closed or cancelled.
package enum PersonErasure {
    package enum Refusal: Error, Equatable { case openOrientation, notFound }

    package static func erase(_ db: Connection, personID: Int64, account: Int64, at now: Int64) throws {
        guard let person = try PersonRepository.find(db, id: personID), person.mergedInto == nil else { throw Refusal.notFound }
        let live = try db.int("SELECT count(*) FROM orientations WHERE person_id = ? AND status = ?", [personID, OrientationRecord.Status.open]) ?? 0
        let booked = try db.int("SELECT count(*) FROM bookings WHERE person_id = ? AND cancelled_at IS NULL AND occurrence_date >= date(?, 'unixepoch')", [personID, now]) ?? 0
        if live + booked > 0 {
            throw Refusal.openOrientation
        }
        try RetentionPurge.deletePersons(db, [personID], now: now)
        try AuditTrail.record(db, at: now, account: account, .personErased, subjectType: "personne", subjectID: String(personID))
    }
}
