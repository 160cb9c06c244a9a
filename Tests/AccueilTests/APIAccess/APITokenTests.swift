import Foundation
import HTTPCore
import SQLiteStore
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// API tokens for partner software: created on the administrators' page and shown once, stored
/// hashed, limited to their scopes, refused once revoked or expired, rate-limited, every use logged
/// by token id and never with the secret.
@Suite(.serialized) struct APITokenTests {
    /// A bare client: no cookie, only the token.
    func call(_ app: TestApp, _ method: String, _ target: String, token: String?, body: String? = nil, from address: String = "192.0.2.10") async -> HTTPResponse {
        var headers: [(String, String)] = [("Host", "accueil.test")]
        if let token { headers.append(("Authorization", "Bearer " + token)) }
        if body != nil { headers.append(("Content-Type", "application/json")) }
        var http = HTTPRequest(method: method, target: target, headers: HTTPHeaders(headers), body: Array((body ?? "").utf8))
        http.remoteAddress = address
        return await app.responder.respond(to: http)
    }

    func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    func createOnThePage(_ app: TestApp, scopes: [APIScope], days: String = "90") async throws -> String {
        let admin = try await app.signedIn("admin")
        #expect(try await admin.get("/admin/jetons").status == 200)
        let created = try await admin.post("/admin/jetons", [("nom", "Logiciel de la Maison du droit"), ("duree", days)] + scopes.map { ("portees", $0.rawValue) })
        let reveal = try #require(created.header("Location"))
        let page = try await admin.get(reveal)
        let secret = try #require(page.text.range(of: #"acc_[A-Za-z0-9_-]{43}"#, options: .regularExpression).map { String(page.text[$0]) })
        #expect(try await admin.get(reveal).status == 410, "shown once")
        return secret
    }

    @Test func aTokenOpensItsScopesOnlyAndIsStoredHashed() async throws {
        try await withApp { app in
            let secret = try await createOnThePage(app, scopes: [.directoryRead, .statsRead])
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM api_tokens WHERE instr(CAST(token_hash AS TEXT), ?) > 0", [secret]) } == 0)
            #expect(try app.auditCount(.apiTokenCreated) == 1)

            #expect(await call(app, "GET", "/api/v1/directory/services", token: secret).status == .ok)
            #expect(await call(app, "GET", "/api/v1/stats?from=2026-11-01&to=2026-11-30", token: secret).status == .ok)
            let evaluate = await call(app, "POST", "/api/v1/orientation/evaluate", token: secret, body: #"{"adults": 1}"#)
            #expect(evaluate.status == .forbidden && text(evaluate).contains("orientation:evaluate"))
            #expect(await call(app, "GET", "/metrics", token: secret).status == .forbidden)
            // Without a token: 401 on the API, the ordinary 404 for /metrics from another machine.
            #expect(await call(app, "GET", "/api/v1/directory/services", token: nil).status == .unauthorized)
            let forged = await call(app, "GET", "/api/v1/directory/services", token: "acc_" + String(repeating: "A", count: 43))
            #expect(forged.status == .unauthorized && forged.headers["WWW-Authenticate"] == "Bearer error=\"invalid_token\"")
            #expect(forged.headers["Content-Type"] == "application/json; charset=utf-8")

            // Every use logged by token id, path and status; the secret nowhere.
            let uses = try app.store.readSync { db in try db.query("SELECT route, status FROM api_token_uses ORDER BY rowid").map { "\($0.string("route")!) \($0.int("status")!)" } }
            #expect(uses == ["GET /api/v1/directory/services 200", "GET /api/v1/stats 200", "POST /api/v1/orientation/evaluate 403", "GET /metrics 403"])
            let leaked = try app.store.readSync { db in
                try db.int("SELECT (SELECT count(*) FROM audit_log WHERE instr(coalesce(detail, ''), ?) > 0) + (SELECT count(*) FROM api_token_uses WHERE instr(route, ?) > 0)", [secret, secret])
            }
            #expect(leaked == 0)

            // Revoked on the page: refused at once.
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/jetons")
            let id = try #require(try app.store.readSync { db in try db.int("SELECT id FROM api_tokens") })
            #expect(try await admin.post("/admin/jetons/\(id)/revocation", []).status == 303)
            #expect(await call(app, "GET", "/api/v1/directory/services", token: secret).status == .unauthorized)
            #expect(try app.auditCount(.apiTokenRevoked) == 1)
        }
    }

    @Test func aTokenActsAloneExpiresAndIsRateLimited() async throws {
        try await withApp { app in
            let secret = try await createOnThePage(app, scopes: [.orientationEvaluate, .metricsRead], days: "1")
            // A token needs no CSRF token, and a session cookie beside it does not widen it (the agent may read the directory; the token may not).
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/api/v1/directory/services").status == 200)
            let both = try await agent.get("/api/v1/directory/services", headers: ["Authorization": "Bearer " + secret])
            #expect(both.status == 403)
            let decided = await call(app, "POST", "/api/v1/orientation/evaluate", token: secret, body: #"{"adults": 1, "date": "2026-11-16"}"#)
            #expect(decided.status == .ok && text(decided).contains("\"service\":\"CCAS\""))
            #expect(await call(app, "GET", "/metrics", token: secret).status == .ok)

            // The 121st call of the minute waits (three calls made above).
            var statuses: [HTTPStatus] = []
            for _ in 0..<117 { statuses.append(await call(app, "GET", "/metrics", token: secret).status) }
            #expect(Set(statuses) == [.ok])
            let limited = await call(app, "GET", "/metrics", token: secret)
            #expect(limited.status == .tooManyRequests && Int(limited.headers["Retry-After"] ?? "") != nil)

            // Past its day: refused.
            app.advanceClock(seconds: 86_400 + 60)
            #expect(await call(app, "POST", "/api/v1/orientation/evaluate", token: secret, body: #"{"adults": 1}"#).status == .unauthorized)
        }
    }

    @Test func theFormRefusesWhatCannotBeAToken() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/jetons")
            let noScope = try await admin.post("/admin/jetons", [("nom", "Logiciel"), ("duree", "90")])
            #expect(noScope.status == 422 && noScope.text.contains("Choisissez au moins une portée"))
            let tooLong = try await admin.post("/admin/jetons", [("nom", "Logiciel"), ("duree", "400"), ("portees", "stats:read")])
            #expect(tooLong.status == 422 && tooLong.text.contains("de 1 à 365 jours"))
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM api_tokens") } == 0)
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/admin/jetons").status == 403)
        }
    }
}

/// The OpenAPI document describes every `/api/v1` route, and nothing that does not exist.
struct OpenAPIDocumentTests {
    @Test func everyAPIRouteIsDocumented() async throws {
        try await withApp { app in
            let response = try await app.browser().get(OpenAPIRoutes.path)
            #expect(response.status == 200)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            let routed = Set(app.responder.routes.filter { $0.pattern.hasPrefix("/api/v1/") }.map { "\($0.method) \($0.pattern)" })
            #expect(!routed.isEmpty)
            #expect(routed.subtracting(documented).isEmpty, "missing from openapi.json: \(routed.subtracting(documented))")
            #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed))")
        }
    }
}
