/// The rules the router can apply. Each decision lists the rules that fired, in order, each with
/// its French sentence: agents read the sentences, tests and statistics read the rules.
public enum OrientationRule: String, Sendable, Hashable, CaseIterable {
    // Primary routing (convention, Article 3; protocol, Annexe 4).
    case minorChildInCharge = "minor-child-in-charge"
    case pregnancy = "pregnancy"
    case minorChildInFrance = "minor-child-in-france"
    case adultChildUnderASE = "adult-child-under-ase"
    case loneParentWithoutCustody = "lone-parent-without-custody"
    case minorApplicant = "minor-applicant"
    case noMinorChild = "no-minor-child"
    // Continuity of an existing follow-up.
    case keepsMDSFollowUp = "keeps-mds-follow-up"
    case keepsCCASFollowUp = "keeps-ccas-follow-up"
    case leavesCCASFollowUp = "leaves-ccas-follow-up"
    // Agreed departures from the rule: standing (an adjustment), or for one household (a derogation).
    case adjustment = "adjustment"
    case derogation = "derogation"
    // Destination.
    case mdsOfSector = "mds-of-sector"
    case homelessWithoutSector = "homeless-without-sector"
    case missingSector = "missing-sector"
    case ccasSite = "ccas-site"
    /// A resident of another commune: their commune's CCAS or the MDS serving it (Article 3).
    case outsideBordeaux = "outside-bordeaux"
    /// A resident of another commune received by Bordeaux's services through a derogation.
    case outsideBordeauxByDerogation = "outside-bordeaux-by-derogation"
    // Secondary orientations and alerts.
    case suggestCAIO = "suggest-caio"
    case suggestPLAJE = "suggest-plaje"
    case suggestSeniors = "suggest-seniors"
    case suggestMDPH = "suggest-mdph"
    case alertCRIP = "alert-crip"
    case suggestRSA = "suggest-rsa"
}

/// One rule that fired, with the sentence that explains it to the agent.
public struct FiredRule: Sendable, Equatable {
    public let rule: OrientationRule
    public let reason: String

    public init(_ rule: OrientationRule, _ reason: String) {
        self.rule = rule
        self.reason = reason
    }
}
