/// Applies the CCAS/MDS split of the convention to one household on one date.
///
/// Pure: the same household, date and referential always give the same decision, and nothing
/// is read or written. Usable directly (`OrientationRouter(referential:)`) or through `orient(_:on:referential:)`.
public struct OrientationRouter: Sendable {
    public let referential: TerritorialReferential
    /// The standing adjustments agreed by the PTS and the CCAS (those in force on a date apply).
    public let adjustments: [RuleAdjustment]

    public init(referential: TerritorialReferential, adjustments: [RuleAdjustment] = []) {
        self.referential = referential
        self.adjustments = adjustments
    }

    public func orient(_ household: Household, on date: LocalDate) throws(OrientationError) -> RoutingDecision {
        try HouseholdValidation.check(household, on: date, referential: referential)
        let facts = HouseholdFacts(household, on: date)
        let outcome = ServiceRules.decide(household, facts: facts, on: date, adjustments: adjustments)
        // The adjustment's site, when it names one and its service stands.
        let site = outcome.adjustment.flatMap { $0.service == outcome.service ? $0.siteID : nil }
        let destination = try DestinationRules.resolve(
            outcome.service, household: household, on: date, referential: referential, site: site)
        let suggestions = SuggestionRules.fired(for: household)
        return RoutingDecision(
            date: date,
            service: outcome.service,
            siteID: destination.site?.id,
            site: destination.site?.name,
            circonscription: destination.circonscription,
            firedRules: outcome.fired + [destination.fired] + suggestions.map(\.1),
            suggestions: suggestions.map(\.0),
            isDerogation: household.derogation != nil,
            ruleService: outcome.ruleService,
            adjustments: outcome.adjustment.map { [$0.reference] } ?? [])
    }
}

/// The routing rule as a function: see `OrientationRouter`.
public func orient(
    _ household: Household, on date: LocalDate, referential: TerritorialReferential, adjustments: [RuleAdjustment] = []
) throws(OrientationError) -> RoutingDecision {
    try OrientationRouter(referential: referential, adjustments: adjustments).orient(household, on: date)
}
