/// A case-by-case departure from the routing rule for one household, agreed « en concertation »
/// by the PTS (the Département's Pôle Territorial de Solidarité) and the CCAS « dans l'intérêt du
/// public reçu » (convention, Article 3). Both institutions agree, so both are named; the written
/// justification keeps it traceable. It is the only way a household with a minor child or a
/// pregnancy can reach the CCAS.
public struct Derogation: Sendable, Equatable {
    public var service: Service
    public var justification: String
    /// Who agreed for the PTS (name and function).
    public var agreedByPTS: String
    /// Who agreed for the CCAS (name and function).
    public var agreedByCCAS: String

    public init(service: Service, justification: String, agreedByPTS: String, agreedByCCAS: String) {
        self.service = service
        self.justification = justification
        self.agreedByPTS = agreedByPTS
        self.agreedByCCAS = agreedByCCAS
    }
}
