/// A parsed HTTP/1.x request. The body is fully received and de-chunked before a handler sees it.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The request-target exactly as received (RFC 9112 §3.2).
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The peer's IP address as the server saw it (a reverse proxy's, when there is one).
    public var remoteAddress: String?

    public init(method: String, target: String, version: HTTPVersion = .http11, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The path part of the target, still percent-encoded; `*` for `OPTIONS *`.
    public var path: Substring {
        var t = Substring(target)
        if t.first != "/", t != "*" {
            // absolute-form (RFC 9112 §3.2.2), e.g. http://host/path: keep only the path.
            let afterScheme = t.drop { $0 != ":" }.dropFirst(3)
            t = afterScheme.drop { $0 != "/" && $0 != "?" }
            if t.first != "/" { return "/" }
        }
        if let q = t.firstIndex(of: "?") { return t[..<q] }
        return t
    }

    /// The query string after `?`, without the `?`, if any.
    public var query: Substring? {
        guard let q = target.firstIndex(of: "?") else { return nil }
        return target[target.index(after: q)...]
    }

    /// Whether the connection may stay open after this request (RFC 9112 §9.3).
    public var keepAlive: Bool {
        let connection = headers.tokens(for: "Connection")
        if connection.contains("close") { return false }
        if version == .http10 { return connection.contains("keep-alive") }
        return true
    }
}

public struct HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    public static let http10 = HTTPVersion(major: 1, minor: 0)
    public static let http11 = HTTPVersion(major: 1, minor: 1)
    public var description: String { "HTTP/\(major).\(minor)" }
}
