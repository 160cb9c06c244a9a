import HTTPCore

/// The frozen application: routes and middleware, ready to answer from any thread.
public struct Responder: Sendable {
    let root: FrozenRoute
    let errorRenderer: ErrorRenderer
    let reportInternalError: @Sendable (any Error, Request) -> Void
    private let mounts: [(prefix: String, handler: RawHandler)]
    private let pipeline: @Sendable (Request) async -> HTTPResponse

    /// The routes registered, as method and pattern.
    public var routes: [(method: String, pattern: String)] { root.all }

    init(root: FrozenRoute, mounts: [(prefix: String, handler: RawHandler)], middleware: [any Middleware], errorRenderer: @escaping ErrorRenderer,
         reportInternalError: @escaping @Sendable (any Error, Request) -> Void,
         translateError: @escaping @Sendable (any Error) -> HTTPError? = { _ in nil }) {
        self.root = root
        self.mounts = mounts
        self.errorRenderer = errorRenderer
        self.reportInternalError = reportInternalError
        let present = Responder.presenter(errorRenderer, reportInternalError, translateError)
        // Every layer gets a response from the layer inside it, never a throw: an error becomes its
        // page where it happens, so outer middleware (security headers, compression) still sees it.
        let route: Handler = { request in try await Responder.route(request, root, present) }
        var handler: @Sendable (Request) async -> HTTPResponse = { request in
            do { return try await route(request) } catch { return present(error, request) }
        }
        for layer in middleware.reversed() {
            let next = handler
            handler = { request in
                do { return try await layer.handle(request, next: next) } catch { return present(error, request) }
            }
        }
        pipeline = handler
    }

    public func respond(to http: HTTPRequest) async -> HTTPResponse {
        if !mounts.isEmpty {
            let path = http.path
            for mount in mounts where path.hasPrefix(mount.prefix) { return mount.handler(http) }
        }
        return await pipeline(Request(http))
    }

    /// The same, telling which route answered: its pattern ("/personnes/:id"), the mount's prefix for
    /// a static file, nil when no route matched (404, 405). For metrics: never the concrete path.
    public func respondNamingRoute(to http: HTTPRequest) async -> (HTTPResponse, route: String?) {
        if !mounts.isEmpty {
            let path = http.path
            for mount in mounts where path.hasPrefix(mount.prefix) { return (mount.handler(http), mount.prefix + "*") }
        }
        let matched = MatchedRoute()
        let response = await MatchedRoute.$current.withValue(matched) { await pipeline(Request(http)) }
        return (response, matched.pattern)
    }

    /// The same, for an already-built `Request` (tests, internal calls).
    public func respond(to request: Request) async -> HTTPResponse { await pipeline(request) }

    private static func presenter(_ render: @escaping ErrorRenderer, _ report: @escaping @Sendable (any Error, Request) -> Void,
                                  _ translate: @escaping @Sendable (any Error) -> HTTPError?)
        -> @Sendable (any Error, Request) -> HTTPResponse {
        { error, request in
            let shown: HTTPError
            if let error = error as? HTTPError {
                shown = error
            } else {
                report(error, request)
                shown = translate(error) ?? HTTPError(.internalServerError)
            }
            var response = render(shown, request)
            for (name, value) in shown.headers { response.headers.set(name, value) }
            return response
        }
    }

    /// A handler's error is presented here, with the request as routed: its report then knows the
    /// route parameters (and can log "/agenda/:file" rather than the secret in the path).
    private static func route(_ request: Request, _ root: FrozenRoute,
                              _ present: @Sendable (any Error, Request) -> HTTPResponse) async throws -> HTTPResponse {
        var segments: [String] = []
        for raw in request.http.path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = PercentDecoding.decode(raw) else { throw HTTPError.badRequest }
            segments.append(segment)
        }
        var parameters: [String: String] = [:]
        guard let node = root.match(segments[...], &parameters), !node.handlers.isEmpty else { throw HTTPError.notFound }
        let method = request.method
        guard let handler = node.handlers[method] ?? (method == "HEAD" ? node.handlers["GET"] : nil) else {
            var allowed = Set(node.handlers.keys)
            if allowed.contains("GET") { allowed.insert("HEAD") }
            throw HTTPError.methodNotAllowed(allow: allowed.sorted())
        }
        MatchedRoute.current?.pattern = node.pattern
        var routed = request
        routed.parameters = parameters
        do { return try await handler(routed) } catch { return present(error, routed) }
    }
}

/// The route that answered one request, filled in by routing for `respondNamingRoute`.
final class MatchedRoute: @unchecked Sendable {
    /// Written once by the routing step of this request's task, read after the pipeline returns.
    var pattern: String?
    @TaskLocal static var current: MatchedRoute?
}
