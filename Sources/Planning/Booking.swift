/// A person booked into a slot of an occurrence (an appointment, or a reserved place in an open
/// permanence). The person is an opaque reference from the app: the planning never holds personal data.
public struct Booking: Sendable, Hashable {
    public var occurrenceID: String
    public var slotStart: TimeOfDay
    public var personReference: String

    public init(occurrenceID: String, slotStart: TimeOfDay, personReference: String) {
        self.occurrenceID = occurrenceID
        self.slotStart = slotStart
        self.personReference = personReference
    }
}
