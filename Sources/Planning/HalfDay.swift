/// Permanences are planned by half-day (demi-journée), the unit the Annexe 4 grids use.
public enum HalfDay: String, Sendable, Hashable, CaseIterable {
    case morning
    case afternoon

    public var label: String {
        switch self {
        case .morning: "matin"
        case .afternoon: "après-midi"
        }
    }

    /// Usual opening hours of the desks; a permanence may set its own.
    public var defaultStart: TimeOfDay {
        switch self {
        case .morning: TimeOfDay(uncheckedHour: 9, minute: 0)
        case .afternoon: TimeOfDay(uncheckedHour: 13, minute: 30)
        }
    }

    public var defaultEnd: TimeOfDay {
        switch self {
        case .morning: TimeOfDay(uncheckedHour: 12, minute: 0)
        case .afternoon: TimeOfDay(uncheckedHour: 17, minute: 0)
        }
    }
}
