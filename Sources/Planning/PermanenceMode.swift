/// How the public is received during a permanence.
public enum PermanenceMode: Sendable, Hashable {
    /// Sur rendez-vous: the half-day is cut into slots of `slotMinutes`, each taking up to
    /// `capacityPerSlot` people. The capacity is firm: bookings beyond it are refused.
    case byAppointment(slotMinutes: Int, capacityPerSlot: Int)
    /// Sans rendez-vous: anyone may walk in. `softCapacity` is the number of places the desk may
    /// reserve ahead; it guides proposals but never turns anyone away.
    case open(softCapacity: Int)

    public var label: String {
        switch self {
        case .byAppointment(let minutes, _): "sur rendez-vous (créneaux de \(minutes) min)"
        case .open: "sans rendez-vous"
        }
    }
}
