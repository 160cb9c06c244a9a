/// A problem in the planning that managers must see, with its French message.
public struct PlanningConflict: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The same social worker holds two overlapping occurrences (after substitution).
        case workerInTwoPlaces(workerID: String, date: CalendarDate, occurrenceIDs: [String])
        /// Nobody can stand in when the titulaire is away.
        case missingSuppleant(permanenceID: String)
        /// A circonscription is not present any afternoon of a week at the CCAS (Cité Municipale).
        case circonscriptionWithoutAfternoon(circonscriptionID: String, week: ISOWeek)
        /// More bookings than a slot's firm capacity.
        case slotOverbooked(occurrenceID: String, slotStart: TimeOfDay, booked: Int, capacity: Int)
    }

    public let kind: Kind
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}
