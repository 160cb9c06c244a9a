/// The situations the convention gives to the Département (an MDS). Any one of them is enough.
enum DepartmentRules {
    static func fired(for household: Household, facts: HouseholdFacts, on date: LocalDate) -> [FiredRule] {
        var fired: [FiredRule] = []
        let when = "au \(date.frenchDescription)"
        if !facts.minorsInCharge.isEmpty {
            let count = facts.minorsInCharge.count
            let what = count == 1 ? "un enfant mineur à charge" : "\(count) enfants mineurs à charge"
            fired.append(FiredRule(.minorChildInCharge,
                "Le foyer a \(what) (\(HouseholdFacts.ages(facts.minorsInCharge)) \(when)) : le Département "
                + "accompagne les parents d'enfants mineurs, orientation vers la MDS."))
        }
        if household.pregnant {
            fired.append(FiredRule(.pregnancy,
                "Grossesse en cours : les femmes enceintes sont orientées directement vers la MDS."))
        }
        if !facts.minorsInFranceNotInCharge.isEmpty {
            fired.append(FiredRule(.minorChildInFrance,
                "La personne a un enfant mineur qui n'est pas à sa charge mais vit en France "
                + "(\(HouseholdFacts.ages(facts.minorsInFranceNotInCharge)) \(when)) : le Département "
                + "accompagne les parents d'enfants mineurs présents en France, à charge ou non, "
                + "orientation vers la MDS."))
        }
        if !facts.adultsInChargeUnderASE.isEmpty {
            fired.append(FiredRule(.adultChildUnderASE,
                "Le foyer a un enfant majeur à charge bénéficiant d'une mesure de l'Aide sociale à "
                + "l'enfance : la famille relève du Département, orientation vers la MDS."))
        }
        // Annexe 4, NB: the custody-less lone parent asking for the child. Only the request
        // matters here, so it also covers a child living abroad, whom the rules above leave out.
        if household.adults == 1, household.requestConcernsChild, !facts.minorsNotInCharge.isEmpty {
            fired.append(FiredRule(.loneParentWithoutCustody,
                "Parent isolé n'ayant pas la garde de son enfant, demande liée aux besoins de "
                + "l'enfant : orientation vers la MDS."))
        }
        // Not written in the convention: a minor asking alone is a child-protection matter,
        // which the law gives to the Département (ASE), never to the CCAS.
        if let age = household.age, age < 18 {
            fired.append(FiredRule(.minorApplicant,
                "La personne qui demande est mineure (\(HouseholdFacts.ages([age]))) : la protection "
                + "de l'enfance relève du Département, orientation vers la MDS."))
        }
        return fired
    }
}
