import HTTPCore

/// The shape of every handler past routing.
public typealias Handler = @Sendable (Request) async throws -> HTTPResponse

/// Wraps a handler: runs before it, after it, or instead of it.
public protocol Middleware: Sendable {
    func handle(_ request: Request, next: Handler) async throws -> HTTPResponse
}

extension Array where Element == any Middleware {
    /// Chains the middleware around `handler`; the first element runs first.
    func wrapping(_ handler: @escaping Handler) -> Handler {
        reversed().reduce(handler) { next, middleware in
            { request in try await middleware.handle(request, next: next) }
        }
    }
}
