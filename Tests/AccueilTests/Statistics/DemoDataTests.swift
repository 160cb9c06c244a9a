import Foundation
import SQLiteStore
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// The synthetic activity of `accueil demo`: realistic enough to measure with, and counted exactly.
@Suite(.serialized, .tags(.long), .skippedWhenQuick) struct DemoDataTests {
    @Test func generatedActivityGivesTheSameFiguresByBothPaths() async throws {
        try await withApp { app in
            var options = DemoDataGenerator.Options(intakes: 3_000, lastDay: "2026-11-18")
            options.years = 3
            options.batchSize = 700
            let referential = app.context.referential, store = app.store, chosen = options
            // A few seconds of synchronous inserts: off the cooperative pool, not to stall parallel tests.
            let reports = try await offPool { () -> [Int] in
                var generator = DemoDataGenerator(options: chosen, referential: referential)
                var reports: [Int] = []
                try generator.run(store) { done, _ in reports.append(done) }
                return reports
            }
            #expect(reports == [700, 1_400, 2_100, 2_800, 3_000])
            try await offPool { try store.readSync { db in
                #expect(try db.int("SELECT count(*) FROM intakes") == 3_000)
                for (from, to) in [("2023-11-19", "2026-11-18"), ("2025-01-01", "2025-12-31"), ("2024-02-10", "2024-07-04"),
                                   ("2026-11-01", "2026-11-18"), ("2026-10-15", "2026-10-15")] {
                    for site in [nil, "ccas-cite-municipale", "mds-lac"] {
                        let period = try #require(StatisticsPeriod(from: from, to: to, siteID: site))
                        #expect(try StatisticsRepository.tally(db, period) == (try StatisticsDirectQuery.tally(db, period)), "\(from)…\(to) \(site ?? "tous")")
                    }
                }
                let all = try StatisticsDirectQuery.tally(db, StatisticsPeriod(from: "2023-11-19", to: "2026-11-18", siteID: nil)!)
                // The mix is the desk's: anonymous contacts, known people, orientations of both services, settled and open ones.
                #expect((300...600).contains(all.count("information_seule")))
                #expect(all.count("double_sollicitation") > 500)
                #expect(all.count("service", "CCAS") > 500 && all.count("service", "MDS") > 500)
                #expect(all.count("statut", "honoree") > 1_000 && all.count("statut", "ouverte") > 0)
                #expect(all.count("age", "66+") > 200)
                #expect(all.keys("foyer").count == 4)
                // Places booked in the demo planning's permanences, and people who came to them.
                #expect(all.keys(PermanenceFacts.bookedDimension).values.reduce(0, +) > 100)
                #expect(try db.int("SELECT count(*) FROM permanence_receptions WHERE occurrence_date BETWEEN '2023-11-19' AND '2026-11-18'") ?? 0 > 50)
                // Invented names only, searchable like real ones.
                let name = try db.string("SELECT last_name FROM persons LIMIT 1") ?? ""
                #expect(name.count >= 4)
            } }
        }
    }

    @Test func demoCommandFillsADemoDatabaseAndRefusesARealOne() async throws {
        try #require(CommandRunner.isBuilt, "build the executable first: swift build")
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let resources = ["--resources", TestApp.repositoryRoot + "/Resources"]
        let filled = try await CommandRunner.run(["demo", "--intakes", "120", "--years", "1", "--db", directory + "/demo.sqlite"] + resources, directory: directory)
        #expect(filled.status == 0, "\(filled.stderr)")
        #expect(filled.stderr.contains("120 / 120 accueils (100 %)"))
        let count = try Store(path: directory + "/demo.sqlite").readSync { db in try db.int("SELECT count(*) FROM intakes") }
        #expect(count == 120)

        let real = directory + "/real.sqlite"
        let created = try await CommandRunner.run(["user", "add", "--login", "chef", "--name", "Cheffe", "--role", "administrateur", "--db", real, "--password-stdin"] + resources,
                                            stdin: "une longue phrase de passe\n", directory: directory)
        #expect(created.status == 0)
        let refused = try await CommandRunner.run(["demo", "--intakes", "10", "--db", real] + resources, directory: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("comptes réels"))
        #expect(try await CommandRunner.run(["demo", "--db", real] + resources, directory: directory).status == 2)
    }
}
