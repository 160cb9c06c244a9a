import Foundation
import Orientation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// Standing adjustments as administrators record them and as the desk meets them: recorded once,
/// refused when they overlap or would break the user's rule, applied to the households they cover,
/// quoted on the decision, kept on the orientation, read by `accueil orient --db`, ended, audited.
@Suite(.serialized) struct AdjustmentJourneyTests {
    /// Homeless adults without child or pregnancy, in Bastide: to the CCAS (an agreement the two
    /// institutions could reach; none is known to the project).
    static func homelessAdults(_ reference: String = "AM-2026-01", minorChild: String = "non") -> [(String, String)] {
        [("reference", reference), ("texte", "Les adultes sans domicile de la Bastide sont accueillis au CCAS."), ("service", "CCAS"),
         ("secteurs", "bastide"), ("sans_domicile", "oui"), ("enfant_mineur", minorChild), ("grossesse", "non"), ("age_min", "18"),
         ("accord_pts", "Mme Durand, responsable du PTS"), ("accord_ccas", "M. Martin, chef de service du CCAS"),
         ("date_accord", "2026-11-01"), ("debut", "2026-11-01")]
    }

    @Test func anAdjustmentIsRecordedAppliedQuotedAndEnded() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            #expect(try await admin.get("/admin/amenagements").text.contains("Aucun aménagement enregistré"))
            try await admin.get("/admin/amenagements/nouveau")
            let recorded = try await admin.post("/admin/amenagements", Self.homelessAdults())
            #expect(recorded.status == 303)
            #expect(try app.auditCount(.adjustmentRecorded) == 1)

            // Covering the same households on the same period: refused, naming the one in force.
            try await admin.get("/admin/amenagements/nouveau")
            let overlapping = try await admin.post("/admin/amenagements", Self.homelessAdults("AM-2026-02"))
            #expect(overlapping.status == 422 && overlapping.text.contains("AM-2026-01"))
            // Towards the CCAS without excluding minor children: refused (the user's rule).
            let unsafe = try await admin.post("/admin/amenagements", Self.homelessAdults("AM-2026-03", minorChild: ""))
            #expect(unsafe.status == 422 && unsafe.text.contains("doit exclure les foyers avec un enfant mineur"))
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM rule_adjustments") } == 1)

            // A homeless man of 40 in Bastide, already followed by an MDS: the base rule keeps him
            // there; the adjustment sends him to the CCAS, and says so.
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let saved = try await agent.post("/accueils", IntakeJourneyTests.family([("enfant0_naissance", ""), ("sans_domicile", "1"), ("age", "40"),
                                                                                    ("deja_suivi", "MDS"), ("naissance", "")]))
            let path = try #require(saved.header("Location"))
            let decision = try await agent.get(path)
            #expect(decision.text.contains("Aménagement de la règle AM-2026-01"))
            #expect(try await agent.post(path + "/orientation", []).status == 303)
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT service, adjustment FROM orientations") })
            #expect(row.string("service") == "CCAS" && row.string("adjustment") == "AM-2026-01")

            // The figures count it by reference, by both paths, and show it to managers.
            let period = StatisticsPeriod(from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!, siteID: nil)
            let (fast, direct) = try app.store.readSync { db in (try StatisticsRepository.tally(db, period), try StatisticsDirectQuery.tally(db, period)) }
            #expect(fast.count(StatisticsCounters.adjustmentDimension, "AM-2026-01") == 1)
            #expect(direct.count(StatisticsCounters.adjustmentDimension, "AM-2026-01") == 1)
            let manager = try await app.signedIn("responsable")
            let figures = try await manager.get("/statistiques?du=2026-11-01&au=2026-11-30")
            #expect(figures.text.contains("Aménagement AM-2026-01"))

            // The command line reads the same adjustments from the database.
            try #require(CommandRunner.isBuilt, "build the executable first: swift build")
            let request = #"{"adults": 1, "homeless": true, "age": 40, "sector": "bastide", "alreadyFollowedBy": "MDS", "date": "2026-11-20"}"#
            let run = try await CommandRunner.run(["orient", "--resources", TestApp.repositoryRoot + "/Resources", "--db", app.directory + "/test.sqlite"],
                                                  stdin: request, directory: app.directory)
            #expect(run.status == 0 && run.json?["adjustments"] as? [String] == ["AM-2026-01"] && run.json?["service"] as? String == "CCAS")
            let shipped = try await CommandRunner.run(["orient", "--resources", TestApp.repositoryRoot + "/Resources"], stdin: request, directory: app.directory)
            #expect(shipped.json?["adjustments"] as? [String] == [] && shipped.json?["service"] as? String == "MDS", "the shipped list is empty")

            // Ended: the list keeps it, marked out of force after its last day.
            let id = try #require(try app.store.readSync { db in try db.int("SELECT id FROM rule_adjustments") })
            try await admin.get("/admin/amenagements")
            #expect(try await admin.post("/admin/amenagements/\(id)/fin", [("dernier_jour", "2026-11-20")]).status == 303)
            #expect(try await admin.post("/admin/amenagements/\(id)/fin", [("dernier_jour", "2026-11-20")]).status == 409, "ended once")
            #expect(try app.auditCount(.adjustmentEnded) == 1)
            let list = try await admin.get("/admin/amenagements")
            #expect(list.text.contains("AM-2026-01") && list.text.contains("au 20/11/2026"))
        }
    }

    @Test func theMigrationCountsEarlierDerogationsByService() throws {
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/old.sqlite"
        do {
            let old = try Store(path: path, migrator: Migrator(Array(Schema.migrations.prefix(9))))
            try old.writeSync { db in
                try db.execute("""
                    INSERT INTO accounts (id, login, display_name, institution, password_hash, created_at) VALUES (1, 'a', 'A', 'CCAS', 'x', 0);
                    INSERT INTO sites (id, name, kind, valid_from) VALUES ('ccas-cite-municipale', 'CCAS', 'ccas', '2022-10-01');
                    INSERT INTO intakes (id, at, site_id, account_id, channel, level) VALUES (1, 0, 'ccas-cite-municipale', 1, 'sur_place', 1);
                    INSERT INTO orientations (reference, intake_id, created_at, account_id, service, reasons, is_derogation, derogation_agreed_by, day, reception_site_id)
                    VALUES ('AC-2026-000001', 1, 0, 1, 'CCAS', '[]', 1, 'Cadres PTS et CCAS', '2026-10-05', 'ccas-cite-municipale');
                    """)
            }
        }
        let store = try Store(path: path, migrator: Schema.migrator)
        let period = StatisticsPeriod(from: LocalDate(iso: "2026-10-01")!, to: LocalDate(iso: "2026-10-31")!, siteID: nil)
        let tally = try store.readSync { db in try StatisticsRepository.tally(db, period) }
        #expect(tally.count(StatisticsCounters.derogationByService, "CCAS") == 1)
        let kept = try store.readSync { db in try OrientationRepository.find(db, id: 1) }
        #expect(kept?.derogationAgreement == "Cadres PTS et CCAS", "an earlier derogation keeps its single name")
    }

    @Test func onlyAdministratorsOfTheReferentialManageAdjustments() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/admin/amenagements").status == 403)
            let worker = try await app.signedIn("ts.ccas")
            #expect(try await worker.get("/admin/amenagements/nouveau").status == 403)
        }
    }
}
