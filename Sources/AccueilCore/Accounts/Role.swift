/// What an account may do is the union of its roles (see docs/roles.md for the matrix).
public enum Role: String, CaseIterable, Sendable, Comparable {
    /// Agent d'accueil: level-1 intake, orientation, booking, slips. Never sees social workers' notes.
    case agent = "agent"
    /// Travailleur social: everything an agent does, plus notes of their institution, attendance, derogations.
    case socialWorker = "travailleur_social"
    /// Responsable: plans permanences, reads figures (aggregates only).
    case manager = "responsable"
    /// Administrateur: accounts, sites and referential data, audit trail.
    case administrator = "administrateur"

    public var label: String {
        switch self {
        case .agent: "Agent d'accueil"
        case .socialWorker: "Travailleur social"
        case .manager: "Responsable"
        case .administrator: "Administrateur"
        }
    }

    public static func < (a: Role, b: Role) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// The institution an account belongs to. Partner sites (France Services…) host agents but route to CCAS or MDS.
public enum Institution: String, CaseIterable, Sendable {
    case ccas = "CCAS"
    case mds = "MDS"
    case partner = "PARTENAIRE"

    public var label: String {
        switch self {
        case .ccas: "CCAS de Bordeaux"
        case .mds: "Département (MDS)"
        case .partner: "Site partenaire"
        }
    }
}
