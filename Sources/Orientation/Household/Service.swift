/// The two services that share the intake desk.
///
/// - `ccas`: the Centre Communal d'Action Sociale, the City of Bordeaux's social-action body,
///   at the Cité Municipale. It follows people alone or in a couple without minor child.
/// - `mds`: a Maison du Département des Solidarités, the Département de la Gironde's local
///   social office (child protection, PMI, RSA). It follows families with minor children.
public enum Service: String, Sendable, Hashable, CaseIterable, Codable {
    case ccas = "CCAS"
    case mds = "MDS"

    /// How the service is named in sentences shown to agents.
    public var label: String {
        switch self {
        case .ccas: return "le CCAS de Bordeaux"
        case .mds: return "la MDS (Département de la Gironde)"
        }
    }
}
