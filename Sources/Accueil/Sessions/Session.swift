import Web

/// A signed-in session: the account behind it and the synchroniser token its forms must carry.
public struct Session: Sendable {
    public let account: Account
    public let csrfToken: String
    let tokenHash: [UInt8]
}

/// The session of the current request, set by `SessionMiddleware` when the cookie is valid.
public enum CurrentSession: RequestKey { public typealias Value = Session }

/// The anonymous CSRF token (double-submit cookie) for forms shown before login.
enum AnonymousCSRFToken: RequestKey { typealias Value = String }
