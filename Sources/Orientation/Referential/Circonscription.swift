/// A circonscription: the Département's grouping of MDS inside the PTS de Bordeaux
/// (Centre, Sud, Grand Parc, Lac, Saint-Michel). The intake grids are drawn per circonscription.
public struct Circonscription: Sendable, Hashable, Codable {
    public let id: String
    public let name: String
    public let validFrom: LocalDate
    public let validTo: LocalDate?

    public var period: Period { Period(from: validFrom, to: validTo) }
}
