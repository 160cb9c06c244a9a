import Orientation
import Planning
import SQLiteStore

/// People received at a permanence without a booking. The social worker (or the site's agent) starts
/// an intake from the day sheet: an intake like any other — the known-person search, the consent and
/// the privacy notice included — made at that permanence (`intakes.walk_in_occurrence`). Once the
/// rule has decided, the person is received there if the permanence's social worker is of the
/// service the rule chose, and counted once with the booked people; otherwise (a family with a
/// minor child at a CCAS permanence, say) the orientation stands and nobody is received there.
package enum WalkIns {
    package enum Refusal: Error, Equatable {
        case unknownOccurrence
        case cancelled
        case otherDay
        case otherSite
    }

    package enum Outcome: Equatable {
        case received
        /// The rule sent the person to another service than the permanence's.
        case redirected
        case notAWalkIn
    }

    /// The occurrence an intake may be made at: it takes place, on the intake's day, at its site.
    package static func check(_ db: Connection, occurrenceID: String, day: LocalDate, siteID: String) throws -> Occurrence {
        guard let occurrence = try BookingRepository.occurrence(db, id: occurrenceID) else { throw Refusal.unknownOccurrence }
        guard !occurrence.isCancelled else { throw Refusal.cancelled }
        guard occurrence.date == day.calendarDate else { throw Refusal.otherDay }
        guard occurrence.siteID == siteID else { throw Refusal.otherSite }
        return occurrence
    }

    /// The service a permanence's social worker belongs to.
    package static func service(of occurrence: Occurrence) -> Service {
        occurrence.sendingInstitution == .ccas ? .ccas : .mds
    }

    /// After the orientation of `intakeID` was decided, in the same transaction: the reception at the
    /// permanence when the services match (a booking row marked walk-in, the orientation honoured).
    package static func receive(_ db: Connection, intakeID: Int64, orientationID: Int64, service: Service, outsideBordeaux: Bool, personID: Int64,
                                accountID: Int64, at now: Int64) throws -> Outcome {
        guard let occurrenceID = try db.string("SELECT walk_in_occurrence FROM intakes WHERE id = ?", [intakeID]),
              let occurrence = try BookingRepository.occurrence(db, id: occurrenceID) else { return .notAWalkIn }
        guard !outsideBordeaux, Self.service(of: occurrence) == service else { return .redirected }
        let place = (try db.int("SELECT max(place) FROM bookings WHERE occurrence_id = ? AND walk_in = 1", [occurrenceID]) ?? 0) + 1
        try db.run("""
            INSERT INTO bookings (occurrence_id, permanence_id, occurrence_date, slot_start, place, orientation_id, person_id, account_id, created_at, walk_in)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """, [occurrenceID, occurrence.permanenceID, occurrence.date.description, occurrence.start.description, place, orientationID, personID, accountID, now])
        try OrientationRepository.setStatus(db, id: orientationID, .honoured, accountID: accountID, at: now)
        try AuditTrail.record(db, at: now, account: accountID, .walkInReceived, subjectType: "personne", subjectID: String(personID),
                              detail: "orientation \(orientationID), permanence \(occurrenceID)")
        return .received
    }
}
