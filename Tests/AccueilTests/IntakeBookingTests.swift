import Foundation
import Planning
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// Booking a planning slot from the decision page, over real HTTP. The clock stands on Wednesday
/// 18 November 2026 at 12:06 (Paris): the first CCAS slot is Thursday 19, 9h, at MDS Saint-Michel.
@Suite(.serialized) struct IntakeBookingTests {
    static let surnames = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre"]
    static let firstCCASSlot = "ccas-mds-saint-michel-20261119|09:00"

    /// A couple without child in Caudéran (→ CCAS), one per surname.
    func ccasIntake(_ browser: Browser, _ surname: String) async throws -> String {
        try await browser.get("/accueils/nouveau")
        let saved = try await browser.post("/accueils", IntakeJourneyTests.family([("nom", surname), ("adultes", "2"), ("enfant0_naissance", ""), ("secteur", "cauderan")]))
        return try #require(saved.header("Location"))
    }

    func slotValues(_ html: String) -> [String] {
        html.components(separatedBy: "name=\"creneau\" value=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
            .filter { !$0.isEmpty }
    }

    func scalar(_ app: TestApp, _ sql: String) throws -> Int {
        try app.store.readSync { db in try db.int(sql) ?? -1 }
    }

    /// Probe finding: the six-week horizon was only applied when listing slots; a hand-made POST booked 2099.
    @Test func aSlotBeyondTheBookingHorizonIsRefusedWhereTheBookingIsSaved() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let path = try await ccasIntake(agent, "Lointain")
            _ = try await agent.get(path)
            let refused = try await agent.post(path + "/orientation", [("creneau", "ccas-mds-saint-michel-20990108|09:00")])
            #expect(refused.status == 409)
            #expect(refused.text.contains("Ce créneau ne peut pas être réservé : seuls les créneaux d&#39;aujourd&#39;hui au"))
            #expect(try scalar(app, "SELECT count(*) FROM bookings") == 0)
            #expect(try scalar(app, "SELECT count(*) FROM orientations") == 0, "nothing half-saved")
            // Straight at the repository too: the rule lives where the place is written.
            #expect(throws: BookingError.self) {
                try app.store.writeSync { db in
                    try BookingRepository.book(db, occurrenceID: "ccas-mds-saint-michel-20990108", slotStart: TimeOfDay("09:00")!, personID: 1,
                                               orientationID: nil, accountID: nil, at: app.now)
                }
            }
        }
    }

    @Test func theDecisionOffersFreeSlotsAndChoosingOneBooksItWithTheOrientation() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let path = try await ccasIntake(agent, "Martin")
            let page = try await agent.get(path)
            let offered = slotValues(page.text)
            #expect(offered.first == Self.firstCCASSlot)
            #expect(offered.count == SlotProposals.limit)
            #expect(offered.allSatisfy { $0.hasPrefix("ccas-") })  // CCAS permanences only
            #expect(page.text.contains("jeudi 19 novembre 2026, 9h–9h30 — MDS Saint-Michel (Permanence CCAS, sur rendez-vous)"))

            let confirmed = try await agent.post(path + "/orientation", [("creneau", Self.firstCCASSlot)])
            #expect(confirmed.status == 303)
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT id, booking_kind, booking_date, booking_time, booking_place FROM orientations") })
            #expect(row.string("booking_kind") == "rendez_vous" && row.string("booking_date") == "2026-11-19")
            #expect(row.string("booking_time") == "09:00" && row.string("booking_place") == "MDS Saint-Michel")
            let orientationID = try #require(row.int64("id"))
            #expect(try scalar(app, "SELECT count(*) FROM bookings WHERE cancelled_at IS NULL AND orientation_id = \(orientationID) AND occurrence_id = 'ccas-mds-saint-michel-20261119' AND slot_start = '09:00'") == 1)
            #expect(try app.auditCount(.bookingCreated) == 1)

            // Taken: the next person is not offered it; the reception sheet names the person.
            let other = try await ccasIntake(agent, "Bernard")
            #expect(!slotValues(try await agent.get(other).text).contains(Self.firstCCASSlot))
            let sheet = try await agent.get("/planning/sites/mds-saint-michel/jour?date=2026-11-19")
            #expect(sheet.text.contains("Élodie MARTIN"))
            #expect(sheet.text.contains("href=\"/orientations/\(orientationID)\""))
            let slip = try await agent.get("/orientations/\(orientationID)/fiche")
            #expect(slip.text.contains("jeudi 19 novembre 2026 à 09:00"))

            // Cancelling frees the slot.
            let orientation = try await agent.get("/orientations/\(orientationID)")
            #expect(orientation.text.contains("Annuler la réservation"))
            let cancelled = try await agent.post("/orientations/\(orientationID)/reservation/annuler", [])
            #expect(cancelled.status == 303)
            #expect(try scalar(app, "SELECT count(*) FROM bookings WHERE cancelled_at IS NULL") == 0)
            #expect(try scalar(app, "SELECT count(*) FROM bookings WHERE cancelled_at IS NOT NULL") == 1)
            #expect(try app.store.readSync { db in try db.queryOne("SELECT booking_kind FROM orientations WHERE id = ?", [orientationID]) }?["booking_kind"] == .null)
            #expect(try app.auditCount(.bookingCancelled) == 1)
            #expect(slotValues(try await agent.get(other).text).first == Self.firstCCASSlot)
            #expect(try await agent.post(other + "/orientation", [("creneau", Self.firstCCASSlot)]).status == 303)
            #expect(try await agent.post("/orientations/\(orientationID)/reservation/annuler", []).status == 409)

            // The first orientation, now without booking, offers the slots again; the one just taken is gone.
            let again = try await agent.get("/orientations/\(orientationID)")
            #expect(again.text.contains("Réserver un créneau"))
            let offeredAgain = slotValues(again.text)
            #expect(!offeredAgain.contains(Self.firstCCASSlot) && !offeredAgain.isEmpty)
            let taken = try await agent.post("/orientations/\(orientationID)/reservation", [("creneau", Self.firstCCASSlot)])
            #expect(taken.status == 409)
            #expect(taken.text.contains("Ce créneau est complet (1 place). Choisissez un autre créneau."))
            #expect(try await agent.post("/orientations/\(orientationID)/reservation", [("creneau", "")]).status == 422)
            let rebooked = try await agent.post("/orientations/\(orientationID)/reservation", [("creneau", offeredAgain[0])])
            #expect(rebooked.status == 303)
            #expect(try scalar(app, "SELECT count(*) FROM bookings WHERE cancelled_at IS NULL AND orientation_id = \(orientationID)") == 1)
            let booked = try await agent.get("/orientations/\(orientationID)?info=reservation")
            #expect(booked.text.contains("Le créneau a été réservé.") && !booked.text.contains("Réserver un créneau"))
            #expect(try app.store.readSync { db in try db.string("SELECT booking_kind FROM orientations WHERE id = ?", [orientationID]) } == "rendez_vous")
            // A second booking on the same orientation is refused.
            #expect(try await agent.post("/orientations/\(orientationID)/reservation", [("creneau", offeredAgain[1])]).status == 409)
            // Managers read no named orientation; social workers may book too.
            #expect(try await app.signedIn("responsable").post("/orientations/\(orientationID)/reservation", [("creneau", offeredAgain[1])]).status == 403)
        }
    }

    @Test func anMDSFamilyIsOfferedItsCirconscriptionsPermanences() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let path = try #require(try await agent.post("/accueils", IntakeJourneyTests.family()).header("Location"))  // Bastide → MDS, Sud
            let offered = slotValues(try await agent.get(path).text)
            #expect(!offered.isEmpty)
            // Sud's afternoon at the Cité Municipale (Tuesday) and its outreach mornings (Thursday), sans rendez-vous.
            #expect(offered.allSatisfy { $0.hasPrefix("mds-sud-cite-") || $0.hasPrefix("mds-bastide-") })
            #expect(offered.first == "mds-bastide-queyries-20261119|09:00")
            #expect(offered.contains("mds-sud-cite-20261124|13:30"))
            #expect(try await agent.post(path + "/orientation", [("creneau", "mds-sud-cite-20261124|13:30")]).status == 303)
            #expect(try app.store.readSync { db in try db.string("SELECT booking_kind FROM orientations") } == "permanence")
        }
    }

    @Test func aStaleOrMalformedSlotIsRefusedAndNothingIsSaved() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let path = try await ccasIntake(agent, "Thomas")
            try await agent.get(path)
            for (value, message) in [("ccas-mds-lac-20261118|09:00", "Ce créneau est déjà passé."),
                                     ("ccas-mds-lac-20261118|09:10", "Ce créneau n&#39;existe pas ou plus."),
                                     ("ccas-mds-saint-jean-20261225|09:00", "Cette permanence est annulée : Jour férié (Noël)."),
                                     ("n'importe quoi", "Ce créneau n&#39;existe pas.")] {
                let refused = try await agent.post(path + "/orientation", [("creneau", value)])
                #expect(refused.status == 422, "\(value)")
                #expect(refused.text.contains(message), "\(value)")
            }
            // A slot of the other institution (an MDS circonscription's afternoon) does not fit a CCAS orientation.
            let foreign = try await agent.post(path + "/orientation", [("creneau", "mds-sud-cite-20261124|13:30")])
            #expect(foreign.status == 422 && foreign.text.contains("Ce créneau ne correspond pas à l&#39;orientation retenue (CCAS)"))
            #expect(try scalar(app, "SELECT count(*) FROM orientations") == 0)
            #expect(try scalar(app, "SELECT count(*) FROM bookings") == 0)
        }
    }

    /// Once the person came, the booking is part of their path and of the figures: it cannot be cancelled.
    @Test func aBookingIsNoLongerCancelledOnceTheOutcomeIsRecorded() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let path = try await ccasIntake(agent, "Martin")
            #expect(try await agent.post(path + "/orientation", [("creneau", Self.firstCCASSlot)]).status == 303)
            let orientationID = try scalar(app, "SELECT id FROM orientations")
            let worker = try await app.signedIn("ts.ccas")
            try await worker.get("/orientations/recues")
            #expect(try await worker.post("/orientations/\(orientationID)/presence", [("statut", "honoree")]).status == 303)
            #expect(try scalar(app, "SELECT count(*) FROM permanence_receptions") == 1)
            #expect(!(try await agent.get("/orientations/\(orientationID)").text.contains("Annuler la réservation")))
            let refused = try await agent.post("/orientations/\(orientationID)/reservation/annuler", [])
            #expect(refused.status == 409 && refused.text.contains("la réservation ne peut plus être annulée"))
            #expect(try scalar(app, "SELECT count(*) FROM bookings WHERE cancelled_at IS NULL") == 1)
        }
    }

    /// The last place of a slot, asked for by eight desks at once: one gets it, seven get a clear
    /// French 409 page, and the table holds exactly the capacity.
    @Test func eightConcurrentBookingsOfTheLastPlaceLeaveExactlyOneWinner() async throws {
        try await withApp { app in
            try app.store.writeSync { db in try db.run("UPDATE permanences SET capacity = 3 WHERE id = 'ccas-mds-saint-michel'") }
            let setup = try await app.signedIn("agent")
            for surname in Self.surnames.prefix(2) {
                let path = try await ccasIntake(setup, surname)
                #expect(try await setup.post(path + "/orientation", [("creneau", Self.firstCCASSlot)]).status == 303)
            }
            var desks: [(Browser, String)] = []
            for surname in Self.surnames.dropFirst(2).prefix(8) {
                let desk = try await app.signedIn(["agent", "ts.ccas", "ts.mds"][desks.count % 3])
                let path = try await ccasIntake(desk, surname)
                #expect(slotValues(try await desk.get(path).text).first == Self.firstCCASSlot)
                desks.append((desk, path))
            }
            let responses = try await withThrowingTaskGroup(of: RawClient.Response.self) { group in
                for (desk, path) in desks {
                    group.addTask { try await desk.post(path + "/orientation", [("creneau", Self.firstCCASSlot)]) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.filter { $0.status == 303 }.count == 1)
            let losers = responses.filter { $0.status != 303 }
            #expect(losers.count == 7)
            for loser in losers {
                #expect(loser.status == 409)
                #expect(loser.text.contains("Ce créneau est complet (3 places). Rien n&#39;a été enregistré : choisissez un autre créneau."))
                #expect(loser.text.contains("name=\"creneau\""))  // the form is back with what is left
                #expect(!slotValues(loser.text).contains(Self.firstCCASSlot))
            }
            #expect(try scalar(app, "SELECT count(*) FROM bookings WHERE cancelled_at IS NULL AND occurrence_id = 'ccas-mds-saint-michel-20261119' AND slot_start = '09:00'") == 3)
            #expect(try scalar(app, "SELECT count(DISTINCT place) FROM bookings WHERE occurrence_id = 'ccas-mds-saint-michel-20261119'") == 3)
            #expect(try scalar(app, "SELECT count(*) FROM orientations") == 3)
            #expect(try app.auditCount(.bookingCreated) == 3)
        }
    }
}
