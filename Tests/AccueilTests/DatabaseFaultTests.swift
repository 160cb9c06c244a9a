import Foundation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// Faults injected into the live database under a running app: read-only, full, locked. The person
/// gets a French page that says nothing was saved, nothing is half-written, and reads keep working.
@Suite(.serialized) struct DatabaseFaultTests {
    typealias Counts = [Int]

    func counts(_ app: TestApp) throws -> Counts {
        try app.store.readSync { db in
            try ["persons", "intakes", "intake_motives", "intake_notes", "audit_log"].map { try db.int("SELECT count(*) FROM \($0)") ?? -1 }
        }
    }

    func postIntake(_ browser: Browser, name: String, note: String = "") async throws -> Int {
        try await browser.get("/accueils/nouveau")
        return try await browser.post("/accueils", IntakeJourneyTests.family([("nom", name), ("note", note)])).status
    }

    @Test func aReadOnlyDatabaseRefusesWritesClearlyAndKeepsServingReads() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let before = try counts(app)
            // query_only makes SQLite answer SQLITE_READONLY to every write, as a read-only mount would.
            try app.store.maintenanceSync { db in try db.execute("PRAGMA query_only = ON") }
            try await agent.get("/accueils/nouveau")
            let refused = try await agent.post("/accueils", IntakeJourneyTests.family())
            #expect(refused.status == 503)
            #expect(refused.header("Retry-After") == "300")
            #expect(refused.text.contains("lecture seule") && refused.text.contains("pas été enregistrée"))
            #expect(refused.header("Content-Security-Policy") != nil, "error pages keep the security headers")
            #expect(try counts(app) == before, "nothing half-written")
            // Pages that only read keep working (the intake form itself audits, so it is a write).
            for page in ["/", "/planning", "/donnees-personnelles"] {
                #expect(try await agent.get(page).status == 200, "\(page)")
            }
            // Back to normal without a restart.
            try app.store.maintenanceSync { db in try db.execute("PRAGMA query_only = OFF") }
            #expect(try await postIntake(agent, name: "Durand") == 303)
        }
    }

    @Test func aFullDiskRefusesWritesClearlyAndLeavesNothingHalfWritten() async throws {
        try await withApp { app in
            // A social worker: only their notes are saved, and a long note needs new pages.
            let agent = try await app.signedIn("ts.ccas")
            let before = try counts(app)
            try app.store.writeSync { db in
                let pages = try db.int("PRAGMA page_count") ?? 0
                _ = try db.query("PRAGMA max_page_count = \(pages)")
            }
            // A long note needs new pages: the database cannot grow, as on a full disk.
            let status = try await postIntake(agent, name: "Durand", note: String(repeating: "é", count: 3900))
            #expect(status == 503)
            let page = try await agent.post("/accueils", IntakeJourneyTests.family([("note", String(repeating: "é", count: 3900))]))
            #expect(page.text.contains("Le disque du serveur est plein"))
            #expect(try counts(app) == before)
            #expect(try await agent.get("/planning").status == 200)
        }
    }

    @Test func aLockedDatabaseMakesWritesWaitThenFailWithAFrench503() async throws {
        try await withApp(busyTimeout: .milliseconds(600)) { app in
            let agent = try await app.signedIn("agent")
            let before = try counts(app)
            let blocker = try Connection(path: app.directory + "/test.sqlite", busyTimeout: .milliseconds(10))
            try blocker.execute("BEGIN IMMEDIATE")

            // Held longer than the busy timeout: the request waits, then gets a clear 503.
            try await agent.get("/planning")
            let started = ContinuousClock.now
            let refused = try await agent.post("/accueils", IntakeJourneyTests.family())
            let waited = ContinuousClock.now - started
            #expect(refused.status == 503)
            #expect(refused.text.contains("occupée") && refused.text.contains("pas été enregistrée"))
            #expect(refused.header("Retry-After") == "5")
            #expect(waited >= .milliseconds(550), "the write waited for the lock (\(waited))")
            #expect(waited < .seconds(5))
            #expect(try counts(app) == before)
            #expect(try await agent.get("/planning").status == 200, "reads are not blocked by a writer in WAL mode")

            // Released within the busy timeout: the same request just waits and succeeds.
            try await agent.get("/planning")
            async let saved = agent.post("/accueils", IntakeJourneyTests.family([("nom", "Patient")]))
            try await Task.sleep(for: .milliseconds(250))
            try blocker.execute("COMMIT")
            #expect(try await saved.status == 303)
        }
    }
}
