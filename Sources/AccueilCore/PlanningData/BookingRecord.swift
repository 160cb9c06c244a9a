import Planning

/// A live or cancelled row of `bookings`: a person holding a place in a slot of an occurrence.
package struct BookingRecord: Sendable, Hashable {
    package let id: Int64
    package let occurrenceID: String
    package let permanenceID: String
    package let date: CalendarDate
    package let slotStart: TimeOfDay
    package let place: Int
    package let orientationID: Int64?
    package let personID: Int64
    package let createdAt: Int64
    package let cancelledAt: Int64?
    /// Received without a booking (`WalkIns`): takes no place.
    package var walkIn = false

    /// The planning's view: the person is an opaque reference (their row id), never a name.
    package var planningBooking: Booking {
        Booking(occurrenceID: occurrenceID, slotStart: slotStart, personReference: String(personID))
    }
}
