import AccueilCore
import Synchronization
import Web

/// A signed-in session: the account behind it and the synchroniser token its forms must carry.
public struct Session: Sendable {
    public let account: Account
    public let csrfToken: String
    let tokenHash: [UInt8]
}

/// The session of the current request, set by `SessionMiddleware` when the cookie is valid.
public enum CurrentSession: RequestKey { public typealias Value = Session }

/// The anonymous CSRF token (double-submit cookie) for forms shown before login. Made only when a page
/// asks for it: most anonymous requests (the home page, static files) carry no form.
final class AnonymousCSRFToken: RequestKey, Sendable {
    typealias Value = AnonymousCSRFToken
    private let state: Mutex<(token: String?, isNew: Bool)>

    init(existing: String?) { state = Mutex((existing, false)) }

    var token: String {
        state.withLock { state in
            if let token = state.token { return token }
            let token = Sodium.token()
            state = (token, true)
            return token
        }
    }

    /// The token made during this request, which the response must set as a cookie.
    var newToken: String? { state.withLock { $0.isNew ? $0.token : nil } }
}
