import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

@Suite(.serialized) struct LoginTests {
    @Test func failureMessageIsTheSameForUnknownLoginAndWrongPassword() async throws {
        try await withApp { app in
            let unknown = try await app.browser().logIn("personne-inconnue", "demo-agent-accueil")
            let wrong = try await app.browser().logIn("agent", "pas-le-bon-mot-de-passe")
            #expect(unknown.status == 200 && wrong.status == 200)
            #expect(unknown.text.contains("Identifiant ou mot de passe incorrect."))
            #expect(wrong.text.contains("Identifiant ou mot de passe incorrect."))
            #expect(try app.auditCount(.loginFailed) == 2)
            #expect(try app.auditCount(.loginSucceeded) == 0)
        }
    }

    @Test func repeatedFailuresThrottleTheAccountEvenWithTheRightPassword() async throws {
        try await withApp { app in
            for _ in 0..<5 { _ = try await app.browser().logIn("agent", "mauvais-mot-de-passe") }
            let blocked = try await app.browser().logIn("agent", "demo-agent-accueil")
            #expect(blocked.status == 429)
            #expect(blocked.text.contains("Trop de tentatives"))
            #expect(blocked.header("Set-Cookie")?.contains("accueil_session=") != true)
            // Another account from the same address is not blocked yet (per-address limit is higher).
            #expect(try await app.browser().logIn("admin", "demo-administrateur-comptes").status == 303)
            // After the window, the account can log in again.
            app.advanceClock(seconds: 16 * 60)
            #expect(try await app.browser().logIn("agent", "demo-agent-accueil").status == 303)
        }
    }

    /// Probe finding: 20 failures from one address locked every login from it, correct passwords included
    /// (a whole site behind one NAT address). Past the limit the address is slowed down, not refused.
    @Test func perAddressLimitSlowsASweepDownButLetsACorrectPasswordIn() async throws {
        try await withApp { app in
            for index in 0..<20 { _ = try await app.browser().logIn("inconnu\(index)", "mauvais-mot-de-passe") }
            #expect(app.pauses.recorded.isEmpty, "no wait within the address's limit")
            #expect(try await app.browser().logIn("admin", "demo-administrateur-comptes").status == 303)
            #expect(app.pauses.recorded == [1], "the 21st attempt waits a second, then gets in")
            // A locked login stays locked whatever the address does.
            for _ in 0..<5 { _ = try await app.browser().logIn("agent", "mauvais-mot-de-passe") }
            #expect(try await app.browser().logIn("agent", "demo-agent-accueil").status == 429)
            // The success took its own attempt off the address's count; a refused attempt does not wait.
            #expect(app.pauses.recorded == [1, 1, 2, 3, 4, 5], "each attempt over the limit waits a second longer")
        }
    }

    @Test func theAddressWaitGrowsWithEachAttemptOverTheLimitAndIsBounded() {
        let throttle = LoginThrottle()
        for index in 0..<20 { #expect(throttle.beginAttempt(login: "x\(index)", address: "10.0.0.1", now: 100) == .proceed(afterSeconds: 0)) }
        #expect(throttle.beginAttempt(login: "y1", address: "10.0.0.1", now: 100) == .proceed(afterSeconds: 1))
        #expect(throttle.beginAttempt(login: "y2", address: "10.0.0.1", now: 100) == .proceed(afterSeconds: 2))
        for index in 3..<12 { _ = throttle.beginAttempt(login: "y\(index)", address: "10.0.0.1", now: 100) }
        #expect(throttle.beginAttempt(login: "z", address: "10.0.0.1", now: 100) == .proceed(afterSeconds: LoginThrottle.maximumDelaySeconds))
        #expect(throttle.beginAttempt(login: "z", address: "10.0.0.2", now: 100) == .proceed(afterSeconds: 0), "another address is not slowed")
        // After the window the address starts afresh.
        #expect(throttle.beginAttempt(login: "w", address: "10.0.0.1", now: 100 + 16 * 60) == .proceed(afterSeconds: 0))
    }

    /// Probe finding: a login sent with a stale session cookie answered with the new cookie, then its deletion.
    @Test func loggingInWithAStaleSessionCookieKeepsTheNewSession() async throws {
        try await withApp { app in
            let browser = try await app.signedIn("agent")
            app.advanceClock(seconds: 24 * 3600)             // the session has expired; the browser still holds it
            let response = try await browser.logIn("agent", "demo-agent-accueil")
            #expect(response.status == 303)
            let cookies = response.headers.filter { $0.name.lowercased() == "set-cookie" }.map(\.value).filter { $0.hasPrefix("accueil_session=") }
            #expect(cookies.count == 1, "one session cookie, not the new one and then its deletion: \(cookies)")
            #expect(try await browser.get("/accueils/nouveau").status == 200, "signed in")
        }
    }

    @Test func returnPathIsKeptButNeverLeavesTheSite() async throws {
        try await withApp { app in
            let browser = app.browser()
            let page = try await browser.get("/connexion?retour=/admin/journal")
            #expect(page.text.contains("value=\"/admin/journal\""))
            let response = try await browser.post("/connexion", [("identifiant", "admin"), ("mot_de_passe", "demo-administrateur-comptes"), ("retour", "/admin/journal")])
            #expect(response.header("Location") == "/admin/journal")
            let evil = app.browser()
            try await evil.get("/connexion")
            let away = try await evil.post("/connexion", [("identifiant", "admin"), ("mot_de_passe", "demo-administrateur-comptes"), ("retour", "//evil.example/")])
            #expect(away.header("Location") == "/")
        }
    }

    @Test func demoAccountsAreShownOnlyInDemoMode() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/connexion")
            #expect(page.text.contains("demo-agent-accueil"))
        }
    }

    @Test func productionShowsNoDemoAccounts() async throws {
        let app = try TestApp(production: true) { store in
            // An administrator must exist before a production start; made here the way the CLI would.
            try store.writeSync { db in
                try db.run("INSERT INTO sites (id, name, kind, valid_from) VALUES ('ccas-cite-municipale', 'CCAS', 'ccas', '2022-10-01')")
                try db.run("INSERT INTO accounts (login, display_name, institution, password_hash, created_at) VALUES ('chef', 'Cheffe', 'CCAS', 'x', 0)")
                try db.run("INSERT INTO account_roles (account_id, role) VALUES (1, 'administrateur')")
            }
        }
        let page = try await app.browser().get("/connexion")
        #expect(page.status == 200)
        #expect(!page.text.contains("demo-agent-accueil"))
        #expect(!page.text.contains("Comptes de démonstration"))
        #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM accounts") } == 1)
        await app.stop()
    }

    @Test func temporaryPasswordMustBeChangedBeforeAnythingElse() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/comptes/nouveau")
            let created = try await admin.post("/admin/comptes", [("identifiant", "nouvelle.agente"), ("nom", "Nadia Nouvelle"), ("institution", "MDS"),
                                                                  ("roles", "agent"), ("sites", "mds-bastide")])
            #expect(created.status == 200)
            let temporary = try #require(created.text.firstMatch(of: /<strong><code>([A-Za-z0-9_-]+)<\/code><\/strong>/)?.1)
            let user = app.browser()
            let login = try await user.logIn("nouvelle.agente", String(temporary))
            #expect(login.header("Location") == "/mon-compte/mot-de-passe")
            #expect(try await user.get("/").status == 200)  // public page still fine
            try await user.get("/mon-compte/mot-de-passe")
            let weak = try await user.post("/mon-compte/mot-de-passe", [("actuel", String(temporary)), ("nouveau", "motdepasse123"), ("confirmation", "motdepasse123")])
            #expect(weak.status == 422)
            #expect(weak.text.contains("trop courant"))
            let good = try await user.post("/mon-compte/mot-de-passe", [("actuel", String(temporary)), ("nouveau", "une phrase assez longue"), ("confirmation", "une phrase assez longue")])
            #expect(good.status == 303)
            #expect(try app.auditCount(.passwordChanged) == 1)
            #expect(try app.auditCount(.accountCreated) == 1)
        }
    }
}

extension LoginTests {
    /// Attempts are counted before the (slow) password check: parallel guesses cannot all get through.
    @Test func parallelGuessesAreThrottledToo() async throws {
        try await withApp { app in
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<12 { group.addTask { try await app.browser().logIn("agent", "mauvais-mot-de-passe").status } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(results.filter { $0 == 200 }.count <= 5)
            #expect(results.filter { $0 == 429 }.count >= 7)
        }
    }
}
