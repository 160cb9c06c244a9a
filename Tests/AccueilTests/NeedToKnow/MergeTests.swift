import Foundation
import Orientation
import Planning
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// Merging two files of one person, and undoing it: everything moves (bookings and alerts included),
/// the erasure check sees the moved bookings, an unmerge gives each file back exactly its own, what was
/// recorded after the merge stays where it was recorded, the figures agree with the direct query at
/// every step, and a rectification followed by a merge is flagged for review.
@Suite(.serialized) struct MergeTests {
    static let november = StatisticsPeriod(from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!, siteID: nil)

    func count(_ app: TestApp, _ sql: String, _ parameters: [any SQLBindable] = []) throws -> Int {
        try app.store.readSync { db in try db.int(sql, parameters) ?? 0 }
    }

    func figuresAgree(_ app: TestApp) throws {
        let (fast, direct) = try app.store.readSync { db in
            (try StatisticsRepository.tally(db, Self.november), try StatisticsDirectQuery.tally(db, Self.november))
        }
        #expect(fast == direct)
    }

    /// Two files named Durand Élodie: the first with a phone, the second (created as « another person »)
    /// with an orientation to the MDS Bastide, a place booked and a protection alert.
    func twoFiles(_ app: TestApp) async throws -> (kept: Int64, duplicate: Int64) {
        let agent = try await app.signedIn("agent")
        try await agent.get("/accueils/nouveau")
        #expect(try await agent.post("/accueils", IntakeJourneyTests.family([("enfant0_naissance", ""), ("secteur", "lac"), ("naissance", "")])).status == 303)
        let second = try await agent.post("/accueils", IntakeJourneyTests.family([("personne", "nouveau"), ("telephone", "")]))
        let decision = try #require(second.header("Location"))
        #expect(try await agent.post(decision + "/orientation", []).status == 303)
        let ids = try app.store.readSync { db in try db.query("SELECT id FROM persons ORDER BY id").compactMap { $0.int64("id") } }
        let (kept, duplicate) = (ids[0], ids[1])
        try app.store.writeSync { db in
            if try db.int("SELECT count(*) FROM bookings WHERE person_id = ?", [duplicate]) == 0 {
                try BookingRepository.book(db, occurrenceID: "ccas-mds-grand-parc-20261124", slotStart: TimeOfDay("09:30")!, personID: duplicate,
                                           orientationID: nil, accountID: nil, at: app.now)
            }
            let intake = try #require(try db.int("SELECT id FROM intakes WHERE person_id = ?", [duplicate]))
            try db.run("""
                INSERT INTO protection_reports (kind, intake_id, person_id, raised_by, raised_at, note, site_id)
                VALUES ('adulte_vulnerable', ?, ?, 1, ?, 'Faits', 'ccas-cite-municipale')
                """, [intake, duplicate, app.now])
        }
        return (kept, duplicate)
    }

    @Test func aMergeMovesEverythingAndAnUnmergeGivesEachFileItsOwn() async throws {
        try await withApp { app in
            let (kept, duplicate) = try await twoFiles(app)
            try figuresAgree(app)
            let agent = try await app.signedIn("agent")
            let file = try await agent.get("/personnes/\(kept)")
            #expect(file.text.contains("Doublons possibles") && file.text.contains("dossier n° \(duplicate)"))
            #expect(try await agent.post("/personnes/\(kept)/fusion", [("doublon", String(duplicate))]).status == 303)

            // Everything of the duplicate is now the kept file's: intakes, orientation, booking, alert.
            for table in ["intakes", "orientations", "bookings", "protection_reports"] {
                #expect(try count(app, "SELECT count(*) FROM \(table) WHERE person_id = ?", [duplicate]) == 0, "\(table)")
            }
            #expect(try count(app, "SELECT count(*) FROM bookings WHERE person_id = ? AND cancelled_at IS NULL", [kept]) == 1)
            #expect(try count(app, "SELECT count(*) FROM intakes WHERE person_id = ?", [kept]) == 2)
            try figuresAgree(app)
            // The kept file's future booking now stops its erasure (the probe's finding).
            #expect(throws: PersonErasure.Refusal.openOrientation) {
                try app.store.writeSync { db in try PersonErasure.erase(db, personID: kept, account: 1, at: app.now) }
            }
            // The merged number answers with the kept file.
            #expect(try await agent.get("/personnes/\(duplicate)").header("Location") == "/personnes/\(kept)")

            // After the merge, a new intake is recorded on the kept file.
            try await agent.get("/accueils/nouveau")
            #expect(try await agent.post("/accueils", IntakeJourneyTests.family([("personne", String(kept)), ("enfant0_naissance", "")])).status == 303)
            #expect(try count(app, "SELECT count(*) FROM intakes WHERE person_id = ?", [kept]) == 3)

            // Undone: the duplicate gets back exactly what it had; the new intake stays on the kept file.
            let page = try await agent.get("/personnes/\(kept)")
            #expect(page.text.contains("Dossiers fusionnés dans celui-ci") && page.text.contains("Annuler la fusion"))
            let mergeID = try #require(try app.store.readSync { db in try db.int("SELECT id FROM person_merges") })
            #expect(try await agent.post("/personnes/\(kept)/defusion", [("fusion", String(mergeID))]).status == 303)
            #expect(try count(app, "SELECT count(*) FROM persons WHERE id = ? AND merged_into IS NULL", [duplicate]) == 1)
            #expect(try count(app, "SELECT count(*) FROM intakes WHERE person_id = ?", [duplicate]) == 1)
            #expect(try count(app, "SELECT count(*) FROM intakes WHERE person_id = ?", [kept]) == 2, "its own and the one recorded after the merge")
            for table in ["orientations", "bookings", "protection_reports"] {
                #expect(try count(app, "SELECT count(*) FROM \(table) WHERE person_id = ?", [duplicate]) == 1, "\(table) back")
                #expect(try count(app, "SELECT count(*) FROM \(table) WHERE person_id = ?", [kept]) == 0, "\(table)")
            }
            try figuresAgree(app)
            #expect(try app.auditCount(.personsUnmerged) == 2)
            // Undone once: a second time is refused.
            #expect(try await agent.post("/personnes/\(kept)/defusion", [("fusion", String(mergeID))]).status == 409)
        }
    }

    /// An orientation decided after the merge on an intake that came from the duplicate, and the place
    /// booked for it, belong to that intake's situation: the unmerge takes them back with it.
    @Test func whatHangsOffAReturnedIntakeFollowsIt() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            #expect(try await agent.post("/accueils", IntakeJourneyTests.family([("enfant0_naissance", ""), ("secteur", "lac")])).status == 303)
            let second = try #require(try await agent.post("/accueils", IntakeJourneyTests.family([("personne", "nouveau")])).header("Location"))
            let ids = try app.store.readSync { db in try db.query("SELECT id FROM persons ORDER BY id").compactMap { $0.int64("id") } }
            let (kept, duplicate) = (ids[0], ids[1])
            #expect(try await agent.post("/personnes/\(kept)/fusion", [("doublon", String(duplicate))]).status == 303)
            // After the merge: the duplicate's intake is oriented, and a place booked for that orientation.
            #expect(try await agent.post(second + "/orientation", []).status == 303)
            let orientation = try #require(try app.store.readSync { db in try db.int("SELECT id FROM orientations WHERE person_id = ?", [kept]).map(Int64.init) })
            try app.store.writeSync { db in
                _ = try BookingRepository.book(db, occurrenceID: "ccas-mds-grand-parc-20261124", slotStart: TimeOfDay("09:30")!, personID: kept,
                                               orientationID: orientation, accountID: nil, at: app.now)
            }
            let mergeID = try #require(try app.store.readSync { db in try db.int("SELECT id FROM person_merges") })
            #expect(try await agent.post("/personnes/\(kept)/defusion", [("fusion", String(mergeID))]).status == 303)
            for table in ["intakes", "orientations", "bookings"] {
                #expect(try count(app, "SELECT count(*) FROM \(table) WHERE person_id = ?", [duplicate]) == 1, "\(table) with the duplicate")
            }
            #expect(try count(app, "SELECT count(*) FROM orientations WHERE person_id = ?", [kept]) == 0)
            #expect(try count(app, "SELECT count(*) FROM bookings WHERE person_id = ?", [kept]) == 0)
            try figuresAgree(app)
        }
    }

    @Test func twoPlacesInOneSessionMustBeSortedOutFirst() async throws {
        try await withApp { app in
            let (kept, duplicate) = try await twoFiles(app)
            try app.store.writeSync { db in
                try BookingRepository.book(db, occurrenceID: "ccas-mds-grand-parc-20261124", slotStart: TimeOfDay("10:00")!, personID: kept,
                                           orientationID: nil, accountID: nil, at: app.now)
            }
            let agent = try await app.signedIn("agent")
            try await agent.get("/personnes/\(kept)")
            let refused = try await agent.post("/personnes/\(kept)/fusion", [("doublon", String(duplicate))])
            #expect(refused.status == 409 && refused.text.contains("à la même permanence le 24/11/2026"))
            #expect(try count(app, "SELECT count(*) FROM persons WHERE merged_into IS NOT NULL") == 0)
        }
    }

    @Test func aRectificationThenAMergeIsFlaggedForReview() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            #expect(try await agent.post("/accueils", IntakeJourneyTests.family()).status == 303)
            #expect(try await agent.post("/accueils", IntakeJourneyTests.family([("nom", "Martin"), ("prenom", "Paul"), ("naissance", "")])).status == 303)
            let ids = try app.store.readSync { db in try db.query("SELECT id FROM persons ORDER BY id").compactMap { $0.int64("id") } }
            // Paul Martin is renamed Élodie Durand, then merged into her file.
            try await agent.get("/personnes/\(ids[1])/modifier")
            #expect(try await agent.post("/personnes/\(ids[1])/modifier", [("nom", "Durand"), ("prenom", "Élodie"), ("naissance", "1990-04-12"),
                                                                          ("telephone", "")]).status == 303)
            try await agent.get("/personnes/\(ids[0])")
            #expect(try await agent.post("/personnes/\(ids[0])/fusion", [("doublon", String(ids[1]))]).status == 303)
            let review = try await app.signedIn("admin").get("/admin/bris-de-glace")
            #expect(review.text.contains("a fusionné le dossier n° \(ids[1]) dans le n° \(ids[0]) après une rectification"))
        }
    }
}
