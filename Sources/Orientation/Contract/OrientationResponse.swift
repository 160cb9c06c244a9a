import Foundation

/// The answer of the contract: the decision flattened to stable JSON. Optional fields are
/// written as `null` rather than left out, so every answer has the same keys.
public struct OrientationResponse: Sendable, Equatable, Encodable {
    public let date: LocalDate
    public let service: Service
    public let site: String?
    public let siteId: String?
    public let circonscription: String?
    public let reasons: [String]
    public let suggestions: [Suggestion]
    public let alerts: [Suggestion]
    public let derogation: Bool
    /// References of the standing adjustments applied; always present, usually empty.
    public let adjustments: [String]
    /// True for a resident of another commune oriented to its services.
    public let horsBordeaux: Bool
    /// Which CCAS and MDS serve that commune (null for Bordeaux).
    public let commune: CommuneJSON?

    /// The commune's services as the contract writes them; unknown details are null.
    public struct CommuneJSON: Sendable, Equatable, Encodable {
        public let code: String
        public let name: String
        public let ccas: ServiceJSON
        public let mds: ServiceJSON
        /// Not yet checked by the institutions: for staff only, never printed for the person.
        public let toConfirm: Bool

        public struct ServiceJSON: Sendable, Equatable, Encodable {
            public let name: String?
            public let address: String?
            public let phone: String?
            public let email: String?

            enum CodingKeys: String, CodingKey { case name, address, phone, email }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(name, forKey: .name)
                try container.encode(address, forKey: .address)
                try container.encode(phone, forKey: .phone)
                try container.encode(email, forKey: .email)
            }
        }

        init(_ commune: CommuneServices) {
            code = commune.inseeCode
            name = commune.name
            func json(_ service: PublicService) -> ServiceJSON {
                ServiceJSON(name: service.name, address: service.address, phone: service.phone, email: service.email)
            }
            ccas = json(commune.ccas)
            mds = json(commune.mds)
            toConfirm = commune.toConfirm
        }
    }

    public init(_ decision: RoutingDecision) {
        date = decision.date
        service = decision.service
        site = decision.site
        siteId = decision.siteID
        circonscription = decision.circonscription
        reasons = decision.reasons
        suggestions = decision.suggestions
        alerts = decision.alerts
        derogation = decision.isDerogation
        adjustments = decision.adjustments
        horsBordeaux = decision.isOutsideBordeaux
        commune = decision.commune.map(CommuneJSON.init)
    }

    enum CodingKeys: String, CodingKey {
        case date, service, site, siteId, circonscription, reasons, suggestions, alerts, derogation, adjustments, horsBordeaux, commune
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(service, forKey: .service)
        try container.encode(site, forKey: .site)
        try container.encode(siteId, forKey: .siteId)
        try container.encode(circonscription, forKey: .circonscription)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(suggestions, forKey: .suggestions)
        try container.encode(alerts, forKey: .alerts)
        try container.encode(derogation, forKey: .derogation)
        try container.encode(adjustments, forKey: .adjustments)
        try container.encode(horsBordeaux, forKey: .horsBordeaux)
        try container.encode(commune, forKey: .commune)
    }

    public func jsonData(prettyPrinted: Bool = false) -> Data {
        // Strings, booleans and arrays of them: encoding cannot fail.
        try! ContractJSON.encoder(prettyPrinted: prettyPrinted).encode(self)
    }
}
