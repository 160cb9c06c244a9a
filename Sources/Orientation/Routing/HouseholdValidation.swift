/// Refuses inputs the rules cannot decide on honestly. Checked before any rule runs, in the
/// order of the JSON contract's fields, so the first error reported is predictable.
enum HouseholdValidation {
    static func check(
        _ household: Household, on date: LocalDate, referential: TerritorialReferential
    ) throws(OrientationError) {
        guard referential.covers(date) else {
            throw .dateOutsideReferential(date, coverageStart: referential.coverageStart)
        }
        guard (1...Household.maximumAdults).contains(household.adults) else {
            throw .invalidAdults(household.adults)
        }
        guard household.children.count <= Household.maximumChildren else {
            throw .tooManyChildren(household.children.count)
        }
        for (index, child) in household.children.enumerated() where child.birthDate > date {
            throw .childNotYetBorn(index: index, birthDate: child.birthDate, date: date)
        }
        if let age = household.age, !(0...130).contains(age) {
            throw .invalidAge(age)
        }
        // An unknown sector is an error even for a CCAS decision: it means the intake data is
        // wrong, and it would surface later when the household changes.
        if let key = household.sector, referential.sector(key: key) == nil {
            throw .unknownSector(key, known: referential.sectors.map(\.key))
        }
        if let commune = household.commune, !Commune.isValidCode(commune) {
            throw .unknownCommune(commune)
        }
        if let derogation = household.derogation {
            guard !derogation.justification.trimmed.isEmpty else { throw .derogationWithoutJustification }
            guard !derogation.agreedByPTS.trimmed.isEmpty else { throw .derogationWithoutPTSAgreement }
            guard !derogation.agreedByCCAS.trimmed.isEmpty else { throw .derogationWithoutCCASAgreement }
        }
    }
}
