/// Applies the CCAS/MDS split of the convention to one household on one date.
///
/// Pure: the same household, date and referential always give the same decision, and nothing
/// is read or written. Usable directly (`OrientationRouter(referential:)`) or through `orient(_:on:referential:)`.
public struct OrientationRouter: Sendable {
    public let referential: TerritorialReferential
    /// The standing adjustments agreed by the PTS and the CCAS (those in force on a date apply).
    public let adjustments: [RuleAdjustment]
    /// Which CCAS and MDS serve the other communes of the Gironde (rows carry their own period).
    public let communes: [CommuneServices]

    public init(referential: TerritorialReferential, adjustments: [RuleAdjustment] = [], communes: [CommuneServices] = []) {
        self.referential = referential
        self.adjustments = adjustments
        self.communes = communes
    }

    public func orient(_ household: Household, on date: LocalDate) throws(OrientationError) -> RoutingDecision {
        try HouseholdValidation.check(household, on: date, referential: referential)
        let residence = try ResidenceRules.residence(household, on: date, communes: communes)
        let facts = HouseholdFacts(household, on: date)
        // The standing adjustments were agreed for Bordeaux's residents.
        let outcome = ServiceRules.decide(household, facts: facts, on: date, adjustments: residence == .bordeaux ? adjustments : [])
        var suggestions = SuggestionRules.fired(for: household)
        let destination: DestinationRules.Destination
        var commune: CommuneServices?
        var residenceRules: [FiredRule] = []
        switch residence {
        case .outside(let entry):
            commune = entry
            destination = .init(site: nil, circonscription: nil, fired: ResidenceRules.outsideReason(entry, service: outcome.service))
            // The PLAJe is the CCAS de Bordeaux's own youth service (docs/orientation.md).
            suggestions.removeAll { $0.0 == .plaje }
        case .outsideByDerogation(let code, let entry):
            residenceRules = [ResidenceRules.derogationReason(code: code, commune: entry)]
            fallthrough
        case .bordeaux:
            // The adjustment's site, when it names one and its service stands.
            let site = outcome.adjustment.flatMap { $0.service == outcome.service ? $0.siteID : nil }
            destination = try DestinationRules.resolve(outcome.service, household: household, on: date, referential: referential, site: site)
        }
        return RoutingDecision(
            date: date,
            service: outcome.service,
            siteID: destination.site?.id,
            site: destination.site?.name ?? commune?.service(outcome.service).name,
            circonscription: destination.circonscription,
            firedRules: residenceRules + outcome.fired + [destination.fired] + suggestions.map(\.1),
            suggestions: suggestions.map(\.0),
            isDerogation: household.derogation != nil,
            ruleService: outcome.ruleService,
            adjustments: outcome.adjustment.map { [$0.reference] } ?? [],
            commune: commune)
    }
}

/// The routing rule as a function: see `OrientationRouter`.
public func orient(
    _ household: Household, on date: LocalDate, referential: TerritorialReferential, adjustments: [RuleAdjustment] = [],
    communes: [CommuneServices] = []
) throws(OrientationError) -> RoutingDecision {
    try OrientationRouter(referential: referential, adjustments: adjustments, communes: communes).orient(household, on: date)
}
