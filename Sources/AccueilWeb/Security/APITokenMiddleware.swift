import AccueilCore
import HTTPCore
import Synchronization
import Web

/// The partner application behind an `Authorization: Bearer` token, for `/api/…` and `/metrics`.
enum CurrentAPIToken: RequestKey { typealias Value = APITokens.Token }

/// Authenticates `Authorization: Bearer acc_…` on the API: an unknown, revoked or expired token gets
/// 401 (`WWW-Authenticate: Bearer`), a token past its rate 429 (`Retry-After`). A token request
/// never acts as the browser session it may come with (the session is set aside), so cookies cannot
/// widen a token's scopes, and it needs no CSRF token (nothing is cookie-authenticated). Each use is
/// logged by token id with the path and the status; the first refusal of a window only, so a client
/// hammering past its rate does not turn each refused call into a write. No token scope reaches
/// personal data, so the log is best effort: a failed write never turns an answer into an error.
struct APITokenMiddleware: Middleware {
    let context: AppContext
    let limiter: APIRateLimiter

    func handle(_ request: Request, next: Handler) async throws -> HTTPResponse {
        guard let authorization = request.headers["Authorization"], request.isAPI || request.path == "/metrics" else {
            return try await next(request)
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        let now = context.now()
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              let token = try await context.store.read({ db in try APITokens.authenticate(db, secret: String(parts[1]), at: now) }) else {
            throw HTTPError(.unauthorized, "Jeton d'API inconnu, expiré ou révoqué.", headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""])
        }
        if let refusal = limiter.wait(token.id, at: now) {
            let wait = refusal.seconds
            if refusal.first { await record(token, request, status: 429, at: now) }
            throw HTTPError(.tooManyRequests, "Trop d'appels pour ce jeton : réessayez dans \(wait) s.", headers: ["Retry-After": String(wait)])
        }
        var request = request
        request[CurrentSession.self] = nil
        request[CurrentAPIToken.self] = token
        do {
            let response = try await next(request)
            await record(token, request, status: response.status.code, at: now)
            return response
        } catch let error as HTTPError {
            await record(token, request, status: error.status.code, at: now)
            throw error
        }
    }

    private func record(_ token: APITokens.Token, _ request: Request, status: Int, at now: Int64) async {
        _ = try? await context.store.write { db in try APITokens.recordUse(db, id: token.id, at: now, route: "\(request.method) \(request.path)", status: status) }
    }
}

/// A fixed window per token: `perMinute` calls each minute, enough for a partner's software and a
/// Prometheus scrape, too few to hammer the desk's database.
final class APIRateLimiter: Sendable {
    let perMinute: Int
    private let windows = Mutex<[Int64: (minute: Int64, count: Int)]>([:])

    init(perMinute: Int = 120) { self.perMinute = perMinute }

    /// nil when the call may go; otherwise the seconds until the next window, and whether this is the
    /// window's first refusal.
    func wait(_ id: Int64, at now: Int64) -> (seconds: Int, first: Bool)? {
        windows.withLock { windows in
            let minute = now / 60
            var window: (minute: Int64, count: Int) = windows[id].flatMap { $0.minute == minute ? $0 : nil } ?? (minute: minute, count: 0)
            window.count += 1
            windows[id] = window
            guard window.count > perMinute else { return nil }
            return (Int((minute + 1) * 60 - now), window.count == perMinute + 1)
        }
    }
}

/// Who may call a route: a session holding `permission`, or a token holding `scope`.
struct RequireAccess: Middleware {
    let permission: Permission
    let scope: APIScope

    func handle(_ request: Request, next: Handler) async throws -> HTTPResponse {
        if let token = request[CurrentAPIToken.self] {
            guard token.scopes.contains(scope) else { throw HTTPError(.forbidden, "Ce jeton n'a pas la portée « \(scope.rawValue) ».") }
            return try await next(request)
        }
        return try await RequirePermission(permission: permission).handle(request, next: next)
    }
}
