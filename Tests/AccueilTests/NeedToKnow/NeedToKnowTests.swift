import Foundation
import Orientation
import Planning
import SQLiteStore
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// Need-to-know with break-glass, route by route: in scope the person opens; out of scope without a
/// reason nothing of them is shown; with a reason they open for the session, audited and reviewed.
@Suite(.serialized) struct NeedToKnowTests {
    /// A family received at the Cité (the demo agent's desk) and oriented to the MDS Bastide.
    struct Journey {
        let personID: Int64
        let intakeID: Int64
        let orientationID: Int64
    }

    func journey(_ app: TestApp) async throws -> Journey {
        let agent = try await app.signedIn("agent")
        try await agent.get("/accueils/nouveau")
        let saved = try await agent.post("/accueils", IntakeJourneyTests.family())
        let path = try #require(saved.header("Location"))
        #expect(try await agent.post(path + "/orientation", []).status == 303)
        return try app.store.readSync { db in
            let row = try #require(try db.queryOne("SELECT id, intake_id, person_id FROM orientations ORDER BY id DESC LIMIT 1"))
            return Journey(personID: row.int64("person_id")!, intakeID: row.int64("intake_id")!, orientationID: row.int64("id")!)
        }
    }

    /// The pages that show a person, for one journey; the name must appear only when granted.
    func pages(_ j: Journey) -> [String] {
        ["/personnes/\(j.personID)", "/accueils/\(j.intakeID)", "/orientations/\(j.orientationID)", "/orientations/\(j.orientationID)/fiche",
         "/personnes/\(j.personID)/modifier"]
    }

    @Test func inScopeOutOfScopeAndBreakGlass() async throws {
        try await withApp { app in
            try ProtectionTests.addAccounts(app)
            let j = try await journey(app)
            // In scope: the desk that received her, and the MDS she is oriented to (ts.mds works at Bastide).
            let agent = try await app.signedIn("agent")
            for path in pages(j) {
                let page = try await agent.get(path)
                #expect(page.status == 200, "\(path)")
            }
            let worker = try await app.signedIn("ts.mds")
            #expect(try await worker.get("/personnes/\(j.personID)").text.contains("DURAND"))

            // Out of scope (an agent of the MDS Lac): refused, nothing shown, nothing audited as read.
            let lac = try await ProtectionTests().signedIn(app, "agent.lac")
            let readsBefore = try app.auditCount(.personRead)
            for path in pages(j) {
                let page = try await lac.get(path)
                #expect(page.status == 403, "\(path)")
                #expect(!page.text.contains("DURAND") && !page.text.contains("Élodie") && !page.text.contains("06 12"), "\(path) shows nothing of her")
                #expect(page.text.contains("Accès hors de votre périmètre"))
            }
            #expect(try app.auditCount(.personRead) == readsBefore)
            // A form acting on her is refused the same way.
            #expect(try await lac.post("/personnes/\(j.personID)/modifier", [("nom", "Autre")]).status == 403)
            // The name search still finds her (the desk needs it to detect known people).
            let search = try await lac.post("/personnes/suggestions", [("nom", "Durand"), ("prenom", "")])
            #expect(search.text.contains("DURAND") || search.text.contains("Durand"))

            // A reason is required: the list and a few words.
            let empty = try await lac.post("/personnes/\(j.personID)/acces", [("motif", ""), ("precision", ""), ("retour", "/personnes/\(j.personID)")])
            #expect(empty.status == 422 && empty.text.contains("Choisissez le motif") && empty.text.contains("Précisez le motif"))
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM break_glass") } == 0)
            // Given: granted for the session, audited, back to the page asked for (never elsewhere).
            let granted = try await lac.post("/personnes/\(j.personID)/acces", [("motif", "personne_presente"), ("precision", "Elle est à l'accueil de Lac"),
                                                                                ("retour", "https://ailleurs.example/")])
            #expect(granted.status == 303 && granted.header("Location") == "/")
            for path in pages(j) {
                #expect(try await lac.get(path).status == 200, "\(path) after the reason")
            }
            #expect(try app.auditCount(.breakGlass) == 1)
            // A new session asks again.
            let again = try await ProtectionTests().signedIn(app, "agent.lac")
            #expect(try await again.get("/personnes/\(j.personID)").status == 403)

            // Reviewed: the administrators' page, its CSV, the dashboard's weekly count.
            let admin = try await app.signedIn("admin")
            let review = try await admin.get("/admin/bris-de-glace?compte=agent.lac")
            #expect(review.status == 200 && review.text.contains("n° \(j.personID)") && review.text.contains("Elle est à l&#39;accueil de Lac"))
            #expect(try await admin.get("/admin/bris-de-glace?compte=agent").text.contains("Aucun bris de glace"))
            let csv = try await admin.get("/admin/bris-de-glace/export.csv?personne=\(j.personID)")
            #expect(csv.header("Content-Type") == "text/csv; charset=utf-8" && csv.text.contains("agent.lac;agent.lac;\(j.personID);La personne est présente"))
            #expect(try await admin.get("/").text.contains("1 dossier ouvert hors périmètre ces 7 derniers jours"))
            #expect(try app.auditCount(.breakGlassReviewed) >= 2)
        }
    }

    /// The known-person choice at an intake brings the chosen file into the agent's scope: when it was
    /// not already, that is a « bris de glace » on the review page, not a quiet way in.
    @Test func anIntakeOnAFileOutOfScopeIsABreakGlass() async throws {
        try await withApp { app in
            try ProtectionTests.addAccounts(app)
            let j = try await journey(app)
            let lac = try await ProtectionTests().signedIn(app, "agent.lac")
            try await lac.get("/accueils/nouveau")
            let offered = try await lac.post("/accueils", IntakeJourneyTests.family([("site", "mds-lac")]))
            #expect(offered.status == 200 && offered.text.contains("value=\"\(j.personID)\""), "the homonym is offered")
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM break_glass") } == 0)
            let saved = try await lac.post("/accueils", IntakeJourneyTests.family([("site", "mds-lac"), ("personne", String(j.personID))]))
            #expect(saved.status == 303)
            let entry = try #require(try app.store.readSync { db in try BreakGlass.list(db, .init()) }.first)
            #expect(entry.login == "agent.lac" && entry.personID == j.personID && entry.reason == .personPresent && entry.text == BreakGlass.intakeOnChosenFile)
            #expect(try await lac.get("/personnes/\(j.personID)").status == 200)
            // The desk that already received her records a second intake without any of it.
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            #expect(try await agent.post("/accueils", IntakeJourneyTests.family([("personne", String(j.personID))])).status == 303)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM break_glass") } == 1)
        }
    }

    @Test func breakGlassRecordsLastAsLongAsTheAuditTrailAndLoseTheirTextWithTheFile() async throws {
        try await withApp { app in
            let j = try await journey(app)
            let year: Int64 = 366 * 86_400
            try app.store.writeSync { db in
                try BreakGlass.record(db, account: 1, person: j.personID, sessionHash: [1], reason: .other, text: "Ancien motif", at: app.now - 2 * year)
                try BreakGlass.record(db, account: 1, person: j.personID, sessionHash: [1], reason: .other, text: "Motif récent", at: app.now)
                _ = try RetentionPurge.run(db, now: app.now, account: nil)
            }
            #expect(try app.store.readSync { db in try db.query("SELECT reason_text FROM break_glass").compactMap { $0.string("reason_text") } } == ["Motif récent"])
            try app.store.writeSync { db in try RetentionPurge.deletePersons(db, [j.personID], now: app.now) }
            #expect(try app.store.readSync { db in try db.string("SELECT reason_text FROM break_glass") } == "")
        }
    }

    @Test func listsNameOnlyThePeopleInScope() async throws {
        try await withApp { app in
            try ProtectionTests.addAccounts(app)
            let j = try await journey(app)
            // Booked on the CCAS permanence at the MDS Grand Parc, by hand, for the day sheet.
            try app.store.writeSync { db in
                try BookingRepository.book(db, occurrenceID: "ccas-mds-grand-parc-20261124", slotStart: TimeOfDay("09:30")!, personID: j.personID,
                                           orientationID: nil, accountID: nil, at: app.now)
            }
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/planning/sites/mds-grand-parc/jour?date=2026-11-24").text.contains("Élodie DURAND"))
            // An MDS agent of the Lac: the person is not in her scope.
            let lac = try await ProtectionTests().signedIn(app, "agent.lac")
            let sheet = try await lac.get("/planning/sites/mds-grand-parc/jour?date=2026-11-24")
            #expect(sheet.status == 200 && !sheet.text.contains("DURAND") && sheet.text.contains("1 personne"))
            // The incoming list of the MDS Bastide names her to its social worker.
            let worker = try await app.signedIn("ts.mds")
            #expect(try await worker.get("/orientations/recues").text.contains("Élodie DURAND"))
            let tsLac = try await ProtectionTests().signedIn(app, "ts.lac")
            #expect(!(try await tsLac.get("/orientations/recues").text.contains("DURAND")))
        }
    }

    @Test func theScopeRulesOneByOne() async throws {
        try await withApp { app in
            try ProtectionTests.addAccounts(app)
            try app.store.writeSync { db in
                _ = try AccountRepository.insert(db, .init(login: "ts.bastide", displayName: "ts.bastide", institution: .mds, roles: [.socialWorker],
                                                           siteIDs: ["mds-bastide"], passwordHash: "x"), at: 0)
            }
            let j = try await journey(app)
            let accounts = try app.store.readSync { db in try AccountRepository.all(db) }
            func account(_ login: String) throws -> Account { try #require(accounts.first { $0.login == login }) }
            let today = try #require(LocalDate(iso: "2026-11-16"))
            func inScope(_ login: String) throws -> Bool {
                try app.store.readSync { db in try PersonScope.isInScope(db, j.personID, account: try account(login), sessionHash: [1], today: today) }
            }
            #expect(try inScope("agent"), "the site that received her")
            #expect(try inScope("ts.mds"), "the MDS she is oriented to")
            #expect(try !inScope("agent.lac") && !inScope("ts.lac"))
            // A social worker of the Lac holding her booking at his permanence receives her.
            try app.store.writeSync { db in
                try db.run("UPDATE social_workers SET account_id = (SELECT id FROM accounts WHERE login = 'ts.lac') WHERE id = 'ts-ccas-1'")
                try BookingRepository.book(db, occurrenceID: "ccas-mds-grand-parc-20261124", slotStart: TimeOfDay("09:30")!, personID: j.personID,
                                           orientationID: nil, accountID: nil, at: app.now)
            }
            let holder = try app.store.readSync { db in
                try db.string("SELECT w.id FROM permanences p JOIN social_workers w ON w.id = p.titulaire_id OR w.id = p.suppleant_id WHERE p.id = 'ccas-mds-grand-parc' AND w.account_id IS NOT NULL")
            }
            #expect(holder == "ts-ccas-1")
            #expect(try inScope("ts.lac"), "holds her booking")
            // An MDS Bastide social worker (Bastide only): in scope while the orientation to the Bastide stands.
            #expect(try inScope("ts.bastide"))
            try app.store.writeSync { db in try db.run("UPDATE orientations SET status = ? WHERE id = ?", [OrientationRecord.Status.reoriented, j.orientationID]) }
            #expect(try !inScope("ts.bastide"), "re-oriented elsewhere: no longer the Bastide's")
        }
    }
}
