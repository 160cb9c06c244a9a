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
    }

    enum CodingKeys: String, CodingKey {
        case date, service, site, siteId, circonscription, reasons, suggestions, alerts, derogation, adjustments
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
    }

    public func jsonData(prettyPrinted: Bool = false) -> Data {
        // Strings, booleans and arrays of them: encoding cannot fail.
        try! ContractJSON.encoder(prettyPrinted: prettyPrinted).encode(self)
    }
}
