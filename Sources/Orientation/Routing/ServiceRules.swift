/// Chooses the service: the Département's situations first, then continuity of an existing
/// follow-up, then a standing adjustment agreed by the PTS and the CCAS, then the case-by-case
/// derogation they agreed, which has the last word.
enum ServiceRules {
    struct Outcome {
        /// The rule as applied (base rule, continuity, adjustment), before any derogation.
        let ruleService: Service
        let service: Service
        let fired: [FiredRule]
        let adjustment: RuleAdjustment?
    }

    static func decide(_ household: Household, facts: HouseholdFacts, on date: LocalDate, adjustments: [RuleAdjustment] = []) -> Outcome {
        var fired = DepartmentRules.fired(for: household, facts: facts, on: date)
        let department = !fired.isEmpty
        let ruleService: Service
        switch (department, household.alreadyFollowedBy) {
        case (true, .mds):
            ruleService = .mds
            fired.append(FiredRule(.keepsMDSFollowUp,
                "La personne est déjà accompagnée par une MDS : son travailleur social référent "
                + "reste son interlocuteur."))
        case (true, .ccas):
            // The user's invariant: a minor child or a pregnancy never stays with the CCAS
            // without a recorded derogation. Annexe 4 sends families "directly" to the MDS and
            // limits the "new situations only" clause to people without minor child.
            ruleService = .mds
            fired.append(FiredRule(.leavesCCASFollowUp,
                "La personne est déjà accompagnée par le CCAS, mais sa situation relève désormais "
                + "du Département : orientation vers la MDS, en lien avec le travailleur social du "
                + "CCAS. Seule une dérogation convenue entre le PTS et le CCAS permettrait de rester "
                + "au CCAS."))
        case (true, nil):
            ruleService = .mds
        case (false, let followedBy):
            fired.append(FiredRule(.noMinorChild, noMinorChildReason(household)))
            switch followedBy {
            case .mds?:
                // Annexe 4: the MDS pass on only the *new* situations without minor child.
                ruleService = .mds
                fired.append(FiredRule(.keepsMDSFollowUp,
                    "La personne est déjà accompagnée par une MDS : la répartition vers le CCAS ne "
                    + "concerne que les situations nouvelles, l'accompagnement se poursuit à la MDS."))
            case .ccas?:
                ruleService = .ccas
                fired.append(FiredRule(.keepsCCASFollowUp,
                    "La personne est déjà accompagnée par le CCAS : l'accompagnement se poursuit au CCAS."))
            case nil:
                ruleService = .ccas
            }
        }
        var ruled = ruleService
        let adjustment = AdjustmentRules.applicable(adjustments, to: household, facts: facts, baseRules: fired.map(\.rule), on: date)
        if let adjustment {
            fired.append(FiredRule(.adjustment, adjustmentReason(adjustment, baseService: ruleService)))
            ruled = adjustment.service
        }
        guard let derogation = household.derogation else {
            return Outcome(ruleService: ruled, service: ruled, fired: fired, adjustment: adjustment)
        }
        fired.append(FiredRule(.derogation, derogationReason(derogation, ruleService: ruled)))
        return Outcome(ruleService: ruled, service: derogation.service, fired: fired, adjustment: adjustment)
    }

    private static func adjustmentReason(_ adjustment: RuleAdjustment, baseService: Service) -> String {
        let effect = adjustment.service == baseService
            ? "qui confirme l'orientation vers \(baseService.label)"
            : "orientation vers \(adjustment.service.label) au lieu de \(baseService.label)"
        return "Aménagement de la règle \(adjustment.reference), convenu le \(adjustment.agreedOn.frenchDescription) entre le PTS "
            + "(\(adjustment.agreedByPTS.trimmed)) et le CCAS (\(adjustment.agreedByCCAS.trimmed)), \(effect) : "
            + "« \(adjustment.text.trimmed) »."
    }

    private static func noMinorChildReason(_ household: Household) -> String {
        let who = HouseholdFacts.adultsLabel(household.adults)
        // Worded as "relève du CCAS", not "orienté vers": continuity or a derogation may follow.
        return "\(who) sans enfant mineur (à charge ou vivant en France) ni grossesse : la situation "
            + "relève du CCAS, qui accompagne les personnes seules ou en couple sans enfant mineur."
    }

    private static func derogationReason(_ derogation: Derogation, ruleService: Service) -> String {
        let justification = derogation.justification.trimmed
        let effect = derogation.service == ruleService
            ? "qui confirme l'orientation vers \(ruleService.label)"
            : "orientation vers \(derogation.service.label) au lieu de \(ruleService.label)"
        return "Dérogation à la règle de répartition convenue entre le PTS (\(derogation.agreedByPTS.trimmed)) "
            + "et le CCAS (\(derogation.agreedByCCAS.trimmed)), \(effect). Justification : « \(justification) »."
    }
}
