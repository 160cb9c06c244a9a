/// Why a booking was refused; `message` is shown to the reception agent.
public enum BookingError: Error, Sendable, Hashable {
    case unknownOccurrence(String)
    case occurrenceCancelled(CancellationReason)
    case unknownSlot(TimeOfDay)
    case slotFull(capacity: Int)
    case alreadyBooked
    /// Before today, or after the last day places may be booked (the same horizon the slots are offered on).
    case outsideBookingWindow(lastDay: CalendarDate)

    public var message: String {
        switch self {
        case .unknownOccurrence: "Cette permanence n'existe pas à cette date."
        case .occurrenceCancelled(let reason): "Cette permanence est annulée : \(reason.label)."
        case .unknownSlot(let start): "Aucun créneau ne commence à \(start.frenchLabel) dans cette permanence."
        case .slotFull(let capacity): "Ce créneau est complet (\(capacity) place\(capacity > 1 ? "s" : ""))."
        case .alreadyBooked: "Cette personne a déjà un rendez-vous dans cette permanence."
        case .outsideBookingWindow(let lastDay): "Ce créneau ne peut pas être réservé : seuls les créneaux d'aujourd'hui au \(lastDay.frenchLabel) le sont."
        }
    }
}
