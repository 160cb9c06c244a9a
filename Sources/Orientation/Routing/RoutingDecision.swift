/// Where a household is oriented, and why.
public struct RoutingDecision: Sendable, Equatable {
    /// The reference date the rule was applied on.
    public let date: LocalDate
    public let service: Service
    /// Stable site id; nil only for an MDS decision whose sector is unknown (see the reasons).
    public let siteID: String?
    /// Site name ("MDS Bastide", "CCAS – Cité Municipale"); outside Bordeaux, the name of the commune's
    /// service when the table gives it; nil otherwise.
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
    /// Set for a resident of another commune oriented to its services (« hors Bordeaux »): which CCAS
    /// and which MDS serve them. Nil for Bordeaux, and under a derogation to Bordeaux's services.
    public let commune: CommuneServices?

    public init(date: LocalDate, service: Service, siteID: String?, site: String?, circonscription: String?, firedRules: [FiredRule],
                suggestions: [Suggestion], isDerogation: Bool, ruleService: Service, adjustments: [String], commune: CommuneServices? = nil) {
        self.date = date
        self.service = service
        self.siteID = siteID
        self.site = site
        self.circonscription = circonscription
        self.firedRules = firedRules
        self.suggestions = suggestions
        self.isDerogation = isDerogation
        self.ruleService = ruleService
        self.adjustments = adjustments
        self.commune = commune
    }

    /// Oriented to the services of another commune, counted apart from Bordeaux's.
    public var isOutsideBordeaux: Bool { commune != nil }

    /// One plain French sentence per rule that fired.
    public var reasons: [String] { firedRules.map(\.reason) }

    public var rules: [OrientationRule] { firedRules.map(\.rule) }

    /// Suggestions that call for immediate action (CRIP).
    public var alerts: [Suggestion] { suggestions.filter(\.isAlert) }
}
