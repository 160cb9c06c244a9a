/// A place that hosts permanences.
public struct PlanningSite: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The CCAS desk at the Cité Municipale.
        case ccas
        /// A Maison du Département des Solidarités.
        case mds
        /// An MDS's social antenna (antenne sociale), e.g. Bacalan.
        case antenne
        /// A Maison France Services, e.g. Les Aubiers.
        case franceServices
        /// A neighbourhood centre (centre d'animation) used for outreach ("hors les murs").
        case centreAnimation

        public var label: String {
            switch self {
            case .ccas: "CCAS"
            case .mds: "Maison du Département des Solidarités"
            case .antenne: "Antenne sociale"
            case .franceServices: "Maison France Services"
            case .centreAnimation: "Centre d'animation"
            }
        }
    }

    public let id: String
    public var name: String
    public var kind: Kind
    /// Postal address when known; goes into calendar events' LOCATION.
    public var address: String?

    public init(id: String, name: String, kind: Kind, address: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.address = address
    }

    /// "Name, address" as people search for it in a map or a calendar.
    public var locationLabel: String {
        guard let address, !address.isEmpty else { return name }
        return "\(name), \(address)"
    }
}
