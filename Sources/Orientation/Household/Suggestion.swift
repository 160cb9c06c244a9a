/// A secondary orientation that rides along with the primary one and never replaces it.
///
/// Declaration order is the output order, so decisions are deterministic.
public enum Suggestion: String, Sendable, Hashable, CaseIterable, Codable {
    /// Centre d'Accueil, d'Information et d'Orientation: the Gironde SIAO for homeless people.
    case caio = "CAIO"
    /// The CCAS youth service for people aged 18 to 25 without child.
    case plaje = "PLAJE"
    /// The CCAS seniors' autonomy platform / CLIC, for people aged 60 and over.
    case seniors = "SENIORS"
    /// The first-level MDPH desk (disability) held at the CCAS.
    case mdph = "MDPH"
    /// Cellule de Recueil des Informations Préoccupantes: a child may be in danger.
    case crip = "CRIP"
    /// The person's RSA referent (the Département pays and follows the RSA).
    case rsa = "RSA"

    public var label: String {
        switch self {
        case .caio: return "CAIO – accueil et orientation des personnes sans domicile (SIAO de la Gironde)"
        case .plaje: return "PLAJe du CCAS – jeunes de 18 à 25 ans sans enfant"
        case .seniors: return "Plateforme autonomie seniors / CLIC – personnes de 60 ans et plus"
        case .mdph: return "Accueil de premier niveau MDPH (handicap) au CCAS"
        case .crip: return "Information préoccupante à transmettre à la CRIP (enfant en danger ou en risque de l'être)"
        case .rsa: return "Référent RSA"
        }
    }

    /// An alert calls for action now, not at the person's convenience: a child may be in danger,
    /// and the agent must pass an information préoccupante on whatever the primary orientation.
    public var isAlert: Bool { self == .crip }
}
