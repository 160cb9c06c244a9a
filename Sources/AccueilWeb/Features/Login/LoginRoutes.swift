import AccueilCore
import HTML
import HTTPCore
import Web

/// Sign in, sign out. The failure message never says which of identifier or password was wrong.
enum LoginRoutes {
    static let failureMessage: HTML = "<div class=\"notice error\" role=\"alert\"><p>Identifiant ou mot de passe incorrect.</p></div>"
    static let throttledMessage: HTML = "<div class=\"notice error\" role=\"alert\"><p>Trop de tentatives de connexion. Patientez quelques minutes avant de réessayer.</p></div>"

    static func register(on router: inout Router, context: AppContext) {
        router.get("/connexion") { request in
            if request.session != nil { return .redirect(to: "/") }
            let notice: HTML = request.query["deconnecte"] != nil
                ? "<div class=\"notice success\" role=\"status\"><p>Vous êtes déconnecté.</p></div>" : .empty
            let page = LoginPage.render(request, returnPath: PercentEncoding.safeReturnPath(request.query["retour"]),
                                        message: notice, demo: !context.configuration.production)
            return html(page)
        }

        router.post("/connexion") { request in
            let form = try request.form()
            let login = (form["identifiant"] ?? "").trimmed
            let password = form["mot_de_passe"] ?? ""
            let returnPath = PercentEncoding.safeReturnPath(form["retour"])
            let now = context.now()
            let address = ClientAddress.of(request, trustProxy: context.configuration.trustProxy)
            let demo = !context.configuration.production

            let attempt = context.throttle.beginAttempt(login: login, address: address, now: now)
            if case .proceed(let seconds) = attempt, seconds > 0 {
                // Past the address's limit: slowed down, not refused (colleagues behind one NAT address).
                try await context.pause(seconds)
            }
            if attempt == .refused {
                let known = try await context.store.read { db in try AccountRepository.find(db, login: login)?.account.id }
                try await context.store.write { db in try AuditTrail.record(db, at: now, account: known, .loginThrottled) }
                return html(LoginPage.render(request, login: login, returnPath: returnPath, message: throttledMessage, demo: demo), status: .tooManyRequests)
            }
            let found = try await context.store.read { db in try AccountRepository.find(db, login: login) }
            let verified = await context.hasher.verifyAsync(password, against: found?.passwordHash ?? context.decoyHash)
            guard let account = found?.account, verified, !account.disabled, !login.isEmpty else {
                try await context.store.write { db in try AuditTrail.record(db, at: now, account: found?.account.id, .loginFailed) }
                return html(LoginPage.render(request, login: login, returnPath: returnPath, message: failureMessage, demo: demo))
            }
            context.throttle.recordSuccess(login: login, address: address)
            let previousToken = request.cookies[context.sessions.cookieName]
            // Rotation: whatever session the browser held is dropped, and a new identifier is issued.
            let created = try await context.store.write { db in
                if let previousToken { try SessionRepository.delete(db, token: previousToken) }
                try SessionRepository.purgeExpired(db, now: now, settings: context.sessions)
                let created = try SessionRepository.create(db, accountID: account.id, at: now)
                try AuditTrail.record(db, at: now, account: account.id, .loginSucceeded)
                return created.token
            }
            var response = HTTPResponse.redirect(to: account.mustChangePassword ? RequirePermission.passwordChangePath : returnPath)
            response.headers.add("Set-Cookie", SetCookie(name: context.sessions.cookieName, value: created,
                                                         secure: context.sessions.secureCookies).headerValue)
            response.headers.add("Set-Cookie", SetCookie.expired(context.sessions.anonymousCSRFCookieName, secure: context.sessions.secureCookies).headerValue)
            return response
        }

        router.post("/deconnexion") { request in
            if let session = request.session {
                let now = context.now()
                try await context.store.write { db in
                    try SessionRepository.delete(db, tokenHash: session.tokenHash)
                    try AuditTrail.record(db, at: now, account: session.account.id, .logout)
                }
            }
            var response = HTTPResponse.redirect(to: "/connexion?deconnecte=1")
            response.headers.add("Set-Cookie", SetCookie.expired(context.sessions.cookieName, secure: context.sessions.secureCookies).headerValue)
            response.headers.set("Cache-Control", "no-store")
            return response
        }
    }

    static func html(_ page: HTML, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"], body: page.bytes)
    }
}

