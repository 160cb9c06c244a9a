import Foundation
import SQLiteStore
import Synchronization
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// Retention periods and the purge (Annexe 1 §12): preview equals what goes, figures keep their
/// counts, the purge is audited, and the audit trail still cannot be emptied of recent entries.
@Suite(.serialized) struct RetentionTests {
    typealias Seed = PersonSeed

    /// A: last contact 30 months ago (everything due); B: 18 months (household only); C: last week.
    func seed(_ app: TestApp) throws -> (a: Seed, b: Seed, c: Seed) {
        let now = app.now
        return try app.store.writeSync { db in
            let a = try Seed.insert(db, name: "Ancien", at: now - 30 * Seed.month, age: 70)
            let b = try Seed.insert(db, name: "Moyen", at: now - 18 * Seed.month, age: 22)
            let c = try Seed.insert(db, name: "Recent", at: now - 7 * 86_400)
            for age in [now - 30 * Seed.month, now - 13 * Seed.month] {
                try AuditTrail.record(db, at: age, account: 1, .personRead, subjectType: "personne", subjectID: String(a.personID))
            }
            return (a, b, c)
        }
    }

    func count(_ app: TestApp, _ sql: String, _ parameters: [any SQLBindable] = []) throws -> Int {
        try app.store.readSync { db in try db.int(sql, parameters) ?? -1 }
    }

    @Test func previewIsExactlyWhatThePurgeRemovesAndFiguresKeepTheirCounts() async throws {
        try await withApp { app in
            let (a, b, c) = try seed(app)
            let preview = try app.store.readSync { db in try RetentionPurge.preview(db, now: app.now) }
            #expect(preview.persons == [a.personID])
            #expect(preview.households == [a.intakeID, b.intakeID])
            #expect(preview.notes.count == 1)
            #expect(preview.orientations == [a.orientationID])
            #expect(preview.auditEntries == 2)

            // The admin page shows the same counts.
            let admin = try await app.signedIn("admin")
            let page = try await admin.get("/admin/donnees")
            #expect(page.status == 200)
            for (category, expected) in [(RetentionCategory.identity, 1), (.household, 2), (.notes, 1), (.orientations, 1), (.audit, 2)] {
                #expect(page.text.contains("<tr><th scope=\"row\">\(category.label.replacingOccurrences(of: "'", with: "&#39;"))</th><td>\(expected)</td></tr>"), "\(category)")
            }

            let intakesBefore = try count(app, "SELECT count(*) FROM intakes")
            let motivesBefore = try count(app, "SELECT count(*) FROM intake_motives")
            #expect(try await admin.post("/admin/donnees/purge", []).status == 303)

            #expect(try count(app, "SELECT count(*) FROM persons WHERE id = ?", [a.personID]) == 0)
            #expect(try count(app, "SELECT count(*) FROM persons") == 2)
            #expect(try count(app, "SELECT count(*) FROM intakes") == intakesBefore)
            #expect(try count(app, "SELECT count(*) FROM intake_motives") == motivesBefore)
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT * FROM intakes WHERE id = ?", [a.intakeID]) })
            #expect(row.int64("person_id") == nil)
            #expect(row.string("household") == nil && row.string("language") == nil && row.bool("interpreter_needed") == false && row.string("accessibility_needs") == nil)
            #expect(row.int("age") == 66, "70 becomes the 66+ bracket")
            #expect(row.string("site_id") == "ccas-cite-municipale")
            let middle = try #require(try app.store.readSync { db in try db.queryOne("SELECT * FROM intakes WHERE id = ?", [b.intakeID]) })
            #expect(middle.int64("person_id") == b.personID, "B keeps its identity for 6 more months")
            #expect(middle.string("household") == nil && middle.int("age") == 18)
            #expect(try count(app, "SELECT count(*) FROM intake_notes WHERE intake_id = ?", [a.intakeID]) == 0)
            #expect(try count(app, "SELECT count(*) FROM intake_notes WHERE intake_id = ?", [b.intakeID]) == 1)
            let orientation = try #require(try app.store.readSync { db in try db.queryOne("SELECT * FROM orientations WHERE id = ?", [a.orientationID]) })
            #expect(orientation.int64("person_id") == nil && orientation.string("derogation_justification") == nil)
            #expect(orientation.string("service") == "MDS" && orientation.string("status") == "honoree" && orientation.int("is_derogation") == 1)
            #expect(try count(app, "SELECT count(*) FROM orientations") == 3)
            let recent = try #require(try app.store.readSync { db in try db.queryOne("SELECT * FROM intakes WHERE id = ?", [c.intakeID]) })
            #expect(recent.string("household") != nil && recent.int("age") == 34)
            #expect(try count(app, "SELECT count(*) FROM audit_log WHERE at < ?", [app.now - 12 * Seed.month]) == 0)
            let audited = try app.store.readSync { db in try db.string("SELECT detail FROM audit_log WHERE action = 'conservation.purge'") }
            #expect(audited == "identite=1,foyer=2,notes=1,orientations=1,journal=2")

            // Nothing left to do: a second run plans nothing.
            #expect(try app.store.readSync { db in try RetentionPurge.preview(db, now: app.now) }.isEmpty)
        }
    }

    @Test func bookingsGoWithThePurgedPersonAndBlockErasureWhileUpcoming() async throws {
        try await withApp { app in
            let (a, _, c) = try seed(app)
            try app.store.writeSync { db in
                try db.run("INSERT INTO social_workers (id, display_name, institution) VALUES ('ts1', 'TS', 'ccas')")
                try db.run("""
                    INSERT INTO permanences (id, host_site_id, sending_institution, weekday, half_day, start_time, end_time, recurrence,
                                             valid_from, titulaire_id, mode, capacity, updated_at)
                    VALUES ('p1', 'mds-bastide', 'ccas', 1, 'afternoon', '14:00', '17:00', '{}', '2020-01-01', 'ts1', 'rendez_vous', 1, 0)
                    """)
                for (person, day) in [(a.personID, "2024-05-06"), (c.personID, "2099-01-05")] {
                    try db.run("""
                        INSERT INTO bookings (occurrence_id, permanence_id, occurrence_date, slot_start, place, person_id, created_at)
                        VALUES (?, 'p1', ?, '14:00', 1, ?, 0)
                        """, ["p1-\(day)", day, person])
                }
            }
            #expect(throws: Never.self) { try app.store.writeSync { db in try RetentionPurge.run(db, now: app.now, account: nil) } }
            #expect(try count(app, "SELECT count(*) FROM bookings WHERE person_id = ?", [a.personID]) == 0)
            // C's booking is upcoming: erasure waits (the orientation is closed, the booking is not).
            #expect(throws: PersonErasure.Refusal.openOrientation) {
                try app.store.writeSync { db in try PersonErasure.erase(db, personID: c.personID, account: 1, at: app.now) }
            }
        }
    }

    /// Deleting a person makes SQLite look up every child row: unindexed, a first purge of 110,000 files
    /// took over ten minutes; indexed, 2 s.
    @Test func everyForeignKeyToPersonsIsIndexedSoThePurgeScales() async throws {
        try await withApp { app in
            let children = try app.store.readSync { db in
                try db.query("SELECT m.name AS tbl, f.\"from\" AS col FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.\"table\" = 'persons'")
                    .map { ($0.string("tbl") ?? "", $0.string("col") ?? "") }
            }
            #expect(children.count >= 4)
            for (table, column) in children {
                let plan = try app.store.readSync { db in
                    try db.query("EXPLAIN QUERY PLAN SELECT 1 FROM \(table) WHERE \(column) = 1").compactMap { $0.string("detail") }.joined(separator: " ")
                }
                #expect(plan.contains("USING") && plan.contains("INDEX"), "\(table).\(column): \(plan)")
            }
        }
    }

    @Test func theApplicationStillCannotDeleteRecentAuditEntries() async throws {
        try await withApp { app in
            _ = try seed(app)
            let realNow = Int64(Date().timeIntervalSince1970)
            try app.store.writeSync { db in try AuditTrail.record(db, at: realNow, account: 1, .personRead) }
            // Without the purge window: nothing, not even old entries.
            #expect(throws: SQLiteError.self) { try app.store.writeSync { db in try db.run("DELETE FROM audit_log WHERE at < ?", [app.now - 24 * Seed.month]) } }
            #expect(throws: SQLiteError.self) { try app.store.writeSync { db in try db.run("UPDATE audit_log SET detail = 'x'") } }
            // A window opened "up to now" still refuses entries younger than 183 days by the database's clock.
            #expect(throws: SQLiteError.self) {
                try app.store.writeSync { db in
                    try db.run("INSERT INTO audit_purge_window (id, before) VALUES (1, ?)", [realNow + 1000])
                    try db.run("DELETE FROM audit_log WHERE at >= ?", [realNow - 86_400])
                }
            }
            #expect(try count(app, "SELECT count(*) FROM audit_log WHERE at = ?", [realNow]) == 1)
            #expect(try count(app, "SELECT count(*) FROM audit_purge_window") == 0, "the failed transaction left no window open")
            // Even a retention setting of one month keeps six months of trail.
            try app.store.writeSync { db in
                try db.run("UPDATE retention_settings SET months = 1")
                try AuditTrail.record(db, at: realNow - 2 * Seed.month, account: 1, .personRead)
            }
            // The purge cuts the audit chain before its first entry still in the window: this entry, recorded
            // last, stays (and were an older one inside the six months, the trigger would refuse the cut).
            try app.store.writeSync { db in _ = try RetentionPurge.run(db, now: realNow, account: nil) }
            #expect(try count(app, "SELECT count(*) FROM audit_log WHERE at = ?", [realNow - 2 * Seed.month]) == 1)
            #expect(try app.store.readSync { db in try AuditChain.verify(db, anchors: []) }.failure == nil, "the chain holds after the cut")
        }
    }

    @Test func settingsAreValidatedSavedAndAudited() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/donnees")
            let values = [("identite", "24"), ("foyer", "36"), ("notes", "24"), ("orientations", "24"), ("journal", "3")]
            let refused = try await admin.post("/admin/donnees", values)
            #expect(refused.status == 422)
            #expect(refused.text.contains("ne peut pas dépasser celle de l&#39;identité"))
            #expect(refused.text.contains("entre 6 et 120 mois"))
            let saved = try await admin.post("/admin/donnees", [("identite", "36"), ("foyer", "6"), ("notes", "12"), ("orientations", "36"), ("journal", "12")])
            #expect(saved.status == 303)
            let settings = try app.store.readSync { db in try RetentionSettings.load(db) }
            #expect(settings[.identity] == 36 && settings[.household] == 6 && settings[.notes] == 12)
            #expect(try app.store.readSync { db in try db.string("SELECT detail FROM audit_log WHERE action = 'conservation.modifiee'") }
                    == "identite=36,foyer=6,notes=12,orientations=36,journal=12")
        }
    }

    @Test func theDailyTimerRunsThePurgeWithItsClock() async throws {
        try await withApp { app in
            _ = try seed(app)
            let runs = Mutex<[PurgePlan]>([])
            let future = app.now + 10 * 12 * Seed.month
            let scheduler = PurgeScheduler(store: app.store, clock: { future }, firstRun: .milliseconds(10), interval: .seconds(3600)) { plan in
                runs.withLock { $0.append(plan) }
            }
            defer { scheduler.cancel() }
            for _ in 0..<200 where runs.withLock({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(10)) }
            let plan = try #require(runs.withLock { $0.first })
            #expect(plan.persons.count == 3)
            #expect(try count(app, "SELECT count(*) FROM persons") == 0)
            #expect(try count(app, "SELECT count(*) FROM audit_log WHERE action = 'conservation.purge' AND account_id IS NULL") == 1)
        }
    }
}
