import Planning

/// A live or cancelled row of `bookings`: a person holding a place in a slot of an occurrence.
struct BookingRecord: Sendable, Hashable {
    let id: Int64
    let occurrenceID: String
    let permanenceID: String
    let date: CalendarDate
    let slotStart: TimeOfDay
    let place: Int
    let orientationID: Int64?
    let personID: Int64
    let createdAt: Int64
    let cancelledAt: Int64?

    /// The planning's view: the person is an opaque reference (their row id), never a name.
    var planningBooking: Booking {
        Booking(occurrenceID: occurrenceID, slotStart: slotStart, personReference: String(personID))
    }
}
