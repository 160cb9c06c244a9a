/// The two partners of the shared intake desk whose social workers hold permanences at each other's.
public enum Institution: String, Sendable, Hashable, CaseIterable {
    /// Centre Communal d'Action Sociale de Bordeaux: the city's social-action body (Cité Municipale).
    case ccas
    /// Département de la Gironde, acting through its MDS (Maisons du Département des Solidarités).
    case departement

    public var label: String {
        switch self {
        case .ccas: "CCAS de Bordeaux"
        case .departement: "Département de la Gironde"
        }
    }

    /// Short form used in event titles and grid headers.
    public var shortLabel: String {
        switch self {
        case .ccas: "CCAS"
        case .departement: "MDS"
        }
    }
}
