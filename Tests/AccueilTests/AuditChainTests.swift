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
            let link = AuditChain.link(previous: previous, id: id, at: row.int64("at") ?? 0, account: row.int64("account_id"),
                                       action: row.string("action") ?? "", subjectType: row.string("subject_type"), subjectID: row.string("subject_id"),
                                       detail: detail)
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
            #expect(try verify(app).failure == "Entrées n° \(head.id - 2) à \(head.id - 2) manquantes (suppression).")
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
            let after = try verify(app, [anchorOfTheOld, anchorOfToday])
            #expect(after.failure == nil && after.anchorsChecked == 2, "\(after.failure ?? "")")
        }
    }
}
