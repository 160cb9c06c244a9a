import Foundation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// Partners without an account: a link for one orientation, mailed through the queue when the person
/// agreed to share (or printed, without identity, when not), answered on a one-page form, closed by
/// the final answer; every use audited. The SMTP relay itself is tested in Tests/deploy.
@Suite(.serialized) struct PartnerLoopTests {
    func orientedYoungAdult(_ app: TestApp, consent: Bool) async throws -> (agent: Browser, path: String) {
        let agent = try await app.signedIn("agent")
        try await agent.get("/accueils/nouveau")
        var fields = DirectoryJourneyTests.youngAdult
        if !consent { fields.removeAll { $0.0 == "consentement_partage" } }
        let decision = try #require(try await agent.post("/accueils", fields).header("Location"))
        let orientation = try #require(try await agent.post(decision + "/orientation", []).header("Location"))
        return (agent, orientation)
    }

    func giveThePLAJeAnAddress(_ app: TestApp) throws {
        try app.store.writeSync { db in
            var service = try #require(try PartnerDirectory.service(db, id: "plaje-accueil-jeunes"))
            service.email = "plaje@example.org"
            try PartnerDirectory.save(db, service, suggestions: nil, check: app.context.directoryCheck, account: nil, at: app.now, origin: "test")
        }
    }

    @Test func aMailedLinkIsQueuedAndThePartnerAnswersUntilItCloses() async throws {
        try await withApp(configure: { $0.mailFrom = "accueil@example.org" }) { app in
            try giveThePLAJeAnAddress(app)
            let (agent, path) = try await orientedYoungAdult(app, consent: true)
            let page = try await agent.get(path)
            #expect(page.text.contains("Retour des partenaires") && page.text.contains("Envoyer le lien par courriel"))
            let sent = try await agent.post(path + "/partenaires", [("service", "plaje-accueil-jeunes"), ("envoi", "envoi")])
            #expect(sent.status == 303 && sent.header("Location") == path + "?info=lien_envoye")
            // Queued, not sent by the request; the agent sees « en attente ».
            let mail = try #require(try app.store.readSync { db in try db.queryOne("SELECT recipient, body, status FROM mail_queue") })
            #expect(mail.string("recipient") == "plaje@example.org" && mail.string("status") == "en_attente")
            let body = try #require(mail.string("body"))
            #expect(body.contains("Élodie D"))
            #expect(!body.contains("Durand") && !body.contains("2006") && !body.contains("06 12"), "first name and initial only")
            #expect(try await agent.get(path).text.contains("Courriel en attente"))
            let secret = try #require(body.range(of: #"/partenaire/[A-Za-z0-9_-]{43}"#, options: .regularExpression).map { String(body[$0].dropFirst("/partenaire/".count)) })
            #expect(body.contains(TestApp.publicURL + "/partenaire/"), "the configured public URL, never the request's Host")
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM partner_referrals WHERE instr(CAST(token_hash AS TEXT), ?) > 0", [secret]) } == 0)

            // The partner, without an account: the reference and « Élodie D » only.
            let partner = app.browser()
            let form = try await partner.get("/partenaire/" + secret)
            #expect(form.status == 200 && form.text.contains("Élodie D") && !form.text.contains("DURAND") && form.header("Cache-Control") == "no-store")
            #expect(try await partner.post("/partenaire/" + secret, [("reponse", "recue")]).status == 303)
            let missingDetail = try await partner.post("/partenaire/" + secret, [("reponse", "vers_autre_service"), ("vers", " ")])
            #expect(missingDetail.status == 422 && missingDetail.text.contains("Indiquez vers quel service"))
            #expect(try await partner.post("/partenaire/" + secret, [("reponse", "venue")]).status == 303)
            let closed = try await partner.post("/partenaire/" + secret, [("reponse", "non_venue")])
            #expect(closed.status == 410 && closed.text.contains("Ce lien est clos"))
            #expect(try await agent.get(path).text.contains("La personne est venue"))
            // Once closed, the link shows the reference only: no first name any more.
            let after = try await partner.get("/partenaire/" + secret)
            #expect(after.text.contains("Ce lien est maintenant clos") && !after.text.contains("Élodie"))
            // Sent, the mail keeps its outline; its body (the secret) is gone.
            try app.store.writeSync { db in try MailQueue.sent(db, id: 1, at: app.now) }
            #expect(try app.store.readSync { db in try db.string("SELECT body FROM mail_queue") } == "")
            #expect(try app.auditCount(.partnerLinkCreated) == 1)
            #expect(try app.auditCount(.partnerAnswered) == 2)
            #expect(try app.auditCount(.partnerLinkOpened) >= 2)
            #expect(try await partner.get("/partenaire/" + String(repeating: "A", count: 43)).status == 404)
        }
    }

    @Test func withoutConsentNothingIsSentAndThePrintedLinkBearsNoIdentity() async throws {
        try await withApp(configure: { $0.mailFrom = "accueil@example.org" }) { app in
            try giveThePLAJeAnAddress(app)
            let (agent, path) = try await orientedYoungAdult(app, consent: false)
            let page = try await agent.get(path)
            #expect(!page.text.contains("Envoyer le lien par courriel") && page.text.contains("la personne n&#39;a pas accepté le partage"))
            // Even a forged « courriel » request prints instead.
            let printed = try await agent.post(path + "/partenaires", [("service", "plaje-accueil-jeunes"), ("envoi", "envoi")])
            let sheetPath = try #require(printed.header("Location"))
            #expect(sheetPath.hasPrefix(path + "/partenaires/lien/"))
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM mail_queue") } == 0)
            let sheet = try await agent.get(sheetPath)
            #expect(sheet.text.contains("/partenaire/") && !sheet.text.contains("Élodie") && !sheet.text.contains("DURAND"))
            #expect(try await agent.get(sheetPath).status == 410, "shown once")
            let secret = try #require(sheet.text.range(of: #"/partenaire/[A-Za-z0-9_-]{43}"#, options: .regularExpression).map { String(sheet.text[$0].dropFirst("/partenaire/".count)) })
            let partner = app.browser()
            let partnerPage = try await partner.get("/partenaire/" + secret)
            #expect(partnerPage.text.contains("une personne") && !partnerPage.text.contains("Élodie"))
            // After 30 days the link is closed.
            app.advanceClock(seconds: 31 * 86_400)
            #expect(try await app.browser().get("/partenaire/" + secret).text.contains("Ce lien a expiré"))
            // The form opened before the expiry is refused when sent after it.
            #expect(try await partner.post("/partenaire/" + secret, [("reponse", "venue")]).status == 410)
        }
    }

    @Test func theQueueRetriesWithBackOffThenGivesUp() throws {
        let app = try TestApp()
        defer { Task { await app.stop() } }
        try app.store.writeSync { db in try MailQueue.enqueue(db, referral: nil, to: "a@example.org", subject: "s", body: "b", at: 1_000) }
        var now: Int64 = 1_000
        for (attempt, wait) in MailQueue.backoff.enumerated() {
            let due = try app.store.readSync { db in try MailQueue.due(db, at: now) }
            #expect(due.count == 1 && due[0].attempts == attempt)
            try app.store.writeSync { db in try MailQueue.failed(db, due[0], error: "connexion refusée", at: now) }
            #expect(try app.store.readSync { db in try MailQueue.due(db, at: now + wait - 1) }.isEmpty, "waits \(wait) s")
            now += wait
        }
        let last = try #require(try app.store.readSync { db in try MailQueue.due(db, at: now) }.first)
        try app.store.writeSync { db in try MailQueue.failed(db, last, error: "connexion refusée", at: now) }
        #expect(try app.store.readSync { db in try db.string("SELECT status FROM mail_queue") } == "echec")
        #expect(try app.store.readSync { db in try db.string("SELECT body FROM mail_queue") } == "", "given up, the body goes")
        // A month after it was queued, a mail goes whatever its state.
        try app.store.writeSync { db in try MailQueue.enqueue(db, referral: nil, to: "b@example.org", subject: "s", body: "b", at: now) }
        try app.store.writeSync { db in _ = try RetentionPurge.run(db, now: now + PartnerReferrals.lifetime + 1, account: nil) }
        #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM mail_queue") } == 0)
    }

    @Test func detachingAnOrientationTakesThePartnersWordsAndMailsAlong() async throws {
        try await withApp(configure: { $0.mailFrom = "accueil@example.org" }) { app in
            try giveThePLAJeAnAddress(app)
            let (agent, path) = try await orientedYoungAdult(app, consent: true)
            _ = try await agent.post(path + "/partenaires", [("service", "plaje-accueil-jeunes"), ("envoi", "envoi")])
            let body = try #require(try app.store.readSync { db in try db.string("SELECT body FROM mail_queue") })
            let secret = try #require(body.range(of: #"/partenaire/[A-Za-z0-9_-]{43}"#, options: .regularExpression).map { String(body[$0].dropFirst("/partenaire/".count)) })
            let partner = app.browser()
            _ = try await partner.get("/partenaire/" + secret)
            #expect(try await partner.post("/partenaire/" + secret, [("reponse", "vers_autre_service"), ("vers", "Mission locale")]).status == 303)
            let id = try #require(Int64(path.split(separator: "/").last ?? ""))
            try app.store.writeSync { db in try RetentionPurge.detachOrientations(db, [id]) }
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM mail_queue") } == 0)
            let kept = try #require(try app.store.readSync { db in try db.queryOne("SELECT outcome, outcome_detail FROM partner_referrals") })
            #expect(kept.string("outcome") == "vers_autre_service" && kept.string("outcome_detail") == nil, "the outcome counts, the free text goes")
        }
    }
}
