/// What the person was booked into: a timed appointment, or a place at a drop-in permanence.
public enum BookingKind: String, CaseIterable, Sendable {
    case appointment = "rendez_vous"
    case permanence = "permanence"

    /// As the agent reads it in the booking form.
    package var label: String {
        switch self {
        case .appointment: "Rendez-vous"
        case .permanence: "Permanence sans rendez-vous"
        }
    }
}
