import Orientation

/// How staff pages name the two services (the rule's `label` is for sentences).
extension Service {
    /// "CCAS", "MDS": in tables and short mentions.
    package var shortName: String {
        switch self {
        case .ccas: "CCAS"
        case .mds: "MDS"
        }
    }

    /// The institution in full, as a heading.
    package var fullName: String {
        switch self {
        case .ccas: "CCAS de Bordeaux"
        case .mds: "Maison du Département des Solidarités"
        }
    }
}
