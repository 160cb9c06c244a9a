/// A slot that can still take a booking.
public struct FreeSlot: Sendable, Hashable {
    public let occurrenceID: String
    public let siteID: String
    public let date: CalendarDate
    public let start: TimeOfDay
    public let end: TimeOfDay
    /// Places left (capacity minus bookings, at least 1).
    public let remaining: Int
    /// True for an open permanence's session: the person may also simply walk in.
    public let capacityIsSoft: Bool
}
