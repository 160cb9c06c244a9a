import Orientation

extension SiteKind {
    /// The kind as staff read it on the sites pages.
    package var label: String {
        switch self {
        case .mds: "Maison du Département des Solidarités"
        case .antenna: "Antenne sociale"
        case .ccas: "CCAS"
        case .franceServices: "Maison France Services"
        case .animationCentre: "Centre d'animation"
        case .pmiReception: "Accueil PMI"
        }
    }

    /// A destination of the rule (the CCAS or an MDS), as opposed to a place that only hosts permanences.
    package var isDestination: Bool { self == .ccas || self == .mds }
    /// Places of the planning where social workers go « hors les murs ».
    package var isOutreachPlace: Bool { self == .animationCentre || self == .franceServices }
}
