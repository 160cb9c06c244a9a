/// A public service a person living outside Bordeaux is sent to: the CCAS of their commune, or the
/// MDS that serves it. Every detail is optional: what no source gives stays empty (never invented),
/// staff see it as missing, and the person is given only what is known and confirmed.
public struct PublicService: Sendable, Hashable {
    public let name: String?
    public let address: String?
    public let phone: String?
    public let email: String?

    public init(name: String?, address: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
    }
}

/// Which CCAS and which MDS serve a commune of the Gironde other than Bordeaux, during a period.
///
/// The Département « réoriente … lorsque les besoins relèvent d'autres partenaires » (convention,
/// Article 3): the CCAS de Bordeaux and the Bordeaux MDS serve the residents of Bordeaux, so a
/// resident of another commune is told where their own services are. The table is data imported by
/// an administrator; a row not yet checked by the institutions is `toConfirm`: staff see it with
/// that mark, and nothing of it is printed for the person.
public struct CommuneServices: Sendable, Hashable {
    /// The commune's INSEE code ("33281"): stable, unlike names and postcodes.
    public let inseeCode: String
    public let name: String
    public let ccas: PublicService
    public let mds: PublicService
    public let period: Period
    public let toConfirm: Bool

    public init(inseeCode: String, name: String, ccas: PublicService, mds: PublicService, period: Period, toConfirm: Bool) {
        self.inseeCode = inseeCode
        self.name = name
        self.ccas = ccas
        self.mds = mds
        self.period = period
        self.toConfirm = toConfirm
    }

    /// The service of the commune that matches the rule's service.
    public func service(_ service: Service) -> PublicService { service == .ccas ? ccas : mds }
}

/// The commune of residence as the rule reads it.
public enum Commune {
    /// Bordeaux's INSEE code: the commune the desk's own services serve.
    public static let bordeaux = "33063"

    /// An INSEE commune code: five characters, digits except "2A"/"2B" for Corsica.
    public static func isValidCode(_ code: String) -> Bool {
        let characters = Array(code)
        guard characters.count == 5 else { return false }
        let department = String(characters[0...1])
        let digit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        return (department.allSatisfy(digit) || department == "2A" || department == "2B") && characters[2...].allSatisfy(digit)
    }
}
