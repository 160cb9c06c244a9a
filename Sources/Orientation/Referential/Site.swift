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
    public let address: String
    /// Nil when not known: a made-up number would send people to a stranger.
    public let phone: String?
    public let openingHours: String
    public let accessibility: String
    public let validFrom: LocalDate
    public let validTo: LocalDate?
    /// Free text, notably which details are placeholders to be confirmed.
    public let note: String?

    public var period: Period { Period(from: validFrom, to: validTo) }
}
