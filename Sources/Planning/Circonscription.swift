/// A circonscription: the Département's grouping of MDS in Bordeaux (Centre, Sud, Grand Parc, Lac,
/// Saint-Michel). Each sends its social workers to the Cité Municipale one afternoon a week.
public struct Circonscription: Sendable, Hashable, Identifiable {
    public let id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
