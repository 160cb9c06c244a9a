/// A sector of residence: the unit the Département uses to decide which MDS follows a household.
/// The intake form stores the key; turning an address into a sector is outside this module.
public struct Sector: Sendable, Hashable, Codable {
    /// Stable key ("saint-augustin").
    public let key: String
    /// French label shown to agents ("Saint-Augustin").
    public let label: String
    /// Ordered by date once the referential is validated.
    public let assignments: [SectorAssignment]

    public func assignment(on date: LocalDate) -> SectorAssignment? {
        assignments.first { $0.period.contains(date) }
    }
}
