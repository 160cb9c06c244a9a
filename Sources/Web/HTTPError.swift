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

    /// The French sentence shown when the thrower gives no message of its own.
    public static func defaultMessage(for status: HTTPStatus) -> String {
        status.frenchExplanation
    }
}
