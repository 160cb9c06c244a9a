import Planning
import SQLiteStore

/// Bookings into the planning's slots. `book` is the only way in: it checks the occurrence and the
/// capacity and inserts in the caller's write transaction, so the count it read is the count it
/// writes against; the partial unique index on (occurrence, slot, place) backs it up in SQL.
package enum BookingRepository {
    /// Live bookings of occurrences dated `from`…`to`.
    package static func active(_ db: Connection, from: CalendarDate, to: CalendarDate) throws -> [BookingRecord] {
        try db.query("""
            SELECT * FROM bookings WHERE cancelled_at IS NULL AND walk_in = 0 AND occurrence_date BETWEEN ? AND ?
            ORDER BY occurrence_date, slot_start, id
            """, [from.description, to.description]).compactMap(record)
    }

    package static func active(_ db: Connection, occurrenceID: String) throws -> [BookingRecord] {
        try db.query("SELECT * FROM bookings WHERE cancelled_at IS NULL AND walk_in = 0 AND occurrence_id = ? ORDER BY slot_start, place",
                     [occurrenceID]).compactMap(record)
    }

    /// The people received without a booking over these days (`WalkIns`), for the day sheet.
    package static func walkIns(_ db: Connection, from: CalendarDate, to: CalendarDate) throws -> [BookingRecord] {
        try db.query("""
            SELECT * FROM bookings WHERE cancelled_at IS NULL AND walk_in = 1 AND occurrence_date BETWEEN ? AND ? ORDER BY occurrence_date, id
            """, [from.description, to.description]).compactMap(record)
    }

    package static func active(_ db: Connection, orientationID: Int64) throws -> BookingRecord? {
        try db.queryOne("SELECT * FROM bookings WHERE cancelled_at IS NULL AND orientation_id = ? LIMIT 1", [orientationID]).flatMap(record)
    }

    /// "<permanence id>-<YYYYMMDD>" → its parts; nil when malformed.
    package static func parse(occurrenceID: String) -> (permanenceID: String, date: CalendarDate)? {
        guard let dash = occurrenceID.lastIndex(of: "-") else { return nil }
        let digits = occurrenceID[occurrenceID.index(after: dash)...]
        guard digits.count == 8, digits.allSatisfy(\.isNumber),
              let date = CalendarDate(year: Int(digits.prefix(4)) ?? 0, month: Int(digits.dropFirst(4).prefix(2)) ?? 0, day: Int(digits.suffix(2)) ?? 0)
        else { return nil }
        return (String(occurrenceID[..<dash]), date)
    }

    /// The occurrence as it stands now (holidays, closures, absences applied), or nil.
    package static func occurrence(_ db: Connection, id occurrenceID: String) throws -> Occurrence? {
        guard let (permanenceID, date) = parse(occurrenceID: occurrenceID),
              let permanence = try PlanningRepository.permanence(db, id: permanenceID) else { return nil }
        let found = occurrences(of: [permanence], from: date, to: date,
                                closures: try PlanningRepository.closures(db), absences: try PlanningRepository.absences(db))
        return found.first { $0.id == occurrenceID }
    }

    /// Holds a place for `personID` in the slot starting at `slotStart`, inside the caller's write
    /// transaction. Throws `BookingError` (in French for the agent) when the occurrence is cancelled or
    /// unknown, the slot unknown or full, or the person already booked in this occurrence.
    @discardableResult
    package static func book(_ db: Connection, occurrenceID: String, slotStart: TimeOfDay, personID: Int64, orientationID: Int64?,
                     accountID: Int64?, at now: Int64) throws -> BookingRecord {
        guard let occurrence = try occurrence(db, id: occurrenceID) else { throw BookingError.unknownOccurrence(occurrenceID) }
        // The horizon the slots are offered on holds where the place is saved too: a hand-made POST
        // cannot book a place in 2099 (or yesterday).
        let today = ParisTime(now).day.calendarDate, lastDay = today.adding(days: SlotProposals.horizonDays)
        guard occurrence.date >= today, occurrence.date <= lastDay else { throw BookingError.outsideBookingWindow(lastDay: lastDay) }
        let existing = try active(db, occurrenceID: occurrenceID)
        var ledger = BookingLedger(occurrences: [occurrence], bookings: existing.map(\.planningBooking))
        try ledger.book(personReference: String(personID), occurrenceID: occurrenceID, slotStart: slotStart)
        guard let slot = occurrence.slots.first(where: { $0.start == slotStart }) else { throw BookingError.unknownSlot(slotStart) }
        // The lowest free place number; an open session's soft capacity never turns anyone away.
        let taken = Set(existing.filter { $0.slotStart == slotStart }.map(\.place))
        let limit = slot.capacityIsSoft ? Int.max : slot.capacity
        guard limit >= 1, let place = (1...limit).lazy.first(where: { !taken.contains($0) }) else {
            throw BookingError.slotFull(capacity: slot.capacity)
        }
        do {
            try db.run("""
                INSERT INTO bookings (occurrence_id, permanence_id, occurrence_date, slot_start, place, orientation_id, person_id, account_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [occurrenceID, occurrence.permanenceID, occurrence.date.description, slotStart.description, place,
                      orientationID, personID, accountID, now])
        } catch let error as SQLiteError where error.isConstraintViolation {
            // Only reachable if another writer slipped past the count (another process): the index said no.
            throw BookingError.slotFull(capacity: slot.capacity)
        }
        try PermanenceFacts.bookingChanged(db, permanenceID: occurrence.permanenceID, date: occurrence.date.description, delta: 1)
        return BookingRecord(id: db.lastInsertRowID, occurrenceID: occurrenceID, permanenceID: occurrence.permanenceID, date: occurrence.date,
                             slotStart: slotStart, place: place, orientationID: orientationID, personID: personID, createdAt: now, cancelledAt: nil)
    }

    /// Frees the place; the row stays, with who cancelled and when.
    package static func cancel(_ db: Connection, id: Int64, accountID: Int64?, at now: Int64) throws {
        guard let row = try db.queryOne("SELECT permanence_id, occurrence_date FROM bookings WHERE id = ? AND cancelled_at IS NULL", [id]) else { return }
        try db.run("UPDATE bookings SET cancelled_at = ?, cancelled_by = ? WHERE id = ?", [now, accountID, id])
        try PermanenceFacts.bookingChanged(db, permanenceID: row.string("permanence_id") ?? "", date: row.string("occurrence_date") ?? "", delta: -1)
    }

    private static func record(_ row: Row) -> BookingRecord? {
        guard let id = row.int64("id"), let occurrenceID = row.string("occurrence_id"), let permanenceID = row.string("permanence_id"),
              let date = row.string("occurrence_date").flatMap(CalendarDate.init), let start = row.string("slot_start").flatMap(TimeOfDay.init),
              let personID = row.int64("person_id") else { return nil }
        return BookingRecord(id: id, occurrenceID: occurrenceID, permanenceID: permanenceID, date: date, slotStart: start,
                             place: row.int("place") ?? 1, orientationID: row.int64("orientation_id"), personID: personID,
                             createdAt: row.int64("created_at") ?? 0, cancelledAt: row.int64("cancelled_at"), walkIn: row.bool("walk_in") ?? false)
    }
}
