/// Session lifetimes and cookie names, in one place.
public struct SessionSettings: Sendable {
    /// A session unused this long ends (30 minutes).
    public var idleTimeout: Int64 = 30 * 60
    /// A session ends this long after login whatever the activity (10 hours: one working day).
    public var absoluteTimeout: Int64 = 10 * 60 * 60
    /// `last_seen_at` is written at most this often, so browsing is not one database write per page.
    public var touchInterval: Int64 = 60
    public var secureCookies = false

    public init() {}

    /// The `__Host-` prefix makes browsers refuse the cookie unless Secure, Path=/ and host-only (RFC 6265bis).
    package var cookieName: String { secureCookies ? "__Host-accueil_session" : "accueil_session" }
    package var anonymousCSRFCookieName: String { secureCookies ? "__Host-accueil_csrf" : "accueil_csrf" }
}
