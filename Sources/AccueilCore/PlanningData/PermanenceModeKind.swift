import Planning

/// How a permanence receives the public, as the database stores it and the planning form posts it.
package enum PermanenceModeKind: String, CaseIterable, Sendable {
    case byAppointment = "rendez_vous"
    case open = "sans_rendez_vous"

    package init(_ mode: PermanenceMode) {
        switch mode {
        case .byAppointment: self = .byAppointment
        case .open: self = .open
        }
    }

    package var label: String {
        switch self {
        case .byAppointment: "Sur rendez-vous (créneaux)"
        case .open: "Sans rendez-vous"
        }
    }
}
