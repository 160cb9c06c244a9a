import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

@Suite(.serialized) struct CSRFTests {
    static let newAccount = [("identifiant", "csrf.victime"), ("nom", "Compte Piégé"), ("institution", "CCAS"), ("roles", "administrateur"), ("sites", "ccas-cite-municipale")]

    func accountExists(_ app: TestApp) throws -> Bool {
        try app.store.readSync { db in try db.int("SELECT count(*) FROM accounts WHERE login = 'csrf.victime'") } == 1
    }

    @Test func formPostWithoutTokenIsRefusedAndChangesNothing() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            let before = try app.auditCount()
            let response = try await admin.post("/admin/comptes", Self.newAccount, csrf: .some(nil))
            #expect(response.status == 403)
            #expect(response.text.contains("Le formulaire a expiré"))
            #expect(try !accountExists(app))
            #expect(try app.auditCount() == before)
        }
    }

    @Test func formPostWithAWrongTokenIsRefused() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            let other = try await app.signedIn("admin")
            try await other.get("/admin/comptes")
            // A valid token, but of another session.
            let response = try await admin.post("/admin/comptes", Self.newAccount, csrf: .some(other.lastCSRF))
            #expect(response.status == 403)
            #expect(try !accountExists(app))
        }
    }

    @Test func foreignOriginIsRefusedEvenWithTheToken() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/comptes")
            let response = try await admin.post("/admin/comptes", Self.newAccount, headers: ["Origin": "https://evil.example"])
            #expect(response.status == 403)
            #expect(try !accountExists(app))
            let ok = try await admin.post("/admin/comptes", Self.newAccount, headers: ["Origin": "http://\(admin.host)"])
            #expect(ok.status == 200)
            #expect(try accountExists(app))
        }
    }

    @Test func loginFormNeedsItsDoubleSubmitToken() async throws {
        try await withApp { app in
            let browser = app.browser()
            try await browser.get("/connexion")
            let response = try await browser.post("/connexion", [("identifiant", "admin"), ("mot_de_passe", "demo-administrateur-comptes")], csrf: .some("forged-token-forged-token-forged-token-12"))
            #expect(response.status == 403)
            #expect(try app.auditCount(.loginSucceeded) == 0)
        }
    }
}

extension CSRFTests {
    @Test func originNullIsDecidedByTheTokenAlone() async throws {
        try await withApp { app in
            let browser = app.browser()
            try await browser.get("/connexion")
            let ok = try await browser.post("/connexion", [("identifiant", "admin"), ("mot_de_passe", "demo-administrateur-comptes")], headers: ["Origin": "null"])
            #expect(ok.status == 303)
            let forged = app.browser()
            try await forged.get("/connexion")
            let refused = try await forged.post("/connexion", [("identifiant", "admin"), ("mot_de_passe", "demo-administrateur-comptes")], csrf: .some(nil), headers: ["Origin": "null"])
            #expect(refused.status == 403)
        }
    }
}
