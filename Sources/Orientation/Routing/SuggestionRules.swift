/// Secondary orientations: they ride along with the primary decision and never change it. Each
/// is offered only to the ages its `Suggestion.audience` states.
enum SuggestionRules {
    static func fired(for household: Household) -> [(Suggestion, FiredRule)] {
        candidates(household).filter { $0.0.admits(age: household.age) }
    }

    private static func candidates(_ household: Household) -> [(Suggestion, FiredRule)] {
        var fired: [(Suggestion, FiredRule)] = []
        if household.homeless {
            fired.append((.caio, FiredRule(.suggestCAIO,
                "Personne sans domicile : orientation complémentaire vers le CAIO (accueil et orientation "
                + "des personnes sans domicile).")))
        }
        // PLAJe serves young people "sans enfant": any child, or a pregnancy (whose follow-up is
        // the MDS's), puts the person on the family path instead.
        if let age = household.age, Suggestion.plaje.admits(age: age), household.children.isEmpty, !household.pregnant {
            fired.append((.plaje, FiredRule(.suggestPLAJE,
                "Jeune de \(age) ans sans enfant : orientation complémentaire vers le PLAJe du CCAS.")))
        }
        if let age = household.age, Suggestion.seniors.admits(age: age) {
            fired.append((.seniors, FiredRule(.suggestSeniors,
                "Personne de \(age) ans : orientation complémentaire vers la plateforme autonomie "
                + "seniors / CLIC.")))
        }
        if household.disability {
            fired.append((.mdph, FiredRule(.suggestMDPH,
                "Situation de handicap : orientation complémentaire vers l'accueil de premier niveau "
                + "MDPH du CCAS.")))
        }
        if household.childInDanger {
            fired.append((.crip, FiredRule(.alertCRIP,
                "ALERTE – un enfant est peut-être en danger : transmettre sans délai une information "
                + "préoccupante à la CRIP, quelle que soit l'orientation.")))
        }
        if household.rsa {
            fired.append((.rsa, FiredRule(.suggestRSA,
                "Bénéficiaire du RSA : orientation complémentaire vers son référent RSA.")))
        }
        return fired
    }
}
