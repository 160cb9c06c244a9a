import SQLiteStore
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

@Suite(.serialized) struct AuditTests {
    @Test func theAuditTableCannotBeUpdatedOrDeleted() async throws {
        try await withApp { app in
            _ = try await app.signedIn("admin")
            #expect(try app.auditCount(.loginSucceeded) == 1)
            #expect(throws: SQLiteError.self) { try app.store.writeSync { db in try db.run("UPDATE audit_log SET action = 'x'") } }
            #expect(throws: SQLiteError.self) { try app.store.writeSync { db in try db.run("DELETE FROM audit_log") } }
            #expect(try app.auditCount(.loginSucceeded) == 1)
        }
    }

    @Test func roleChangesAreAuditedWithoutPersonalData() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            let agentID = try #require(try app.store.readSync { db in try db.int("SELECT id FROM accounts WHERE login = 'agent'") })
            try await admin.get("/admin/comptes/\(agentID)")
            let response = try await admin.post("/admin/comptes/\(agentID)", [("nom", "Alice Martin"), ("institution", "CCAS"),
                                                                              ("roles", "agent"), ("roles", "travailleur_social"), ("sites", "ccas-cite-municipale")])
            #expect(response.status == 303)
            let detail = try app.store.readSync { db in try db.string("SELECT detail FROM audit_log WHERE action = ?", [AuditAction.accountRolesChanged.rawValue]) }
            #expect(detail == "roles=agent,travailleur_social;sites=ccas-cite-municipale")
            let page = try await admin.get("/admin/journal?compte=admin")
            #expect(page.status == 200)
            #expect(page.text.contains("Rôles ou sites modifiés"))
        }
    }

    @Test func personHistoryExportsAsCSVAndIsItselfAudited() async throws {
        try await withApp { app in
            try app.store.writeSync { db in
                try AuditTrail.record(db, at: app.now, account: 1, .personRead, subjectType: "personne", subjectID: "42")
                try AuditTrail.record(db, at: app.now, account: 2, .personUpdated, subjectType: "personne", subjectID: "42", detail: "telephone")
                try AuditTrail.record(db, at: app.now, account: 2, .personRead, subjectType: "personne", subjectID: "43")
            }
            let admin = try await app.signedIn("admin")
            let csv = try await admin.get("/admin/journal/export.csv?personne=42")
            #expect(csv.status == 200)
            #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n")
            // Header, the two events of person 42, and the export itself (the person's history includes it).
            #expect(lines.count == 4)
            #expect(csv.body.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(lines[1].contains("Dossier consulté"))
            #expect(lines[3].contains("Journal exporté"))
            #expect(!csv.text.contains(";43;"))
            #expect(try app.auditCount(.auditExported) == 1)
        }
    }
}

/// Unexpected errors are logged by route shape: a path parameter may be a secret (a calendar link's token).
@Suite struct InternalErrorLogTests {
    @Test func pathParametersAreLoggedByName() {
        #expect(InternalErrorLog.routeShape("/agenda/Zx9-secret.ics", parameters: ["file": "Zx9-secret.ics"]) == "/agenda/:file")
        #expect(InternalErrorLog.routeShape("/personnes/12/donnees", parameters: ["id": "12"]) == "/personnes/:id/donnees")
        #expect(InternalErrorLog.routeShape("/inconnue", parameters: [:]) == "/inconnue")
    }
}
