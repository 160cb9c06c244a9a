import Foundation
import Planning
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// People received at a permanence without a booking, from the site's day sheet: an intake like any
/// other, received there only when the rule chose the permanence's service, counted once.
@Suite(.serialized) struct WalkInTests {
    /// A CCAS permanence at the MDS Bastide this morning (the demo planning is replaced).
    static func ccasPermanenceToday(_ app: TestApp) throws -> String {
        let today = app.context.today.calendarDate
        try app.store.writeSync { db in
            try db.run("DELETE FROM permanences")
            try PlanningRepository.save(db, Permanence(id: "w-ccas-bastide", hostSiteID: "mds-bastide", sendingInstitution: .ccas, weekday: today.weekday,
                                                       halfDay: .morning, validFrom: today.adding(days: -30), titulaireID: "ts-ccas-1", suppleantID: "ts-ccas-2",
                                                       mode: .byAppointment(slotMinutes: 30, capacityPerSlot: 1)), at: app.now)
        }
        return "w-ccas-bastide-" + today.description.replacingOccurrences(of: "-", with: "")
    }

    static func fields(_ occurrence: String, today: String, family: Bool, name: String) -> [(String, String)] {
        var fields = IntakeJourneyTests.family([("date", today), ("site", "mds-bastide"), ("nom", name), ("permanence", occurrence)])
        if !family { fields.removeAll { $0.0.hasPrefix("enfant0") } }
        return fields
    }

    @Test func aWalkInIsReceivedOnceWhenTheRuleChoosesThePermanencesService() async throws {
        try await withApp { app in
            let occurrence = try Self.ccasPermanenceToday(app)
            let today = app.context.today.description
            let worker = try await app.signedIn("ts.mds")
            let sheet = try await worker.get("/planning/sites/mds-bastide/jour")
            #expect(sheet.text.contains("href=\"/accueils/nouveau?permanence=\(occurrence)\""))
            let form = try await worker.get("/accueils/nouveau?permanence=\(occurrence)")
            #expect(form.text.contains("<strong>Accueil sans rendez-vous</strong>") && form.text.contains("name=\"permanence\" value=\"\(occurrence)\""))
            #expect(form.text.contains("value=\"mds-bastide\" selected"))

            // An adult alone: the rule says CCAS, the permanence's own service.
            let saved = try await worker.post("/accueils", Self.fields(occurrence, today: today, family: false, name: "Seul"))
            let decision = try #require(saved.header("Location"))
            #expect(try await worker.get(decision).text.contains("la personne est comptée comme reçue à cette permanence"))
            let confirmed = try await worker.post(decision + "/orientation", [])
            #expect(confirmed.status == 303)
            let received = try #require(try app.store.readSync { db in
                try db.queryOne("SELECT o.status, o.service, b.walk_in FROM orientations o JOIN bookings b ON b.orientation_id = o.id")
            })
            #expect(received.string("status") == "honoree" && received.string("service") == "CCAS" && received.int("walk_in") == 1)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM permanence_receptions WHERE permanence_id = 'w-ccas-bastide'") } == 1)
            #expect(try app.auditCount(.walkInReceived) == 1)

            // A family with a minor child: the rule says MDS, so nobody is received at this CCAS permanence.
            let family = try await worker.post("/accueils", Self.fields(occurrence, today: today, family: true, name: "Famille"))
            let familyDecision = try #require(family.header("Location"))
            #expect(try await worker.get(familyDecision).text.contains("pas vers le service de cette permanence"))
            #expect(try await worker.post(familyDecision + "/orientation", []).status == 303)
            let redirected = try #require(try app.store.readSync { db in
                try db.queryOne("SELECT status, service FROM orientations WHERE id = (SELECT max(id) FROM orientations)")
            })
            #expect(redirected.string("service") == "MDS" && redirected.string("status") == "ouverte")
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM bookings") } == 1)

            // Counted once with the booked people, never as a place booked; the day sheet shows them.
            let period = try #require(StatisticsPeriod(from: today, to: today, siteID: nil))
            let (fast, direct) = try app.store.readSync { db in (try StatisticsRepository.tally(db, period), try StatisticsDirectQuery.tally(db, period)) }
            #expect(fast == direct)
            #expect(fast.count(PermanenceFacts.receivedDimension, "w-ccas-bastide") == 1 && fast.count(PermanenceFacts.bookedDimension, "w-ccas-bastide") == 0)
            #expect(fast.count(PermanenceFacts.walkInDimension, "w-ccas-bastide") == 1, "« dont reçues sans rendez-vous »")
            let after = try await worker.get("/planning/sites/mds-bastide/jour")
            #expect(after.text.contains("Reçue sans rendez-vous") && after.text.contains("Élodie SEUL"))
            // Every slot is still free: a walk-in takes no place.
            #expect(after.text.contains("6 créneaux libres sur 6"))
        }
    }

    @Test func aWalkInIsMadeAtItsPermanencesSiteOnItsDay() async throws {
        try await withApp { app in
            let occurrence = try Self.ccasPermanenceToday(app)
            let today = app.context.today
            let worker = try await app.signedIn("ts.mds")
            try await worker.get("/accueils/nouveau?permanence=\(occurrence)")
            var elsewhere = Self.fields(occurrence, today: today.description, family: false, name: "Ailleurs")
            elsewhere.removeAll { $0.0 == "site" }
            elsewhere.append(("site", "ccas-cite-municipale"))
            let wrongSite = try await worker.post("/accueils", elsewhere)
            #expect(wrongSite.status == 422 && wrongSite.text.contains("Un accueil sans rendez-vous est fait au site de la permanence."))
            let yesterday = try await worker.post("/accueils", Self.fields(occurrence, today: today.adding(days: -1)!.description, family: false, name: "Hier"))
            #expect(yesterday.status == 422 && yesterday.text.contains("daté du jour de la permanence"))
            let unknown = try await worker.post("/accueils", Self.fields("w-ccas-bastide-20991231", today: today.description, family: false, name: "Inconnu"))
            #expect(unknown.status == 422)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM intakes") } == 0)
            #expect(try await worker.get("/accueils/nouveau?permanence=nulle-part").status == 404)
        }
    }

    /// The MDS at the Cité receives the families of its own circonscription: a family of the Bastide
    /// (circonscription Sud) walking into the Centre circonscription's permanence is oriented to its
    /// MDS, not received there.
    @Test func anMDSPermanenceReceivesItsOwnCirconscriptionOnly() async throws {
        try await withApp { app in
            let today = app.context.today.calendarDate
            try app.store.writeSync { db in
                try db.run("DELETE FROM permanences")
                try PlanningRepository.save(db, Permanence(id: "w-centre-cite", hostSiteID: "ccas-cite-municipale", sendingInstitution: .departement,
                                                           circonscriptionID: "centre", weekday: today.weekday, halfDay: .afternoon,
                                                           validFrom: today.adding(days: -30), titulaireID: "as-centre-1", suppleantID: "as-centre-2",
                                                           mode: .open(softCapacity: 6)), at: app.now)
            }
            let occurrence = "w-centre-cite-" + today.description.replacingOccurrences(of: "-", with: "")
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau?permanence=\(occurrence)")
            var fields = IntakeJourneyTests.family([("date", today.description), ("site", "ccas-cite-municipale"), ("permanence", occurrence),
                                                    ("canal", "telephone")])
            fields.removeAll { $0.0 == "secteur" }
            fields.append(("secteur", "bastide"))
            let decision = try #require(try await agent.post("/accueils", fields).header("Location"))
            #expect(try await agent.get(decision).text.contains("pas vers le service de cette permanence"))
            #expect(try await agent.post(decision + "/orientation", []).status == 303)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM bookings") } == 0)
            // A walk-in is in person, whatever channel was posted.
            #expect(try app.store.readSync { db in try db.string("SELECT channel FROM intakes") } == "sur_place")
        }
    }
}
