/// A secondary orientation that rides along with the primary one and never replaces it.
///
/// Declaration order is the output order, so decisions are deterministic.
public enum Suggestion: String, Sendable, Hashable, CaseIterable, Codable {
    /// The CAIO, which the convention names as a partner for people without a home (Annexe 3).
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
        case .caio: return "CAIO – accueil et orientation des personnes sans domicile"
        case .plaje: return "PLAJe du CCAS – jeunes de 18 à 25 ans sans enfant"
        case .seniors: return "Plateforme autonomie seniors / CLIC – personnes de 60 ans et plus"
        case .mdph: return "Accueil de premier niveau MDPH (handicap) au CCAS"
        case .crip: return "Information préoccupante à transmettre à la CRIP (enfant en danger ou en risque de l'être)"
        case .rsa: return "Référent RSA"
        }
    }

    /// Who the suggestion is for, stated once here (the partner directory describes the services;
    /// it does not decide who may use them). A known age outside `ages` excludes the suggestion:
    /// a minor is never sent to an adult service.
    public var audience: (ages: ClosedRange<Int>?, situation: String) {
        switch self {
        case .caio: return (18...130, "adulte sans domicile (un mineur sans domicile relève de la protection de l'enfance)")
        case .plaje: return (18...25, "jeune de 18 à 25 ans sans enfant ni grossesse")
        case .seniors: return (60...130, "personne de 60 ans et plus")
        case .mdph: return (nil, "situation de handicap, à tout âge")
        case .crip: return (nil, "enfant peut-être en danger, quel que soit l'âge de la personne qui demande")
        case .rsa: return (18...130, "adulte bénéficiaire du RSA")
        }
    }

    /// Whether someone of this age may be offered the suggestion; an unknown age excludes nothing.
    public func admits(age: Int?) -> Bool {
        guard let ages = audience.ages, let age else { return true }
        return ages.contains(age)
    }

    /// An alert calls for action now, not at the person's convenience: a child may be in danger,
    /// and the agent must pass an information préoccupante on whatever the primary orientation.
    public var isAlert: Bool { self == .crip }
}
