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
    /// Short French messages for errors raised before any handler runs ("Requête invalide.").
    public static let plainText: ErrorResponder = { status in
        .text(status.frenchReason + ".\n", status: status)
    }
}
