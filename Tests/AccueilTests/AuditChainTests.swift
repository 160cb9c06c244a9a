import Foundation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// The audit trail as a hash chain: every way of tampering with the file is caught — an edited row,
/// a deleted row, rows cut from the end, and a complete rewrite with the chain recomputed (caught by
/// the anchors written outside the database); the retention purge cuts the chain at a checkpoint.
@Suite(.serialized) struct AuditChainTests {
    /// What someone with write access to the file could do: lift the trigger and rewrite every row,
    /// recomputing every link so that the chain holds by itself.
    static func rewriteEverything(_ db: Connection, detail: String) throws {
        try db.execute("DROP TRIGGER IF EXISTS audit_log_is_append_only_update")
        let start = try AuditChain.checkpoint(db)
        var previous = start.link
        for row in try db.query("SELECT * FROM audit_log ORDER BY id") {
            guard let id = row.int64("id") else { continue }
            try db.run("UPDATE audit_log SET detail = ? WHERE id = ?", [detail, id])
            let link = AuditChain.link(previous: previous, row: try #require(try db.queryOne("SELECT * FROM audit_log WHERE id = ?", [id])))
            try db.run("UPDATE audit_log SET detail = ?, chain = ? WHERE id = ?", [detail, link, id])
            previous = link
        }
    }

    /// A few audited actions through the application.
    func activity(_ app: TestApp) async throws {
        let agent = try await app.signedIn("agent")
        try await agent.get("/accueils/nouveau")
        #expect(try await agent.post("/accueils", IntakeJourneyTests.family()).status == 303)
        _ = try await app.signedIn("admin")
    }

    func verify(_ app: TestApp, _ anchors: [AuditChain.Anchor] = []) throws -> AuditChain.Verification {
        try app.store.readSync { db in try AuditChain.verify(db, anchors: anchors) }
    }

    /// What `AuditAnchorLog` writes to the server's log at this moment: the chain's start and head.
    func logged(_ app: TestApp) throws -> [AuditChain.Anchor] {
        let lines = try app.store.readSync { db in [try AuditChain.start(db).line, try AuditChain.head(db).line] }
        return AuditChain.anchors(inLog: "2026-12-05T10:00:00Z accueil[12]: " + lines.joined(separator: "\nautre ligne\n"))
    }

    @Test func theChainHoldsAndEveryTamperingIsCaught() async throws {
        try await withApp { app in
            try await activity(app)
            let intact = try verify(app)
            #expect(intact.failure == nil && intact.entries >= 4)
            let anchor = try #require(intact.head)
            #expect(try verify(app, [anchor]).anchorsChecked == 1)

            // An edited row (the trigger lifted first, as only someone with the file could).
            let middle = anchor.id - 1
            try app.store.writeSync { db in
                try db.execute("DROP TRIGGER audit_log_is_append_only_update")
                try db.run("UPDATE audit_log SET detail = 'rien' WHERE id = ?", [middle])
            }
            #expect(try verify(app).failure == "Entrée n° \(middle) modifiée, insérée ou déplacée : son maillon ne correspond pas au précédent.")

            // Rewritten entirely, links recomputed: holds by itself, the anchor from the log says otherwise.
            try app.store.writeSync { db in try Self.rewriteEverything(db, detail: "effacé") }
            #expect(try verify(app).failure == nil)
            #expect(try verify(app, [anchor]).failure?.contains("ne correspond pas à la chaîne : elle a été réécrite") == true)
        }
    }

    @Test func deletedRowsAreCaught() async throws {
        try await withApp { app in
            try await activity(app)
            let head = try #require(try verify(app).head)
            try app.store.writeSync { db in
                try db.execute("DROP TRIGGER audit_log_delete_only_expired")
                try db.run("DELETE FROM audit_log WHERE id = ?", [head.id - 2])
            }
            #expect(try verify(app).failure == "Entrées n° \(head.id - 2) à \(head.id - 2) manquantes (suppression), ou entrée n° \(head.id - 1) modifiée : son maillon ne correspond pas au précédent.")
            // The latest rows cut off: the chain that remains holds, the anchor is past its end.
            try app.store.writeSync { db in try db.run("DELETE FROM audit_log WHERE id >= ?", [head.id - 2]) }
            #expect(try verify(app).failure == nil)
            #expect(try verify(app, [head]).failure?.contains("dépasse la fin de la chaîne") == true)
        }
    }

    @Test func thePurgeCutsTheChainAtACheckpoint() async throws {
        try await withApp { app in
            // Entries recorded long ago (the triggers compare with the real clock: older than six months), then today's.
            let old = Int64(Date().timeIntervalSince1970) - 400 * 86_400
            try app.store.writeSync { db in
                for _ in 0..<3 { try AuditTrail.record(db, at: old, account: 1, .personRead) }
            }
            let anchorOfTheOld = try #require(try verify(app).head)
            try await activity(app)
            let anchorOfToday = try #require(try verify(app).head)
            // Only a prefix of the chain goes: the old entries, cut at a checkpoint that keeps their last link.
            try app.store.writeSync { db in _ = try RetentionPurge.run(db, now: Int64(Date().timeIntervalSince1970), account: nil) }
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM audit_log WHERE at = ?", [old]) } == 0)
            #expect(try app.store.readSync { db in try db.int("SELECT removed FROM audit_checkpoints ORDER BY id DESC LIMIT 1") } == 3)
            // The log holds the anchors of before and what the purge wrote after it (its new checkpoint).
            let log = [anchorOfTheOld, anchorOfToday] + (try logged(app))
            let after = try verify(app, log)
            #expect(after.failure == nil && after.anchorsChecked == 3, "\(after.failure ?? "")")
            // Without the purge's line, the anchor older than the new start is not vouched for.
            #expect(try verify(app, [anchorOfTheOld, anchorOfToday]).failure?.contains("n'a jamais été écrit au journal du serveur") == true)
            // The checkpoints themselves cannot be changed or removed through SQL.
            #expect(throws: SQLiteError.self) { try app.store.writeSync { db in try db.run("UPDATE audit_checkpoints SET last_removed_id = 0") } }
            #expect(throws: SQLiteError.self) { try app.store.writeSync { db in try db.run("DELETE FROM audit_checkpoints") } }
        }
    }

    /// Someone with the file empties the trail and forges a checkpoint at the head, so that the chain
    /// « starts » where the log's last anchor is: the checkpoint the log saw says otherwise.
    @Test func aForgedCheckpointIsCaught() async throws {
        try await withApp { app in
            try await activity(app)
            let log = try logged(app)
            #expect(try verify(app, log).failure == nil)
            let head = try #require(log.last)
            try app.store.writeSync { db in
                try db.execute("""
                    DROP TRIGGER audit_log_delete_only_expired; DROP TRIGGER audit_checkpoints_are_append_only_delete;
                    DELETE FROM audit_log; DELETE FROM audit_checkpoints;
                    """)
                try db.run("INSERT INTO audit_checkpoints (at, last_removed_id, last_removed_link, removed) VALUES (0, ?, ?, 0)", [head.id, head.hash])
            }
            #expect(try verify(app).failure == nil)
            #expect(try verify(app, log).failure?.contains("Le point de départ n° \(head.id) n'a jamais été écrit au journal du serveur") == true)
        }
    }

    /// Before the chain existed the purge removed rows by date, which could leave holes in the ids:
    /// the migration chains across them, and the verification accepts them since every link holds.
    @Test func holesLeftBeforeTheChainAreAccepted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chain-\(UInt64.random(in: 0...UInt64.max)).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try Connection(path: path)
        try Migrator(Schema.migrations.filter { $0.version < 14 }).migrate(db)
        let old = Int64(Date().timeIntervalSince1970) - 400 * 86_400
        for id in 1...5 { try db.run("INSERT INTO audit_log (id, at, action) VALUES (?, ?, 'personRead')", [id, old + Int64(id)]) }
        try db.execute("INSERT INTO audit_purge_window (id, before) VALUES (1, unixepoch()); DELETE FROM audit_log WHERE id IN (2, 4); DELETE FROM audit_purge_window")
        try Schema.migrator.migrate(db)
        try AuditChain.append(db, at: old + 10, account: nil, action: "personRead", subjectType: nil, subjectID: nil, detail: nil)
        let result = try AuditChain.verify(db, anchors: [])
        #expect(result.failure == nil && result.entries == 4 && result.head?.id == 6)
        // A row removed after the chain exists is still caught.
        try db.execute("DROP TRIGGER audit_log_delete_only_expired; DELETE FROM audit_log WHERE id = 5")
        #expect(try AuditChain.verify(db, anchors: []).failure?.hasPrefix("Entrées n° 4 à 5 manquantes") == true)
    }
}
