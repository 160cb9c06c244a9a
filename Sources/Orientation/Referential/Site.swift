/// A place where the public is received. Practical details (address, phone, hours) are what a
/// level-1 intake agent hands over, so they live in the referential data, not in code.
public struct Site: Sendable, Hashable, Codable {
    /// Stable key ("mds-centre"): records store it, so it never changes even if the name does.
    public let id: String
    /// Name shown to agents and people ("MDS Centre").
    public let name: String
    public let kind: SiteKind
    /// Circonscription id; required for MDS and antennas, nil for city-wide places.
    public let circonscription: String?
    /// For an antenna: the MDS it belongs to.
    public let parentSite: String?
    /// Nil when no source gives it: an address, phone or hour that nobody can source is never
    /// invented (a made-up one would send people to a stranger). Staff see it as missing.
    public let address: String?
    public let phone: String?
    public let openingHours: String?
    public let accessibility: String?
    /// The passage the address comes from (convention, annex), so that it can be checked.
    public let addressSource: String?
    public let validFrom: LocalDate
    public let validTo: LocalDate?
    /// Free text for staff, notably which details are still missing.
    public let note: String?

    public var period: Period { Period(from: validFrom, to: validTo) }
}
