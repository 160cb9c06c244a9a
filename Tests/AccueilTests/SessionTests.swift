import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

@Suite(.serialized) struct SessionTests {
    static let cookie = "accueil_session"

    @Test func sessionCookieIsHttpOnlyStrictAndRotatedAtLogin() async throws {
        try await withApp { app in
            let browser = app.browser()
            browser.setCookie(Self.cookie, "planted-by-an-attacker-0000000000000000000")
            try await browser.get("/connexion")
            let response = try await browser.post("/connexion", [("identifiant", "agent"), ("mot_de_passe", "demo-agent-accueil")])
            let setCookie = try #require(response.headers("Set-Cookie").first { $0.hasPrefix(Self.cookie + "=") })
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            #expect(!setCookie.contains("Secure"))  // plain HTTP here; Secure with --behind-tls
            let issued = try #require(browser.cookies[Self.cookie])
            #expect(issued != "planted-by-an-attacker-0000000000000000000")
            #expect(issued.count >= 43)  // 256 bits in base64url
            // The database stores only a hash of it.
            let stored = try app.store.readSync { db in try db.int("SELECT count(*) FROM sessions WHERE token_hash = ?", [Array(issued.utf8)]) }
            #expect(stored == 0)
            #expect(try await browser.get("/mon-compte/mot-de-passe").status == 200)
        }
    }

    @Test func logoutReallyEndsTheSession() async throws {
        try await withApp { app in
            let browser = try await app.signedIn("admin")
            let token = try #require(browser.cookies[Self.cookie])
            try await browser.get("/admin/comptes")
            let out = try await browser.post("/deconnexion", [])
            #expect(out.status == 303)
            #expect(browser.cookies[Self.cookie] == nil)
            // Replaying the old cookie does not work.
            let replay = app.browser()
            replay.setCookie(Self.cookie, token)
            let response = try await replay.get("/admin/comptes")
            #expect(response.status == 303)
            #expect(response.header("Location")?.hasPrefix("/connexion") == true)
            #expect(try app.auditCount(.logout) == 1)
        }
    }

    @Test func idleExpiryAfterThirtyMinutesAndAbsoluteAfterTenHours() async throws {
        try await withApp { app in
            let browser = try await app.signedIn("admin")
            app.advanceClock(seconds: 29 * 60)
            #expect(try await browser.get("/admin/comptes").status == 200)
            app.advanceClock(seconds: 31 * 60)
            let expired = try await browser.get("/admin/comptes")
            #expect(expired.status == 303)
            #expect(expired.header("Location")?.hasPrefix("/connexion") == true)

            let busy = try await app.signedIn("admin")
            for _ in 0..<21 {  // active every 29 minutes, for more than 10 hours
                app.advanceClock(seconds: 29 * 60)
                _ = try await busy.get("/admin/comptes")
            }
            #expect(try await busy.get("/admin/comptes").status == 303)
        }
    }

    @Test func disablingAnAccountEndsItsSessionsAndBlocksLogin() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/mon-compte/mot-de-passe").status == 200)
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/comptes")
            let agentID = try #require(try app.store.readSync { db in try db.int("SELECT id FROM accounts WHERE login = 'agent'") })
            #expect(try await admin.post("/admin/comptes/\(agentID)/desactiver", []).status == 303)
            #expect(try await agent.get("/mon-compte/mot-de-passe").status == 303)
            let retry = try await app.browser().logIn("agent", "demo-agent-accueil")
            #expect(retry.status == 200)
            #expect(retry.text.contains("Identifiant ou mot de passe incorrect."))
        }
    }

    @Test func anAdministratorCannotResetTheirOwnPasswordFromTheAccountsPage() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/comptes")
            let adminID = try #require(try app.store.readSync { db in try db.int("SELECT id FROM accounts WHERE login = 'admin'") })
            let refused = try await admin.post("/admin/comptes/\(adminID)/mot-de-passe", [])
            #expect(refused.status == 409)
            #expect(refused.text.contains("Mon compte"))
            #expect(try await admin.get("/admin/comptes").status == 200, "the session is still alive")
            #expect(try app.auditCount(.accountPasswordReset) == 0)
        }
    }

    @Test func protectedPagesAreNotStoredByTheBrowser() async throws {
        try await withApp { app in
            let browser = try await app.signedIn("admin")
            #expect(try await browser.get("/admin/comptes").header("Cache-Control") == "no-store")
            #expect(try await browser.get("/").header("Cache-Control") == "no-store")
        }
    }
}
