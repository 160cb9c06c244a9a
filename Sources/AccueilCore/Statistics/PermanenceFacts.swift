import Orientation
import SQLiteStore

/// The facts behind the permanence figures, written in the transaction of each booking and each
/// recorded outcome: places booked per permanence and day (summary counters, all sites together),
/// and one row per person who came to a permanence (`permanence_receptions`). The retention purge
/// deletes the bookings with the person's file but keeps both: the figures stay exact.
package enum PermanenceFacts {
    /// Counter dimensions, keyed by permanence id, at the occurrence's date: places booked, and
    /// receptions (people who came; a person who came twice counts twice).
    package static let bookedDimension = "places_reservees"
    package static let receivedDimension = "passages"
    /// Among them, people received without a booking (`WalkIns`).
    package static let walkInDimension = "passages_sans_rdv"

    package static func bookingChanged(_ db: Connection, permanenceID: String, date: String, delta: Int) throws {
        try StatisticsCounters.addForAllSites(db, day: date, keys: [(bookedDimension, permanenceID)], delta: delta)
    }

    /// The person of `orientationID` came: one reception row for their live booking, with the host
    /// site and sending service as they were that day. "Known" (the experiment's "déjà connues de la
    /// MDS"): already on file at the desk, or declared followed by an MDS at the intake — read now,
    /// while the household details are still there (the purge reduces them after a year). Nothing when the orientation had no booking in
    /// the planning (an appointment made by telephone with the service, say).
    package static func recordReception(_ db: Connection, orientationID: Int64) throws {
        guard let booking = try db.queryOne("""
            SELECT id, permanence_id, occurrence_date, walk_in FROM bookings WHERE orientation_id = ? AND cancelled_at IS NULL LIMIT 1
            """, [orientationID]), let bookingID = booking.int64("id") else { return }
        try db.run("""
            INSERT OR IGNORE INTO permanence_receptions (booking_id, permanence_id, occurrence_date, host_site_id,
                sending_institution, circonscription, person_key, known_person, without_minor_children, age_bracket, motives, residence_sector, walk_in)
            SELECT b.id, b.permanence_id, b.occurrence_date, p.host_site_id, p.sending_institution, p.circonscription,
                   coalesce(o.person_id, b.person_id),
                   i.known_person OR coalesce(json_extract(i.household, '$.alreadyFollowedBy') = ?, 0),
                   coalesce(i.household_type IN (SELECT value FROM json_each(?)), 0),
                   \(IntakeFacts.ageBracketSQL("i.age")),
                   (SELECT json_group_array(motive) FROM intake_motives WHERE intake_id = i.id),
                   json_extract(i.household, '$.sector'), b.walk_in
            FROM bookings b JOIN permanences p ON p.id = b.permanence_id
            JOIN orientations o ON o.id = b.orientation_id JOIN intakes i ON i.id = o.intake_id
            WHERE b.id = ?
            """, [Service.mds, JSONText.array(IntakeFacts.withoutMinorChildren.sorted()), bookingID])
        guard db.changes > 0 else { return }
        let receptionID = db.lastInsertRowID
        let permanence = booking.string("permanence_id") ?? ""
        try StatisticsCounters.addForAllSites(db, day: booking.string("occurrence_date") ?? "",
                                              keys: [(receivedDimension, permanence)] + ((booking.int("walk_in") ?? 0) > 0 ? [(walkInDimension, permanence)] : []))
        try ReceptionCounters.count(db, receptionID: receptionID)
    }

    /// The files are deleted: their rows keep telling one person from another, under a key that
    /// no longer leads to anyone (minus the id of each person's first row), and lose their booking.
    package static func detachPeople(_ db: Connection, _ personIDsJSON: String) throws {
        // Read first, then write: an UPDATE whose subquery reads the rows it is changing would see half-done work.
        let firsts = try db.query("""
            SELECT person_key, min(id) AS first FROM permanence_receptions
            WHERE person_key IN (SELECT value FROM json_each(?)) GROUP BY person_key
            """, [personIDsJSON])
        for row in firsts {
            try db.run("UPDATE permanence_receptions SET person_key = ?, booking_id = NULL WHERE person_key = ?",
                       [-(row.int64("first") ?? 0), row.int64("person_key") ?? 0])
        }
    }

    /// Migration 7: the same facts for the bookings and outcomes recorded before it.
    package static func backfill(_ db: Connection) throws {
        try StatisticsCounters.batching(db) {
            for row in try db.query("SELECT permanence_id, occurrence_date, count(*) AS n FROM bookings WHERE cancelled_at IS NULL GROUP BY 1, 2") {
                try bookingChanged(db, permanenceID: row.string("permanence_id") ?? "", date: row.string("occurrence_date") ?? "", delta: row.int("n") ?? 0)
            }
        }
        // The rows as migration 7 knew them (later migrations add and fill their own columns and counters:
        // today's `recordReception` writes columns that do not exist yet).
        try StatisticsCounters.batching(db) {
            for row in try db.query("""
                SELECT b.id, b.permanence_id, b.occurrence_date FROM orientations o JOIN bookings b ON b.orientation_id = o.id AND b.cancelled_at IS NULL
                WHERE o.status = ?
                """, [OrientationRecord.Status.honoured]) {
                try db.run("""
                    INSERT OR IGNORE INTO permanence_receptions (booking_id, permanence_id, occurrence_date, host_site_id,
                        sending_institution, circonscription, person_key, known_person, without_minor_children)
                    SELECT b.id, b.permanence_id, b.occurrence_date, p.host_site_id, p.sending_institution, p.circonscription,
                           coalesce(o.person_id, b.person_id),
                           i.known_person OR coalesce(json_extract(i.household, '$.alreadyFollowedBy') = ?, 0),
                           coalesce(i.household_type IN (SELECT value FROM json_each(?)), 0)
                    FROM bookings b JOIN permanences p ON p.id = b.permanence_id
                    JOIN orientations o ON o.id = b.orientation_id JOIN intakes i ON i.id = o.intake_id
                    WHERE b.id = ?
                    """, [Service.mds, JSONText.array(IntakeFacts.withoutMinorChildren.sorted()), row.int64("id") ?? 0])
                guard db.changes > 0 else { continue }
                try StatisticsCounters.addForAllSites(db, day: row.string("occurrence_date") ?? "", keys: [(receivedDimension, row.string("permanence_id") ?? "")])
            }
        }
    }
}
