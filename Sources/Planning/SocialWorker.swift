/// A social worker (assistant·e social·e, travailleur social) who holds permanences, either as
/// titulaire (the one planned) or as suppléant (the substitute who takes over when the titulaire is
/// away). Ids are the app's own, kept as strings so it can map them to its tables.
public struct SocialWorker: Sendable, Hashable, Identifiable {
    public let id: String
    public var displayName: String
    public var institution: Institution
    /// Set for Département workers, whose circonscription decides their Cité Municipale afternoon.
    public var circonscriptionID: String?

    public init(id: String, displayName: String, institution: Institution, circonscriptionID: String? = nil) {
        self.id = id
        self.displayName = displayName
        self.institution = institution
        self.circonscriptionID = circonscriptionID
    }
}
