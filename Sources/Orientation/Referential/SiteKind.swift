/// What a place is, which decides what the router may send people to: only an `mds` can be the
/// destination of an MDS decision, and exactly one `ccas` site receives CCAS decisions.
public enum SiteKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Maison du Département des Solidarités.
    case mds
    /// "Antenne sociale": a smaller office attached to an MDS.
    case antenna
    /// The CCAS reception (Cité Municipale).
    case ccas
    /// A Maison France Services, where MDS social workers hold a permanence.
    case franceServices = "france-services"
    /// A "centre d'animation" where MDS social workers go "hors les murs".
    case animationCentre = "animation-centre"
    /// A PMI (maternal and child health) reception.
    case pmiReception = "pmi-reception"
}
