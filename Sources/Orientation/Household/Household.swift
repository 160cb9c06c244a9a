/// The situation of the person (and their household) at intake: the facts the routing rule
/// reads. It carries no identity: the rule does not need one, and less personal data travels.
public struct Household: Sendable, Equatable {
    /// The adults of the household, 1 to `maximumAdults`: 1 is a person alone (or a lone parent),
    /// 2 a couple, more a household of several adults (a parent living with an adult child and
    /// their partner).
    public var adults: Int
    public var pregnant: Bool
    public var children: [Child]
    /// The request is about a child's needs (matters for a lone parent without custody).
    public var requestConcernsChild: Bool
    /// Without a home ("sans domicile"): suggests the CAIO, and often there is no sector.
    public var homeless: Bool
    /// The age of the person asking, when known (suggestions for youth and seniors).
    public var age: Int?
    public var disability: Bool
    /// A child may be in danger: raises the CRIP alert.
    public var childInDanger: Bool
    /// The person receives the RSA (revenu de solidarité active).
    public var rsa: Bool
    /// Key of the sector of residence in the territorial referential ("bastide", …): a Bordeaux notion.
    public var sector: String?
    /// INSEE code of the commune of residence; nil for intakes recorded before it was asked, which
    /// the rule reads as Bordeaux (`Commune.bordeaux`), the only commune the desk served then.
    public var commune: String?
    /// The service whose social worker already accompanies the person, if any.
    public var alreadyFollowedBy: Service?
    public var derogation: Derogation?

    public static let maximumAdults = 12
    public static let maximumChildren = 20

    /// Lives in Bordeaux (or was recorded before the commune was asked).
    public var livesInBordeaux: Bool { commune.map { $0 == Commune.bordeaux } ?? true }

    public init(
        adults: Int,
        pregnant: Bool = false,
        children: [Child] = [],
        requestConcernsChild: Bool = false,
        homeless: Bool = false,
        age: Int? = nil,
        disability: Bool = false,
        childInDanger: Bool = false,
        rsa: Bool = false,
        sector: String? = nil,
        commune: String? = nil,
        alreadyFollowedBy: Service? = nil,
        derogation: Derogation? = nil
    ) {
        self.adults = adults
        self.pregnant = pregnant
        self.children = children
        self.requestConcernsChild = requestConcernsChild
        self.homeless = homeless
        self.age = age
        self.disability = disability
        self.childInDanger = childInDanger
        self.rsa = rsa
        self.sector = sector
        self.commune = commune
        self.alreadyFollowedBy = alreadyFollowedBy
        self.derogation = derogation
    }
}
