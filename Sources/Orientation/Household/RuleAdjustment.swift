/// A standing adjustment of the routing rule (« aménager la règle ») that the PTS and the CCAS agree
/// « en concertation, dans l'intérêt du public reçu » (convention, Article 3). Agreed once, it
/// applies to every household its conditions cover while it is in force, after the base rule and
/// before any case-by-case derogation.
public struct RuleAdjustment: Sendable, Equatable {
    /// Stable reference, quoted in the agent reasons and the figures ("AM-2026-01").
    public var reference: String
    /// The adjustment as the two institutions wrote it.
    public var text: String
    public var service: Service
    /// The site it sends households to, where it says so (the CCAS site, or an MDS); otherwise the
    /// usual destination of the service.
    public var siteID: String?
    public var conditions: AdjustmentConditions
    /// Who agreed for the PTS and for the CCAS (name and function), and when.
    public var agreedByPTS: String
    public var agreedByCCAS: String
    public var agreedOn: LocalDate
    /// In force from `validFrom` to `validTo` included (`nil`: until ended).
    public var validFrom: LocalDate
    public var validTo: LocalDate?

    public init(reference: String, text: String, service: Service, siteID: String? = nil, conditions: AdjustmentConditions,
                agreedByPTS: String, agreedByCCAS: String, agreedOn: LocalDate, validFrom: LocalDate, validTo: LocalDate? = nil) {
        self.reference = reference
        self.text = text
        self.service = service
        self.siteID = siteID
        self.conditions = conditions
        self.agreedByPTS = agreedByPTS
        self.agreedByCCAS = agreedByCCAS
        self.agreedOn = agreedOn
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func isInForce(on date: LocalDate) -> Bool {
        validFrom <= date && validTo.map { date <= $0 } ?? true
    }

    /// Whether the two are in force on a common day.
    func periodOverlaps(_ other: RuleAdjustment) -> Bool {
        (validTo.map { other.validFrom <= $0 } ?? true) && (other.validTo.map { validFrom <= $0 } ?? true)
    }
}

/// The households an adjustment covers: every condition set must hold (nil: any value). They read
/// the facts the rule already reads.
public struct AdjustmentConditions: Sendable, Equatable {
    /// Sector keys of residence; a household without sector is not covered when set.
    public var sectors: Set<String>?
    public var homeless: Bool?
    /// A minor child in charge, or not in charge but living in France (the rule's family facts).
    public var minorChild: Bool?
    public var pregnant: Bool?
    public var adults: ClosedRange<Int>?
    /// The age of the person asking; an unknown age is not covered when set.
    public var age: ClosedRange<Int>?
    public var rsa: Bool?
    public var disability: Bool?

    public init(sectors: Set<String>? = nil, homeless: Bool? = nil, minorChild: Bool? = nil, pregnant: Bool? = nil,
                adults: ClosedRange<Int>? = nil, age: ClosedRange<Int>? = nil, rsa: Bool? = nil, disability: Bool? = nil) {
        self.sectors = sectors
        self.homeless = homeless
        self.minorChild = minorChild
        self.pregnant = pregnant
        self.adults = adults
        self.age = age
        self.rsa = rsa
        self.disability = disability
    }

    /// True when no condition is set: such an adjustment would replace the rule for everyone.
    public var isEmpty: Bool { self == AdjustmentConditions() }

    func covers(_ household: Household, hasMinorChild: Bool) -> Bool {
        if let sectors, !(household.sector.map(sectors.contains) ?? false) { return false }
        if let homeless, homeless != household.homeless { return false }
        if let minorChild, minorChild != hasMinorChild { return false }
        if let pregnant, pregnant != household.pregnant { return false }
        if let adults, !adults.contains(household.adults) { return false }
        if let age, !(household.age.map(age.contains) ?? false) { return false }
        if let rsa, rsa != household.rsa { return false }
        if let disability, disability != household.disability { return false }
        return true
    }

    /// Whether some household could be covered by both (each condition compatible with the other's).
    func overlaps(_ other: AdjustmentConditions) -> Bool {
        func same(_ a: Bool?, _ b: Bool?) -> Bool { a == nil || b == nil || a == b }
        func meet(_ a: ClosedRange<Int>?, _ b: ClosedRange<Int>?) -> Bool { a == nil || b == nil || a!.overlaps(b!) }
        let sectorsMeet = sectors == nil || other.sectors == nil || !sectors!.isDisjoint(with: other.sectors!)
        return sectorsMeet && same(homeless, other.homeless) && same(minorChild, other.minorChild) && same(pregnant, other.pregnant)
            && meet(adults, other.adults) && meet(age, other.age) && same(rsa, other.rsa) && same(disability, other.disability)
    }
}
