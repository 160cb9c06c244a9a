/// The bookings of a set of occurrences, with capacity enforced.
///
/// A value: the app loads occurrences and bookings, asks or books, then saves what `book` returned.
public struct BookingLedger: Sendable {
    public let occurrences: [Occurrence]
    public private(set) var bookings: [Booking]
    private let occurrencesByID: [String: Occurrence]
    private var counts: [SlotKey: Int]

    private struct SlotKey: Hashable {
        let occurrenceID: String
        let start: TimeOfDay
    }

    public init(occurrences: [Occurrence], bookings: [Booking] = []) {
        self.occurrences = occurrences
        self.bookings = bookings
        occurrencesByID = Dictionary(occurrences.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        counts = [:]
        for booking in bookings {
            counts[SlotKey(occurrenceID: booking.occurrenceID, start: booking.slotStart), default: 0] += 1
        }
    }

    public func bookedCount(occurrenceID: String, slotStart: TimeOfDay) -> Int {
        counts[SlotKey(occurrenceID: occurrenceID, start: slotStart)] ?? 0
    }

    /// Every slot that can take one more person: occurrence not cancelled, places left.
    public func freeSlots() -> [FreeSlot] {
        occurrences.flatMap(freeSlots(in:))
    }

    /// The first `limit` free slots of matching permanences starting at or after `date` `time`,
    /// earliest first. Full slots and cancelled occurrences are skipped.
    public func nextFreeSlots(matching filter: SlotFilter, from date: CalendarDate, at time: TimeOfDay, limit: Int) -> [FreeSlot] {
        guard limit > 0 else { return [] }
        let candidates = occurrences
            .filter { filter.matches($0) && $0.date >= date }
            .flatMap(freeSlots(in:))
            .filter { $0.date > date || $0.start >= time }
            .sorted { ($0.date, $0.start, $0.siteID, $0.occurrenceID) < ($1.date, $1.start, $1.siteID, $1.occurrenceID) }
        return Array(candidates.prefix(limit))
    }

    /// Convenience for a decision that names host sites only.
    public func nextFreeSlots(matching siteIDs: Set<String>, from date: CalendarDate, at time: TimeOfDay, limit: Int) -> [FreeSlot] {
        nextFreeSlots(matching: SlotFilter(siteIDs: siteIDs), from: date, at: time, limit: limit)
    }

    /// Books a person, refusing cancelled occurrences, unknown or full slots and a second booking of
    /// the same person in the same occurrence. Open permanences accept people past their soft
    /// capacity: sans rendez-vous means nobody is turned away.
    @discardableResult
    public mutating func book(personReference: String, occurrenceID: String, slotStart: TimeOfDay) throws(BookingError) -> Booking {
        guard let occurrence = occurrencesByID[occurrenceID] else { throw .unknownOccurrence(occurrenceID) }
        if case .cancelled(let reason) = occurrence.holder { throw .occurrenceCancelled(reason) }
        guard let slot = occurrence.slots.first(where: { $0.start == slotStart }) else { throw .unknownSlot(slotStart) }
        guard !bookings.contains(where: { $0.occurrenceID == occurrenceID && $0.personReference == personReference }) else {
            throw .alreadyBooked
        }
        let key = SlotKey(occurrenceID: occurrenceID, start: slotStart)
        if !slot.capacityIsSoft, counts[key, default: 0] >= slot.capacity { throw .slotFull(capacity: slot.capacity) }
        let booking = Booking(occurrenceID: occurrenceID, slotStart: slotStart, personReference: personReference)
        bookings.append(booking)
        counts[key, default: 0] += 1
        return booking
    }

    /// People booked into cancelled occurrences, to be called and offered another slot; in date and
    /// slot order.
    public func rebookingList() -> [RebookingRequest] {
        bookings.compactMap { booking -> RebookingRequest? in
            guard let occurrence = occurrencesByID[booking.occurrenceID],
                case .cancelled(let reason) = occurrence.holder
            else { return nil }
            return RebookingRequest(booking: booking, occurrence: occurrence, reason: reason)
        }
        .sorted {
            ($0.occurrence.date, $0.booking.slotStart, $0.occurrence.id, $0.booking.personReference)
                < ($1.occurrence.date, $1.booking.slotStart, $1.occurrence.id, $1.booking.personReference)
        }
    }

    private func freeSlots(in occurrence: Occurrence) -> [FreeSlot] {
        guard !occurrence.isCancelled else { return [] }
        return occurrence.slots.compactMap { slot in
            let remaining = slot.capacity - bookedCount(occurrenceID: occurrence.id, slotStart: slot.start)
            guard remaining > 0 else { return nil }
            return FreeSlot(
                occurrenceID: occurrence.id, siteID: occurrence.siteID, date: occurrence.date,
                start: slot.start, end: slot.end, remaining: remaining, capacityIsSoft: slot.capacityIsSoft)
        }
    }
}
