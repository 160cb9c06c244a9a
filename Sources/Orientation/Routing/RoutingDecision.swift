/// Where a household is oriented, and why.
public struct RoutingDecision: Sendable, Equatable {
    /// The reference date the rule was applied on.
    public let date: LocalDate
    public let service: Service
    /// Stable site id; nil only for an MDS decision whose sector is unknown (see the reasons).
    public let siteID: String?
    /// Site name ("MDS Bastide", "CCAS – Cité Municipale"); nil when `siteID` is nil.
    public let site: String?
    /// Circonscription name, for MDS decisions with a known site only.
    public let circonscription: String?
    /// The rules that fired, in the order they were applied.
    public let firedRules: [FiredRule]
    public let suggestions: [Suggestion]
    /// True when the service was set by an agreed derogation rather than by the rule.
    public let isDerogation: Bool
    /// The service the rule gives (with a standing adjustment, if one applied); differs from
    /// `service` only under a derogation.
    public let ruleService: Service
    /// The references of the standing adjustments applied (at most one: they never overlap).
    public let adjustments: [String]

    /// One plain French sentence per rule that fired.
    public var reasons: [String] { firedRules.map(\.reason) }

    public var rules: [OrientationRule] { firedRules.map(\.rule) }

    /// Suggestions that call for immediate action (CRIP).
    public var alerts: [Suggestion] { suggestions.filter(\.isAlert) }
}
