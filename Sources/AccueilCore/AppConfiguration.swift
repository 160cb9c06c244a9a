import Foundation

/// Settings of one running instance, gathered by the executable from flags and environment.
public struct AppConfiguration: Sendable {
    public static let version = "0.1.0"

    /// Folder served under `/static` (CSS, images, the small progressive-enhancement script).
    public var publicDirectory: String = "Public"
    /// Reference data (territorial referential, motives, demo data).
    public var resourcesDirectory: String = "Resources"
    /// Demo mode seeds demonstration accounts and data; production refuses both.
    public var production: Bool = false
    /// Set when a TLS-terminating reverse proxy sits in front: cookies get `Secure`, HSTS is sent.
    public var behindTLS: Bool = false {
        didSet { sessions.secureCookies = behindTLS }
    }
    public var sessions = SessionSettings()
    /// Behind a reverse proxy that appends the client's address to `X-Forwarded-For`: throttle by that
    /// address rather than the proxy's (which every request would share).
    public var trustProxy: Bool = false
    /// The desk's phone number, printed on the slip when the orienting site has none of its own, so that
    /// the person knows whom to call. `serve --production` warns while it is empty.
    public var deskPhone: String?
    /// The address people use to reach the server ("https://accueil.example.fr"), without a trailing
    /// slash: every absolute link the server hands out (calendar subscriptions, links sent to
    /// partners) starts with it, never with the request's `Host`, which a client chooses. Empty (demo
    /// only): the address the server listens on, once known (`AppContext.publicURL`).
    public var publicURL = ""
    /// The sender of the mails to partners (`--mail-from`); nil: no SMTP relay configured, links to
    /// partners are printed only.
    public var mailFrom: String?
    /// Calls per minute allowed to each API token (`--api-rate`, ACCUEIL_API_RATE).
    public var apiCallsPerMinute = 120
    /// Argon2id cost; only tests lower it.
    public var passwordHashingIsFastForTests = false

    public init() {}

    /// A public URL as the setting accepts it: http or https, a host, optionally a port and a path
    /// prefix; no query, fragment or credentials. Returns it without its trailing slash.
    public static func validPublicURL(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil, url.user == nil, url.password == nil,
              !trimmed.contains(" ") else { return nil }
        return trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
    }
}
