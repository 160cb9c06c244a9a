import HTTPCore

/// Security headers on every response, error pages included.
///
/// The Content-Security-Policy allows no inline script or style and no framing: every script and
/// stylesheet is a file under /static, so an injected `<script>` cannot run even if escaping failed.
public struct SecurityHeadersMiddleware: Middleware {
    public static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "font-src 'self'", "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'",
        "base-uri 'none'",
    ].joined(separator: "; ")

    /// `Referrer-Policy: same-origin`: nothing leaves for other sites, while our own form posts keep a
    /// real `Origin` (with `no-referrer`, Chromium sends `Origin: null` even to the same site).
    /// Add `Strict-Transport-Security` only when served behind TLS.
    public var behindTLS: Bool

    public init(behindTLS: Bool = false) { self.behindTLS = behindTLS }

    public func handle(_ request: Request, next: Handler) async throws -> HTTPResponse {
        var response = try await next(request)
        apply(to: &response)
        return response
    }

    /// The same headers, for responses made outside the router (the server's own error pages).
    public func apply(to response: inout HTTPResponse) {
        for (name, value) in headers { response.headers.set(name, value) }
    }

    /// The headers as a list, for answers prepared ahead of time (static files).
    public var headers: HTTPHeaders {
        var response = HTTPResponse()
        response.headers.set("Content-Security-Policy", Self.contentSecurityPolicy)
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Referrer-Policy", "same-origin")
        response.headers.set("X-Frame-Options", "DENY")
        response.headers.set("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if behindTLS { response.headers.set("Strict-Transport-Security", "max-age=31536000") }
        return response.headers
    }
}
