/// How the person reached the desk.
package enum IntakeChannel: String, CaseIterable, Sendable {
    case onSite = "sur_place"
    case phone = "telephone"
    case email = "courriel"

    package var label: String {
        switch self {
        case .onSite: "Sur place"
        case .phone: "Téléphone"
        case .email: "Courriel"
        }
    }
}
