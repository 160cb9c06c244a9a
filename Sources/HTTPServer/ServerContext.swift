import HTTPCore

/// The request handler: given a whole request, produce a whole response. Errors are the handler's to
/// turn into responses; the server only knows HTTP.
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse

/// What the server itself answers when no handler is involved (parse errors, timeouts, overload).
public typealias ErrorResponder = @Sendable (HTTPStatus) -> HTTPResponse

/// What every connection shares with its server.
struct ServerContext: Sendable {
    let configuration: ServerConfiguration
    let handler: HTTPHandler
    let errorResponder: ErrorResponder
    let logger: AccessLogger?
    let dates: DateCache
    let connectionClosed: @Sendable (ObjectIdentifier) -> Void
}

public enum DefaultErrorResponses {
    /// Short French messages for errors raised before any handler runs.
    public static let plainText: ErrorResponder = { status in
        let message: String = switch status.code {
        case 400: "Requête invalide."
        case 408: "Délai dépassé : la requête n'est pas arrivée à temps."
        case 413: "Contenu trop volumineux."
        case 414: "Adresse trop longue."
        case 431: "En-têtes de requête trop volumineux."
        case 503: "Service momentanément surchargé, réessayez dans un instant."
        case 505: "Version HTTP non prise en charge."
        default: "Erreur."
        }
        return .text(message + "\n", status: status)
    }
}
