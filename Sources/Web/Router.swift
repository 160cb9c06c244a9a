import HTTPCore

/// A handler that sees the bare HTTP request: no routing, no middleware.
public typealias RawHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// Turns an error into the response the user sees (an HTML page, or JSON under /api).
public typealias ErrorRenderer = @Sendable (HTTPError, Request) -> HTTPResponse

/// Collects routes, then freezes into an immutable, `Sendable` `Responder`.
///
/// Patterns are literal segments, `:name` (one segment) and a final `*name` (the rest of the path).
/// `HEAD` is answered by the `GET` route; a path known under other methods gets 405 with `Allow`.
public struct Router {
    private let root = RouteNode()
    private var middleware: [any Middleware] = []
    private var routeMiddleware: [any Middleware] = []
    private var mounts: [(prefix: String, handler: RawHandler)] = []

    public init() {}

    /// Middleware that runs for every request, matched or not, in the order added.
    public mutating func use(_ middleware: any Middleware) { self.middleware.append(middleware) }

    /// Middleware that runs only once a route matched (after 404/405 are settled), around every route,
    /// outside the route's own middleware. For checks that make no sense on unknown paths (CSRF).
    public mutating func useOnRoutes(_ middleware: any Middleware) { routeMiddleware.append(middleware) }

    /// A raw handler for every request under `prefix` (e.g. `/static/`), answered before routing and
    /// without middleware: for static files, whose answers are prepared once and must cost little.
    /// The handler is responsible for its own headers (security headers included).
    public mutating func mount(_ prefix: String, _ handler: @escaping RawHandler) { mounts.append((prefix, handler)) }

    public func add(_ method: String, _ pattern: String, middleware: [any Middleware] = [], _ handler: @escaping Handler) {
        var node = root
        for segment in pattern.split(separator: "/") {
            if segment.hasPrefix(":") {
                let name = String(segment.dropFirst())
                if node.parameter == nil { node.parameter = (name, RouteNode()) }
                precondition(node.parameter!.name == name, "conflicting parameter names at \(pattern)")
                node = node.parameter!.node
            } else if segment.hasPrefix("*") {
                node.wildcard = String(segment.dropFirst())
                break
            } else {
                let literal = String(segment)
                if node.literals[literal] == nil { node.literals[literal] = RouteNode() }
                node = node.literals[literal]!
            }
        }
        precondition(node.handlers[method] == nil, "route \(method) \(pattern) registered twice")
        node.pattern = pattern
        node.handlers[method] = middleware.isEmpty ? handler : middleware.wrapping(handler)
    }

    public func get(_ pattern: String, middleware: [any Middleware] = [], _ handler: @escaping Handler) {
        add("GET", pattern, middleware: middleware, handler)
    }

    public func post(_ pattern: String, middleware: [any Middleware] = [], _ handler: @escaping Handler) {
        add("POST", pattern, middleware: middleware, handler)
    }

    /// - Parameter translateError: turns an error of a lower layer that has a meaning for users (e.g. a
    ///   read-only database) into the `HTTPError` shown; it is still reported. nil means a bare 500.
    public func freeze(errorRenderer: @escaping ErrorRenderer, reportInternalError: @escaping @Sendable (any Error, Request) -> Void = { _, _ in },
                       translateError: @escaping @Sendable (any Error) -> HTTPError? = { _ in nil }) -> Responder {
        Responder(root: root.frozen(wrapping: routeMiddleware), mounts: mounts, middleware: middleware, errorRenderer: errorRenderer,
                  reportInternalError: reportInternalError, translateError: translateError)
    }
}

/// Mutable while routes are added; copied into `FrozenRoute` by `freeze()`.
final class RouteNode {
    var literals: [String: RouteNode] = [:]
    var parameter: (name: String, node: RouteNode)?
    var wildcard: String?
    var handlers: [String: Handler] = [:]
    /// The pattern the handlers were registered with ("/personnes/:id"): the route's shape in metrics.
    var pattern: String?

    func frozen(wrapping middleware: [any Middleware]) -> FrozenRoute {
        FrozenRoute(literals: literals.mapValues { $0.frozen(wrapping: middleware) },
                    parameter: parameter.map { ($0.name, $0.node.frozen(wrapping: middleware)) },
                    wildcard: wildcard, handlers: middleware.isEmpty ? handlers : handlers.mapValues { middleware.wrapping($0) }, pattern: pattern)
    }
}

final class FrozenRoute: Sendable {
    /// Every method and pattern under this node (for documentation checks such as the OpenAPI test).
    var all: [(method: String, pattern: String)] {
        handlers.keys.sorted().compactMap { method in pattern.map { (method, $0) } }
            + literals.keys.sorted().flatMap { literals[$0]!.all } + (parameter?.node.all ?? [])
    }

    let literals: [String: FrozenRoute]
    let parameter: (name: String, node: FrozenRoute)?
    let wildcard: String?
    let handlers: [String: Handler]
    let pattern: String?

    init(literals: [String: FrozenRoute], parameter: (String, FrozenRoute)?, wildcard: String?, handlers: [String: Handler], pattern: String?) {
        self.literals = literals
        self.parameter = parameter.map { (name: $0.0, node: $0.1) }
        self.wildcard = wildcard
        self.handlers = handlers
        self.pattern = pattern
    }

    /// The node for these decoded segments, filling `parameters`; literals win over parameters.
    func match(_ segments: ArraySlice<String>, _ parameters: inout [String: String]) -> FrozenRoute? {
        guard let first = segments.first else { return handlers.isEmpty && wildcard == nil ? nil : self }
        let rest = segments.dropFirst()
        if let literal = literals[first], let found = literal.match(rest, &parameters) { return found }
        if let (name, node) = parameter {
            var attempt = parameters
            attempt[name] = first
            if let found = node.match(rest, &attempt) {
                parameters = attempt
                return found
            }
        }
        if let wildcard {
            parameters[wildcard] = segments.joined(separator: "/")
            return self
        }
        return nil
    }
}
