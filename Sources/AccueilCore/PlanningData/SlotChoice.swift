import Planning
import SQLiteStore

/// The planning slot picked on the decision page, checked before the write (the write checks the
/// capacity again, in its transaction).
package enum SlotChoice: Sendable {
    package struct Chosen: Sendable {
        package let occurrence: Occurrence
        package let occurrenceID: String
        package let start: TimeOfDay
        /// What the orientation keeps for its slip: kind, date, time and place, as before the planning.
        package let orientationBooking: OrientationRepository.Booking
    }

    case none
    case chosen(Chosen)
    case invalid(String)

    package static func resolve(_ value: String, context: AppContext) async throws -> SlotChoice {
        guard !value.isEmpty else { return .none }
        guard let (occurrenceID, start) = PlanningText.parseSlotValue(value) else { return .invalid("Ce créneau n'existe pas. Choisissez-en un dans la liste.") }
        let found = try await context.store.read { db -> (Occurrence, String)? in
            guard let occurrence = try BookingRepository.occurrence(db, id: occurrenceID) else { return nil }
            return (occurrence, try SiteDirectory.find(db, id: occurrence.siteID)?.name ?? occurrence.siteID)
        }
        guard let (occurrence, siteName) = found, let slot = occurrence.slots.first(where: { $0.start == start }) else {
            return .invalid("Ce créneau n'existe pas ou plus. Choisissez-en un dans la liste.")
        }
        if case .cancelled(let reason) = occurrence.holder { return .invalid(BookingError.occurrenceCancelled(reason).message) }
        let now = context.parisNow
        if (occurrence.date, slot.start) < (now.day.calendarDate, now.time) { return .invalid("Ce créneau est déjà passé. Choisissez-en un autre.") }
        let kind: BookingKind = slot.capacityIsSoft ? .permanence : .appointment
        return .chosen(Chosen(occurrence: occurrence, occurrenceID: occurrenceID, start: start,
                              orientationBooking: .init(kind: kind, date: occurrence.date.description, time: start.description, place: siteName)))
    }
}
