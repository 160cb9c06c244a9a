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

    /// The occurrence an intake may be made at: it takes place, on the intake's day, at its site.
    package static func check(_ db: Connection, occurrenceID: String, day: LocalDate, siteID: String) throws -> Occurrence {
        guard let occurrence = try BookingRepository.occurrence(db, id: occurrenceID) else { throw Refusal.unknownOccurrence }
        guard !occurrence.isCancelled else { throw Refusal.cancelled }
        guard occurrence.date == day.calendarDate else { throw Refusal.otherDay }
        guard occurrence.siteID == siteID else { throw Refusal.otherSite }
        return occurrence
    }

    /// Whether the decision sends the person to this very permanence: its service, and for the MDS its
    /// circonscription (a family of the Lac at the Bastide's permanence is not received there), as
    /// the slots proposed at the desk are matched.
    package static func receivesHere(_ occurrence: Occurrence, _ decision: RoutingDecision, referential: TerritorialReferential) -> Bool {
        !decision.isOutsideBordeaux && SlotProposals.fits(occurrence, service: decision.service, siteID: decision.siteID, referential: referential)
    }

    /// After the first orientation of `intakeID` was decided, in the same transaction: the reception
    /// at the permanence when the decision sends the person there (a booking row marked walk-in, the
    /// orientation honoured). A re-orientation, or a person already booked in that session, is not a walk-in.
    package static func receive(_ db: Connection, intakeID: Int64, orientationID: Int64, decision: RoutingDecision, referential: TerritorialReferential,
                                personID: Int64, accountID: Int64, at now: Int64) throws {
        guard let occurrenceID = try db.string("SELECT walk_in_occurrence FROM intakes WHERE id = ?", [intakeID]),
              let occurrence = try BookingRepository.occurrence(db, id: occurrenceID),
              try db.int("SELECT count(*) FROM orientations WHERE intake_id = ?", [intakeID]) == 1,
              try db.int("SELECT count(*) FROM bookings WHERE occurrence_id = ? AND person_id = ? AND cancelled_at IS NULL", [occurrenceID, personID]) == 0
        else { return }
        guard receivesHere(occurrence, decision, referential: referential) else { return }
        let place = (try db.int("SELECT max(place) FROM bookings WHERE occurrence_id = ? AND walk_in = 1", [occurrenceID]) ?? 0) + 1
        try db.run("""
            INSERT INTO bookings (occurrence_id, permanence_id, occurrence_date, slot_start, place, orientation_id, person_id, account_id, created_at, walk_in)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """, [occurrenceID, occurrence.permanenceID, occurrence.date.description, occurrence.start.description, place, orientationID, personID, accountID, now])
        try OrientationRepository.setStatus(db, id: orientationID, .honoured, accountID: accountID, at: now)
        try AuditTrail.record(db, at: now, account: accountID, .walkInReceived, subjectType: "personne", subjectID: String(personID),
                              detail: "orientation \(orientationID), permanence \(occurrenceID)")
    }
}
