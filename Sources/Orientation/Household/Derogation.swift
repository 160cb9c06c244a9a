/// A departure from the routing rule agreed between the PTS (the Département's Pôle Territorial
/// de Solidarité) and the CCAS "dans l'intérêt du public reçu" (convention, Article 3).
///
/// The convention allows it but the user asked that it be deliberate and traceable, so the router
/// refuses a derogation without a written justification or without the name of who agreed.
public struct Derogation: Sendable, Equatable {
    public var service: Service
    public var justification: String
    public var agreedBy: String

    public init(service: Service, justification: String, agreedBy: String) {
        self.service = service
        self.justification = justification
        self.agreedBy = agreedBy
    }
}
