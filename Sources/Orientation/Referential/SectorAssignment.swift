/// Which MDS serves a sector during a period. A sector's history is a list of these, so a record
/// made in 2023 keeps the MDS it had while a new one gets today's.
public struct SectorAssignment: Sendable, Hashable, Codable {
    /// Site id of the MDS.
    public let mds: String
    public let validFrom: LocalDate
    public let validTo: LocalDate?

    public var period: Period { Period(from: validFrom, to: validTo) }
}
