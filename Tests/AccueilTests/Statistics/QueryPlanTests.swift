import Testing
import SQLiteStore
@testable import AccueilCore
@testable import AccueilWeb

/// The queries that must stay fast at ten years of data use their index (a plan change would only
/// show as slowness at scale, so it is checked here).
@Suite struct QueryPlanTests {
    func plan(_ db: Connection, _ sql: String, _ parameters: [any SQLBindable]) throws -> String {
        try db.query("EXPLAIN QUERY PLAN " + sql, parameters).compactMap { $0.string("detail") }.joined(separator: " / ")
    }

    @Test func hotQueriesUseTheirIndexes() async throws {
        try await withApp { app in
            try app.store.readSync { db in
                let byIntake = try plan(db, "SELECT * FROM orientations WHERE intake_id = ? ORDER BY id", [1])
                #expect(byIntake.contains("orientations_by_intake"), "\(byIntake)")
                let overdue = try plan(db, """
                    SELECT count(*) FROM orientations WHERE status = 'ouverte' AND day BETWEEN ? AND ?
                    AND (? IS NULL OR reception_site_id = ?) AND coalesce(booking_date, day) < ?
                    """, ["2016-01-01", "2026-12-31", nil as String?, nil as String?, "2026-11-11"])
                #expect(overdue.contains("COVERING INDEX orientations_open_by_day"), "\(overdue)")
                for table in ["stat_days", "stat_months", "stat_years"] {
                    let counters = try plan(db, "SELECT dimension, key, sum(count) FROM \(table) WHERE site_id = ? AND period BETWEEN ? AND ? GROUP BY dimension, key",
                                            ["*", "2016", "2026"])
                    #expect(counters.contains("USING PRIMARY KEY (site_id=? AND period>? AND period<?)"), "\(counters)")
                }
                // Ten years of permanence receptions are read from the covering index, never from the rows.
                let window: [any SQLBindable] = ["2016-01-01", "2026-12-31", nil as String?, nil as String?]
                for condition in [ReceptionCounters.Kind.mdsAtCite.condition, PermanenceFigures.ccasInMDSWithoutMinorChildren, PermanenceFigures.ccas] {
                    let people = try plan(db, PermanenceFigures.peopleSQL(condition), window)
                    #expect(people.contains("COVERING INDEX permanence_receptions_by_day"), "\(people)")
                }
                let names = try plan(db, "SELECT * FROM persons WHERE name_key >= ? AND name_key < ? AND merged_into IS NULL ORDER BY name_key, birth_date LIMIT 8",
                                     ["dur", "dur\u{10FFFF}"])
                #expect(names.contains("persons_by_name"), "\(names)")
            }
        }
    }
}
