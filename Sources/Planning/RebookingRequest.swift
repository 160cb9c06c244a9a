/// A booked person whose occurrence is cancelled and who must be offered another slot.
public struct RebookingRequest: Sendable, Hashable {
    public let booking: Booking
    public let occurrence: Occurrence
    public let reason: CancellationReason
}
