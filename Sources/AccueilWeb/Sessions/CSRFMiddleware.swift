import AccueilCore
import HTTPCore
import Web

/// Refuses any state-changing request that does not prove it comes from one of our own pages.
///
/// Signed-in: the synchroniser token stored with the session. Anonymous (the login form): the
/// double-submit cookie. Also refuses a foreign `Origin`. API calls that carry no session cookie are
/// not cookie-authenticated, so there is nothing to forge and no token to ask for.
struct CSRFMiddleware: Middleware {
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"
    let context: AppContext

    func handle(_ request: Request, next: Handler) async throws -> HTTPResponse {
        guard !["GET", "HEAD", "OPTIONS"].contains(request.method) else { return try await next(request) }
        let settings = context.sessions
        if request.isAPI, request.cookies[settings.cookieName] == nil || request[CurrentAPIToken.self] != nil { return try await next(request) }

        // "null" is what browsers send when they withhold the origin (privacy settings, redirects):
        // it proves nothing either way, so the token alone decides.
        if let origin = request.headers["Origin"], origin != "null", let host = request.headers["Host"],
           origin != "http://\(host)", origin != "https://\(host)" {
            throw refusal
        }
        let expected = request.session?.csrfToken ?? request.cookies[settings.anonymousCSRFCookieName] ?? ""
        let presented = request.headers[Self.headerName] ?? (try? request.form())?[Self.fieldName] ?? ""
        guard Sodium.constantTimeEqual(expected, presented) else { throw refusal }
        return try await next(request)
    }

    private var refusal: HTTPError {
        HTTPError(.forbidden, "Le formulaire a expiré ou ne vient pas de l'application. Rechargez la page et recommencez : rien n'a été enregistré.")
    }
}
