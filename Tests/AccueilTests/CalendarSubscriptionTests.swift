import Foundation
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// Secret calendar subscription links over real HTTP, on a real SQLite file. Rule tested here: anyone
/// who may read the planning may subscribe to any site's or social worker's feed (the session feeds
/// already show them all); only the creator, or a manager, may revoke a link.
@Suite(.serialized) struct CalendarSubscriptionTests {
    /// Creates a link from a week view's button and returns the path shown once on the confirmation page.
    func createLink(_ browser: Browser, weekPage: String, type: String, subject: String) async throws -> String {
        let week = try await browser.get(weekPage)
        #expect(week.text.contains("action=\"/planning/abonnements\"") && week.text.contains("name=\"sujet\" value=\"\(subject)\""))
        // Post, then redirect to the page that shows the link once: a reload there shows nothing and creates nothing.
        let posted = try await browser.post("/planning/abonnements", [("type", type), ("sujet", subject)])
        #expect(posted.status == 303)
        let reveal = try #require(posted.header("Location"))
        #expect(reveal.hasPrefix("/planning/abonnements/lien/"))
        let created = try await browser.get(reveal)
        #expect(created.status == 200)
        #expect(created.header("Cache-Control") == "no-store")
        let reloaded = try await browser.get(reveal)
        #expect(reloaded.status == 410 && reloaded.text.contains("Lien déjà affiché") && !reloaded.text.contains("/agenda/"))
        #expect(created.text.contains("Outlook") && created.text.contains("Thunderbird"))
        let url = try #require(created.text.range(of: "<code class=\"subscription-url\">").map { created.text[$0.upperBound...] }
            .flatMap { rest in rest.range(of: "</code>").map { String(rest[..<$0.lowerBound]) } })
        let path = try #require(url.range(of: "/agenda/").map { String(url[$0.lowerBound...]) })
        // The configured public URL, not the Host the request named (127.0.0.1:…).
        #expect(url.hasPrefix(TestApp.publicURL + "/agenda/"))
        return path
    }

    static func token(_ path: String) -> String { String(path.dropFirst("/agenda/".count).dropLast(".ics".count)) }

    @Test func aLinkServesTheSameCalendarWithoutSessionAndStopsWhenRevoked() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let path = try await createLink(agent, weekPage: "/planning/sites/ccas-cite-municipale/semaine", type: "site", subject: "ccas-cite-municipale")
            let token = Self.token(path)
            #expect(token.count >= 43)  // 256 bits in base64url

            // A calendar client: no cookie at all.
            let client = app.browser()
            let feed = try await client.get(path)
            #expect(feed.status == 200)
            #expect(feed.header("Content-Type") == "text/calendar; charset=utf-8")
            #expect(feed.header("Cache-Control") == "no-store")
            #expect(feed.headers("Set-Cookie").isEmpty)
            #expect(feed.text.contains("UID:mds-centre-cite-20261123@accueil-commun\r\n"))
            #expect(feed.text == (try await agent.get("/planning/ics/sites/ccas-cite-municipale.ics")).text)

            // The database holds the hash only: not in the table, not in the file or its journal.
            let row = try #require(try await offPool { try app.store.readSync { db in
                try db.queryOne("SELECT * FROM calendar_subscriptions") } })
            #expect(row.blob("token_hash") == Sodium.hash(token))
            #expect(row.int64("last_used_at") == app.now)
            // The row may still sit in the write-ahead log: both files are read.
            let files = try await offPool { ["", "-wal"].compactMap { FileManager.default.contents(atPath: app.directory + "/test.sqlite" + $0) } }
            #expect(!files.isEmpty)
            #expect(files.allSatisfy { $0.range(of: Data(token.utf8)) == nil })

            // Listed without the token, then revoked: the same bare 404 as an unknown token.
            let list = try await agent.get("/planning/abonnements")
            #expect(list.status == 200 && list.text.contains("Cité Municipale") && !list.text.contains(token))
            let id = try #require(row.int64("id"))
            #expect(try await agent.post("/planning/abonnements/\(id)/revoquer", []).status == 303)
            let revoked = try await client.get(path)
            #expect(revoked.status == 404 && revoked.text == "Not Found")
            #expect(try await client.get("/agenda/\(Sodium.token()).ics").text == "Not Found")
            #expect(try await client.get("/agenda/sans-extension").status == 404)
            #expect(try app.auditCount(.calendarSubscriptionCreated) == 1)
            #expect(try app.auditCount(.calendarSubscriptionRevoked) == 1)
            #expect(try await agent.get("/planning/abonnements").text.contains("Révoqué le"))
        }
    }

    @Test func onlyTheCreatorOrAManagerRevokesAndAnyReaderMaySubscribe() async throws {
        try await withApp { app in
            // A social worker subscribes to a colleague's feed (any reader may) and to their own.
            let worker = try await app.signedIn("ts.ccas")
            let path = try await createLink(worker, weekPage: "/planning/travailleurs/ts-ccas-2/semaine", type: "travailleur", subject: "ts-ccas-2")
            let feed = try await app.browser().get(path)
            #expect(feed.status == 200 && feed.text.contains("X-WR-CALNAME:Permanences – "))
            let id = try #require(try await offPool { try app.store.readSync { db in try db.int("SELECT id FROM calendar_subscriptions") } })

            // Someone else's link: not listed, not revocable (404, as if it did not exist).
            let agent = try await app.signedIn("agent")
            #expect(!(try await agent.get("/planning/abonnements").text.contains("/planning/abonnements/\(id)/revoquer")))
            #expect(try await agent.post("/planning/abonnements/\(id)/revoquer", []).status == 404)
            #expect(try await app.browser().get(path).status == 200)
            // The administrator cannot read the planning at all.
            #expect(try await app.signedIn("admin").post("/planning/abonnements", [("type", "site"), ("sujet", "mds-lac")]).status == 403)
            // Unknown subject or kind: nothing is created.
            #expect(try await agent.post("/planning/abonnements", [("type", "site"), ("sujet", "inconnu")]).status == 404)
            #expect(try await agent.post("/planning/abonnements", [("type", "personne"), ("sujet", "mds-lac")]).status == 400)

            // A manager sees every link with its creator and revokes it.
            let manager = try await app.signedIn("responsable")
            let all = try await manager.get("/planning/abonnements")
            #expect(all.text.contains("ts.ccas") && all.text.contains("/planning/abonnements/\(id)/revoquer"))
            #expect(try await manager.post("/planning/abonnements/\(id)/revoquer", []).status == 303)
            #expect(try await app.browser().get(path).status == 404)
        }
    }

    @Test func aLinkStopsWorkingWhenItsCreatorIsDisabled() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let path = try await createLink(agent, weekPage: "/planning/sites/mds-lac/semaine", type: "site", subject: "mds-lac")
            #expect(try await app.browser().get(path).status == 200)
            try await offPool { try app.store.writeSync { db in try db.run("UPDATE accounts SET disabled = 1 WHERE login = 'agent'") } }
            #expect(try await app.browser().get(path).status == 404)
        }
    }

    /// Probe finding: a link killed by disabling its creator came back when the account was enabled again.
    @Test func aLinkKilledByDisablingItsCreatorStaysDeadWhenTheAccountIsEnabledAgain() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let path = try await createLink(agent, weekPage: "/planning/sites/mds-lac/semaine", type: "site", subject: "mds-lac")
            #expect(try await app.browser().get(path).status == 200)
            let agentID = try #require(try await offPool { try app.store.readSync { db in try db.int("SELECT id FROM accounts WHERE login = 'agent'") } })
            let admin = try await app.signedIn("admin")
            _ = try await admin.get("/admin/comptes")
            #expect(try await admin.post("/admin/comptes/\(agentID)/desactiver", []).status == 303)
            #expect(try await app.browser().get(path).status == 404)
            #expect(try await admin.post("/admin/comptes/\(agentID)/reactiver", []).status == 303)
            #expect(try await app.browser().get(path).status == 404, "a dead link stays dead")
            let revokedBy = try await offPool { try app.store.readSync { db in try db.int("SELECT revoked_by FROM calendar_subscriptions") } }
            #expect(revokedBy != nil && revokedBy != agentID, "revoked by the administrator who disabled the account")
        }
    }

    @Test func aSocialWorkerSubscribesToTheirOwnFeedFromTheGridPage() async throws {
        try await withApp { app in
            let tsCCAS = try #require(try await offPool { try app.store.readSync { db in try db.int("SELECT id FROM accounts WHERE login = 'ts.ccas'") } })
            try await offPool { try app.store.writeSync { db in try db.run("UPDATE social_workers SET account_id = ? WHERE id = 'ts-ccas-1'", [tsCCAS]) } }
            let worker = try await app.signedIn("ts.ccas")
            let grid = try await worker.get("/planning")
            #expect(grid.text.contains("Abonner mon agenda à mes permanences") && grid.text.contains("name=\"sujet\" value=\"ts-ccas-1\""))
            let posted = try await worker.post("/planning/abonnements", [("type", "travailleur"), ("sujet", "ts-ccas-1")])
            let reveal = try #require(posted.header("Location"))
            // Only its maker sees it: another account opening the same page gets nothing (and does not spend it).
            #expect(try await app.signedIn("agent").get(reveal).status == 410)
            let created = try await worker.get(reveal)
            let path = try #require(created.text.range(of: #"/agenda/[A-Za-z0-9_-]+\.ics"#, options: .regularExpression).map { String(created.text[$0]) })
            let feed = try await app.browser().get(path)
            #expect(feed.text.contains("UID:ccas-mds-centre-20261123@accueil-commun\r\n"))
        }
    }
}
