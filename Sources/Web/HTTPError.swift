import HTTPCore

/// An error that knows how it is shown: its status, a French message safe to show anyone, and extra
/// headers (e.g. `Allow` on a 405). Anything thrown that is not an `HTTPError` becomes a bare 500.
public struct HTTPError: Error, Sendable {
    public let status: HTTPStatus
    public let message: String
    public var headers: HTTPHeaders

    public init(_ status: HTTPStatus, _ message: String? = nil, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.message = message ?? HTTPError.defaultMessage(for: status)
        self.headers = headers
    }

    public static let notFound = HTTPError(.notFound)
    public static let badRequest = HTTPError(.badRequest)
    public static let forbidden = HTTPError(.forbidden)

    public static func methodNotAllowed(allow: [String]) -> HTTPError {
        HTTPError(.methodNotAllowed, headers: ["Allow": allow.joined(separator: ", ")])
    }

    public static func defaultMessage(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: "La requête est invalide."
        case 401: "Vous devez vous connecter pour accéder à cette page."
        case 403: "Vous n'avez pas les droits nécessaires pour cette action."
        case 404: "La page demandée n'existe pas ou a été déplacée."
        case 405: "Cette action n'est pas possible à cette adresse."
        case 408: "La requête a pris trop de temps."
        case 409: "L'action est en conflit avec une modification plus récente."
        case 413: "Le contenu envoyé est trop volumineux."
        case 414: "L'adresse demandée est trop longue."
        case 431: "Les en-têtes de la requête sont trop volumineux."
        case 505: "Cette version du protocole HTTP n'est pas prise en charge."
        case 415: "Le format du contenu envoyé n'est pas pris en charge."
        case 422: "Certaines informations sont invalides."
        case 429: "Trop de tentatives : patientez quelques minutes avant de réessayer."
        case 503: "Le service est momentanément indisponible."
        default: "Une erreur interne est survenue. L'équipe technique a été prévenue ; réessayez dans un instant."
        }
    }
}
