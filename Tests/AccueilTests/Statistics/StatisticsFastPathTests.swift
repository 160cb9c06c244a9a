import Foundation
import Testing
import SQLiteStore
@testable import AccueilCore
@testable import AccueilWeb

/// The summary tables must give exactly what a plain GROUP BY over the rows gives, for any period
/// (whole months, ragged ends, one day, several years) and any site; and an upgraded database too.
@Suite(.serialized) struct StatisticsFastPathTests {
    static let periods: [(String, String)] = [
        ("2026-10-01", "2026-10-31"), ("2026-09-15", "2026-10-20"), ("2026-10-05", "2026-10-05"), ("2026-08-31", "2026-09-30"),
        ("2026-01-01", "2026-12-31"), ("2020-01-01", "2030-12-31"), ("2026-10-13", "2026-10-30"), ("2026-07-01", "2026-11-30"),
        ("2025-12-31", "2027-01-01"), ("2016-11-27", "2026-11-26"),
    ]

    @Test func summaryTablesEqualTheDirectQuery() async throws {
        try await withApp { app in
            try app.store.writeSync { db in try StatisticsFixture(referential: app.context.referential).fill(db) }
            try app.store.readSync { db in
                for (from, to) in Self.periods {
                    for site in [nil, "ccas-cite-municipale", "mds-bastide", "mds-lac"] {
                        let period = try #require(StatisticsPeriod(from: from, to: to, siteID: site))
                        let fast = try StatisticsRepository.tally(db, period), direct = try StatisticsDirectQuery.tally(db, period)
                        #expect(fast == direct, "\(from)…\(to) \(site ?? "tous")")
                    }
                }
                // Not vacuous: October has counts in many dimensions.
                let october = try StatisticsDirectQuery.tally(db, StatisticsPeriod(from: "2026-10-01", to: "2026-10-31", siteID: nil)!)
                #expect(october.count("contacts") == 24)
                #expect(october.keys("delai") == ["4": 6, "14": 2, "3": 3])
            }
        }
    }

    @Test func bookingChangesAndRepeatedOutcomesKeepTheCountersExact() async throws {
        try await withApp { app in
            try app.store.writeSync { db in
                try StatisticsFixture(referential: app.context.referential).fill(db)
                let withSlot = try #require(try db.int("SELECT min(id) FROM orientations WHERE booking_date IS NOT NULL AND status = 'ouverte'"))
                let withoutSlot = try #require(try db.int("SELECT min(id) FROM orientations WHERE booking_date IS NULL"))
                let settled = try #require(try db.int("SELECT min(id) FROM orientations WHERE status = 'honoree'"))
                try OrientationRepository.clearBooking(db, id: Int64(withSlot))
                try OrientationRepository.setBooking(db, id: Int64(withoutSlot), .init(kind: .permanence, date: "2026-10-20", time: "14:00", place: "MDS"))
                // An outcome is recorded once: a second one changes neither the row nor the figures.
                try OrientationRepository.setStatus(db, id: Int64(settled), .notHonoured, accountID: 1, at: StatisticsFixture.time("2026-11-12"))
            }
            try app.store.readSync { db in
                for (from, to) in Self.periods {
                    let period = try #require(StatisticsPeriod(from: from, to: to, siteID: nil))
                    #expect(try StatisticsRepository.tally(db, period) == (try StatisticsDirectQuery.tally(db, period)), "\(from)…\(to)")
                }
                let october = try StatisticsRepository.tally(db, StatisticsPeriod(from: "2026-10-01", to: "2026-10-31", siteID: nil)!)
                #expect(october.keys("delai") == ["4": 5, "14": 2, "3": 3, "8": 1])  // one 4-day slot cancelled, one 8-day slot booked
                #expect(october.count("statut", "honoree") == 6)
            }
        }
    }

    @Test func periodsSplitIntoWholeYearsMonthsAndEdgeDays() throws {
        func split(_ from: String, _ to: String) throws -> [String] {
            try #require(StatisticsPeriod(from: from, to: to, siteID: nil)).segments.map { "\($0.table) \($0.range.lowerBound)…\($0.range.upperBound)" }
        }
        #expect(try split("2026-09-15", "2026-12-10") == ["stat_days 2026-09-15…2026-09-30", "stat_months 2026-10…2026-11", "stat_days 2026-12-01…2026-12-10"])
        #expect(try split("2024-02-01", "2024-02-29") == ["stat_months 2024-02…2024-02"])
        #expect(try split("2026-10-02", "2026-10-30") == ["stat_days 2026-10-02…2026-10-30"])
        #expect(try split("2016-11-27", "2026-11-26") == [
            "stat_days 2016-11-27…2016-11-30", "stat_months 2016-12…2016-12", "stat_years 2017…2025",
            "stat_months 2026-01…2026-10", "stat_days 2026-11-01…2026-11-26"])
        #expect(try split("2024-01-01", "2024-12-31") == ["stat_years 2024…2024"])
        #expect(try split("2023-12-31", "2025-01-01") == ["stat_days 2023-12-31…2023-12-31", "stat_years 2024…2024", "stat_days 2025-01-01…2025-01-01"])
        #expect(StatisticsPeriod(from: "2026-10-02", to: "2026-10-01", siteID: nil) == nil)
        let previous = try #require(StatisticsPeriod(from: "2024-03-01", to: "2024-03-31", siteID: nil)).previous
        #expect(previous.from.description == "2024-02-01", "whole months: the month before")
        #expect(previous.to.description == "2024-02-29")
        let days = try #require(StatisticsPeriod(from: "2024-03-02", to: "2024-03-31", siteID: nil))
        #expect(days.previous.from.description == "2024-02-01" && days.previous.to.description == "2024-03-01", "days: the same length before")
        let quarter = try #require(StatisticsPeriod(from: "2026-01-01", to: "2026-03-31", siteID: nil))
        #expect(quarter.previous.from.description == "2025-10-01" && quarter.previous.to.description == "2025-12-31")
        let widened = try #require(StatisticsPeriod(from: "2026-01-15", to: "2026-11-02", siteID: nil)).wholeMonths
        #expect(widened.from.description == "2026-01-01" && widened.to.description == "2026-11-30" && widened.isWholeMonths)
    }

    @Test func migrationFiveFillsCountersForExistingRows() throws {
        var template = Array("/tmp/accueil-stats-XXXXXX".utf8CString)
        let directory = String(cString: mkdtemp(&template))
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/old.sqlite"
        let referential = try Bootstrap.loadReferential({
            var configuration = AppConfiguration()
            configuration.resourcesDirectory = TestApp.repositoryRoot + "/Resources"
            return configuration
        }())
        // A database of before migration 5, filled with the fixture, then upgraded.
        do {
            let old = try Store(path: path, migrator: Migrator(Schema.migrations.filter { $0.version < 5 }))
            let expected: Tally = try old.writeSync { db in
                try SiteDirectory.seed(db, from: referential)
                try db.run("INSERT INTO accounts (id, login, display_name, institution, password_hash, created_at) VALUES (1, 'a', 'A', 'CCAS', 'x', 0)")
                // Rows in the shape of migration 3 (the repositories already write migration 5's columns).
                try db.run("INSERT INTO intakes (at, site_id, account_id, channel, level, information_only, household, age) VALUES (?, 'ccas-cite-municipale', 1, 'telephone', 2, 0, ?, 70)",
                           [StatisticsFixture.time("2026-10-05"), #"{"date":"2026-10-05","adults":1,"children":[{"birthDate":"2020-01-01","inCharge":true}]}"#])
                try db.run("INSERT INTO intake_motives VALUES (1, 'logement')")
                try db.run("INSERT INTO intakes (at, site_id, account_id, channel, level, information_only) VALUES (?, 'ccas-cite-municipale', 1, 'sur_place', 1, 1)",
                           [StatisticsFixture.time("2026-10-06")])
                try db.run("""
                    INSERT INTO orientations (reference, intake_id, created_at, account_id, service, site_id, reasons, booking_date, status)
                    VALUES ('AC-1', 1, ?, 1, 'MDS', 'mds-bastide', '[]', '2026-10-09', 'honoree')
                    """, [StatisticsFixture.time("2026-10-05")])
                var tally = Tally()
                for (dimension, key, count) in [("contacts", "total", 2), ("canal", "telephone", 1), ("canal", "sur_place", 1), ("information_seule", "total", 1),
                                                ("accueils", "total", 1), ("niveau", "2", 1), ("age", "66+", 1), ("foyer", "monoparental", 1), ("motif", "logement", 1),
                                                ("orientations", "total", 1), ("service", "MDS", 1), ("destination", "mds-bastide", 1), ("statut", "honoree", 1),
                                                ("delai", "4", 1), ("cite_mds", "total", 1)] {
                    tally.add(dimension, key, count)
                }
                return tally
            }
            _ = old
            let upgraded = try Store(path: path, migrator: Schema.migrator)
            let period = StatisticsPeriod(from: "2026-10-01", to: "2026-10-31", siteID: nil)!
            let (fast, direct) = try upgraded.readSync { db in (try StatisticsRepository.tally(db, period), try StatisticsDirectQuery.tally(db, period)) }
            #expect(fast == expected)
            #expect(direct == expected)
        }
    }
}
