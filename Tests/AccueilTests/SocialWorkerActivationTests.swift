import Planning
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// Deactivating and reactivating a social worker of the planning, over real HTTP. The test clock stands
/// on Wednesday 18 November 2026.
@Suite(.serialized) struct SocialWorkerActivationTests {
    func active(_ app: TestApp, _ id: String) async throws -> Bool? {
        try await offPool { try app.store.readSync { db in try db.int("SELECT active FROM social_workers WHERE id = ?", [id]) }.map { $0 == 1 } }
    }

    @Test func deactivationIsRefusedWhilePermanencesRemainAndListsThem() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            let page = try await manager.get("/planning/travailleurs/ts-ccas-1/desactiver")
            #expect(page.status == 200 && page.text.contains("ne peut pas être désactivé·e"))
            #expect(page.text.contains("href=\"/planning/permanences/ccas-mds-centre\""))
            #expect(!page.text.contains("Confirmer la désactivation"))
            let refused = try await manager.post("/planning/travailleurs/ts-ccas-1/desactiver", [])
            #expect(refused.status == 409)
            #expect(refused.text.contains("href=\"/planning/permanences/ccas-mds-centre\"") && refused.text.contains("titulaire"))
            #expect(try await active(app, "ts-ccas-1") == true)
            #expect(try app.auditCount(.socialWorkerDeactivated) == 0)
        }
    }

    /// The edit form's fields as a browser sends them: the version of the stored permanence, a weekly recurrence.
    func editFields(_ app: TestApp, _ id: String, _ fields: [(String, String)]) async throws -> [(String, String)] {
        let stored = try #require(try await offPool { try app.store.readSync { db in try PlanningRepository.permanence(db, id: id) } })
        return fields + [("version", PermanenceVersion.token(stored)), ("recurrence", "hebdomadaire")]
    }

    @Test func aWorkerWhoLeftIsDeactivatedNoLongerOfferedButStillNamedThenReactivated() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            try await manager.get("/planning/travailleurs")
            #expect(try await manager.post("/planning/travailleurs", [("nom", "Odile Partante"), ("institution", "ccas")]).status == 303)
            // Suppléante of a current permanence: refused and listed.
            let edit = try await manager.get("/planning/permanences/ccas-mds-lac")
            #expect(edit.text.contains("value=\"ts-odile-partante\""))
            let lac = try #require(try await offPool { try app.store.readSync { db in try PlanningRepository.permanence(db, id: "ccas-mds-lac") } })
            #expect(try await manager.post("/planning/permanences/ccas-mds-lac", try await editFields(app, "ccas-mds-lac", [("titulaire", lac.titulaireID), ("suppleant", "ts-odile-partante"),
                                                                                   ("jour", String(lac.weekday.rawValue)), ("demi_journee", lac.halfDay.rawValue)])).status == 303)
            let refused = try await manager.post("/planning/travailleurs/ts-odile-partante/desactiver", [])
            #expect(refused.status == 409 && refused.text.contains("href=\"/planning/permanences/ccas-mds-lac\"") && refused.text.contains("suppléant·e"))
            // Reassigned, and titulaire of a permanence that ended in June: deactivation goes through.
            try await manager.get("/planning/permanences/ccas-mds-lac")
            #expect(try await manager.post("/planning/permanences/ccas-mds-lac", try await editFields(app, "ccas-mds-lac", [("titulaire", lac.titulaireID), ("suppleant", lac.suppleantID ?? ""),
                                                                                   ("jour", String(lac.weekday.rawValue)), ("demi_journee", lac.halfDay.rawValue)])).status == 303)
            let past = Permanence(id: "ccas-mds-lac-ancienne", hostSiteID: "mds-lac", sendingInstitution: .ccas, weekday: .friday, halfDay: .afternoon,
                                  validFrom: try #require(CalendarDate("2026-01-05")), validTo: CalendarDate("2026-06-30"),
                                  titulaireID: "ts-odile-partante", mode: .byAppointment(slotMinutes: 30, capacityPerSlot: 1))
            try await offPool { try app.store.writeSync { db in try PlanningRepository.save(db, past, at: 0) } }
            let confirm = try await manager.get("/planning/travailleurs/ts-odile-partante/desactiver")
            #expect(confirm.status == 200 && confirm.text.contains("Confirmer la désactivation"))
            let done = try await manager.post("/planning/travailleurs/ts-odile-partante/desactiver", [])
            #expect(done.status == 303 && done.header("Location") == "/planning/travailleurs?info=desactive")
            #expect(try await active(app, "ts-odile-partante") == false)
            #expect(try app.auditCount(.socialWorkerDeactivated) == 1)

            // The list puts her apart; no form offers her any more, nor accepts her.
            let list = try await manager.get("/planning/travailleurs")
            let inactiveSection = try #require(list.text.range(of: "<h2>Inactifs</h2>").map { String(list.text[$0.upperBound...]) })
            #expect(inactiveSection.contains("Odile Partante") && !list.text[..<list.text.range(of: "<h2>Inactifs</h2>")!.lowerBound].contains("Odile Partante"))
            #expect(!(try await manager.get("/planning/permanences/ccas-mds-centre").text.contains("value=\"ts-odile-partante\"")))
            #expect(!(try await manager.get("/planning/permanences/nouvelle?grille=ccas-mds&ligne=mds-lac&jour=4").text.contains("value=\"ts-odile-partante\"")))
            #expect(!(try await manager.get("/planning/absences").text.contains("value=\"ts-odile-partante\"")))
            try await manager.get("/planning/permanences/ccas-mds-lac")
            let forced = try await manager.post("/planning/permanences/ccas-mds-lac", try await editFields(app, "ccas-mds-lac", [("titulaire", "ts-odile-partante"), ("suppleant", ""),
                                                                                       ("jour", String(lac.weekday.rawValue)), ("demi_journee", lac.halfDay.rawValue)]))
            #expect(forced.status == 422)
            // The old permanence still names her, marked, in the grid of its time and in its own form.
            #expect(try await manager.get("/planning?date=2026-03-06").text.contains("Odile Partante (inactif)"))
            let old = try await manager.get("/planning/permanences/ccas-mds-lac-ancienne")
            #expect(old.text.contains("<option value=\"ts-odile-partante\" selected>Odile Partante (inactif)</option>"))

            // Her old permanence cannot be prolonged past today while it names her; it can still be shortened.
            let prolonged = try await manager.post("/planning/permanences/ccas-mds-lac-ancienne/terminer", [("fin", "2099-06-30")])
            #expect(prolonged.status == 422 && prolonged.text.contains("Odile Partante n&#39;est plus en activité"))
            #expect(try await manager.post("/planning/permanences/ccas-mds-lac-ancienne/terminer", [("fin", "2026-05-31")]).status == 303)
            let shortened = try await offPool { try app.store.readSync { db in try PlanningRepository.permanence(db, id: "ccas-mds-lac-ancienne") } }
            #expect(shortened?.validTo == CalendarDate("2026-05-31"))

            // Reactivated: offered again.
            #expect(try await manager.post("/planning/travailleurs/ts-odile-partante/reactiver", []).status == 303)
            #expect(try await active(app, "ts-odile-partante") == true)
            #expect(try app.auditCount(.socialWorkerReactivated) == 1)
            #expect(try await manager.get("/planning/permanences/ccas-mds-centre").text.contains("value=\"ts-odile-partante\""))
            #expect(!(try await manager.get("/planning/travailleurs").text.contains("<h2>Inactifs</h2>")))
        }
    }
}
