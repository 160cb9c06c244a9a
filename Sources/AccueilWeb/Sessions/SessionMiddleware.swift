import AccueilCore
import HTTPCore
import SQLiteStore
import Web

/// Finds the session behind the cookie, enforces idle and absolute expiry, and marks every response
/// to a signed-in user `Cache-Control: no-store` (personal data must not stay in caches, and the back
/// button after logout must not show a protected page).
struct SessionMiddleware: Middleware {
    let context: AppContext

    func handle(_ request: Request, next: Handler) async throws -> HTTPResponse {
        var request = request
        let settings = context.sessions
        let now = context.now()
        var clearCookie = false
        if let token = request.cookies[settings.cookieName], !token.isEmpty {
            let found = try await context.store.read { db -> (SessionRepository.Stored, Account)? in
                guard let stored = try SessionRepository.find(db, token: token),
                      let account = try AccountRepository.find(db, id: stored.accountID) else { return nil }
                return (stored, account)
            }
            if let (stored, account) = found, !account.disabled,
               now - stored.lastSeenAt < settings.idleTimeout, now - stored.createdAt < settings.absoluteTimeout {
                request[CurrentSession.self] = Session(account: account, csrfToken: stored.csrf, tokenHash: stored.tokenHash)
                if now - stored.lastSeenAt >= settings.touchInterval {
                    // A missed touch only shortens the idle time; it must not stop reads on a read-only,
                    // full or busy database.
                    do {
                        try await context.store.write { db in try SessionRepository.touch(db, tokenHash: stored.tokenHash, at: now) }
                    } catch let error as SQLiteError where DatabaseFaults.isTransient(error) {}
                }
            } else {
                clearCookie = true
                if let (stored, _) = found {
                    try await context.store.write { db in try SessionRepository.delete(db, tokenHash: stored.tokenHash) }
                }
            }
        }
        var anonymous: AnonymousCSRFToken?
        if request[CurrentSession.self] == nil {
            let existing = request.cookies[settings.anonymousCSRFCookieName].flatMap { $0.count >= 32 ? $0 : nil }
            anonymous = AnonymousCSRFToken(existing: existing)
            request[AnonymousCSRFToken.self] = anonymous
        }

        var response = try await next(request)
        if request[CurrentSession.self] != nil {
            response.headers.set("Cache-Control", "no-store")
        }
        // A login answered while the browser still held a stale cookie sets the new session itself:
        // expiring the cookie after it would sign the person straight out again.
        let setsSession = response.headers.values(for: "Set-Cookie").contains { $0.hasPrefix(settings.cookieName + "=") }
        if clearCookie && !setsSession {
            response.headers.add("Set-Cookie", SetCookie.expired(settings.cookieName, secure: settings.secureCookies).headerValue)
        }
        if let newAnonymousToken = anonymous?.newToken {
            response.headers.add("Set-Cookie", SetCookie(name: settings.anonymousCSRFCookieName, value: newAnonymousToken,
                                                         secure: settings.secureCookies).headerValue)
        }
        return response
    }
}

extension Request {
    public var session: Session? { self[CurrentSession.self] }

    /// The token a form on this page must carry: the session's, or the anonymous double-submit one.
    var csrfToken: String { self[CurrentSession.self]?.csrfToken ?? self[AnonymousCSRFToken.self]?.token ?? "" }
}
