import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

@Suite(.serialized) struct SitesAdminTests {
    func site(_ app: TestApp, _ id: String = "mds-bastide") throws -> DirectorySite {
        try #require(try app.store.readSync { db in try SiteDirectory.find(db, id: id) })
    }

    /// The form as the edit page would post it, with some fields replaced.
    func fields(_ site: DirectorySite, _ changes: [String: String] = [:]) -> [(String, String)] {
        let current = ["nom": site.name, "adresse": site.address ?? "", "telephone": site.phone ?? "",
                       "horaires": site.openingHours ?? "", "accessibilite": site.accessibility ?? ""]
        return ["nom", "adresse", "telephone", "horaires", "accessibilite"].map { ($0, changes[$0] ?? current[$0]!) }
    }

    func referentialAudit(_ app: TestApp) throws -> [AuditEntry] {
        try app.store.readSync { db in
            var filter = AuditTrail.Filter()
            filter.action = AuditAction.referentialChanged.rawValue
            return try AuditTrail.entries(db, filter)
        }
    }

    @Test func theListShowsEverySiteWithItsPracticalDetails() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            let page = try await admin.get("/admin/sites")
            #expect(page.status == 200)
            #expect(page.text.contains("<a href=\"/admin/sites\" aria-current=\"page\">Sites et partenaires</a>"))
            let count = try app.store.readSync { db in try SiteDirectory.all(db).count }
            #expect(count == app.context.referential.sites.count)
            #expect(page.text.contains("<caption>\(count) sites</caption>"))
            #expect(page.text.contains("MDS Bastide"))
            #expect(page.text.contains("4 rue Claude Bonnier"))
            // The former MDS Saint-Augustin closed on 2023-12-31.
            #expect(page.text.contains("Du 01/10/2022 au 31/12/2023 <strong>(fermé)</strong>"))
        }
    }

    @Test func anAdministratorEditsThePhoneAndOnlyTheFieldNameIsAudited() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            let before = try site(app)
            #expect(before.phone == nil)
            let form = try await admin.get("/admin/sites/mds-bastide")
            #expect(form.status == 200)
            #expect(form.text.contains("name=\"telephone\""))
            let response = try await admin.post("/admin/sites/mds-bastide", fields(before, ["telephone": "05 56 12 34 56"]))
            #expect(response.status == 303)
            #expect(response.header("Location") == "/admin/sites?info=modifie")

            let after = try site(app)
            #expect(after.phone == "05 56 12 34 56")
            #expect(after.name == before.name && after.address == before.address && after.openingHours == before.openingHours)
            let entries = try referentialAudit(app)
            #expect(entries.count == 1)
            #expect(entries.first?.subjectType == "site")
            #expect(entries.first?.subjectID == "mds-bastide")
            #expect(entries.first?.detail == "telephone")
            #expect(entries.first?.accountLogin == "admin")

            let list = try await admin.get("/admin/sites?info=modifie")
            #expect(list.text.contains("La fiche du site a été enregistrée."))
            #expect(list.text.contains("05 56 12 34 56"))
        }
    }

    @Test func savingWithoutChangeWritesNoAuditRow() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/sites/mds-bastide")
            let response = try await admin.post("/admin/sites/mds-bastide", fields(try site(app)))
            #expect(response.header("Location") == "/admin/sites?info=inchange")
            #expect(try referentialAudit(app).isEmpty)
        }
    }

    @Test func textareaLineBreaksAreStoredAsNewlinesSoResavingChangesNothing() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/sites/mds-bastide")
            let hours = "Lundi–vendredi 9 h–12 h\r\nAprès-midi sur rendez-vous"
            #expect(try await admin.post("/admin/sites/mds-bastide", fields(try site(app), ["horaires": hours])).status == 303)
            #expect(try site(app).openingHours == "Lundi–vendredi 9 h–12 h\nAprès-midi sur rendez-vous")
            try await admin.get("/admin/sites/mds-bastide")
            let again = try await admin.post("/admin/sites/mds-bastide", fields(try site(app), ["horaires": hours]))
            #expect(again.header("Location") == "/admin/sites?info=inchange")
            #expect(try referentialAudit(app).map(\.detail) == ["horaires"])
            #expect(try await admin.get("/admin/sites").text.contains("Lundi–vendredi 9 h–12 h<br>Après-midi sur rendez-vous"))
        }
    }

    @Test func anAgentCanNeitherSeeNorEditTheDirectory() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/")
            #expect(try await agent.get("/admin/sites").status == 403)
            #expect(try await agent.get("/admin/sites/mds-bastide").status == 403)
            let response = try await agent.post("/admin/sites/mds-bastide", fields(try site(app), ["telephone": "05 56 12 34 56"]))
            #expect(response.status == 403)
            #expect(try site(app).phone == nil)
            #expect(try referentialAudit(app).isEmpty)
            #expect(!(try await agent.get("/").text.contains("Sites et partenaires")))
        }
    }

    @Test func aTooLongValueIsRefusedInFrenchAndNothingIsSaved() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/sites/mds-bastide")
            let before = try site(app)
            let tooLong = String(repeating: "05 ", count: 11)  // 32 characters once trimmed
            let response = try await admin.post("/admin/sites/mds-bastide", fields(before, ["telephone": tooLong, "adresse": "Nouvelle adresse"]))
            #expect(response.status == 422)
            #expect(response.text.contains("Le champ « Téléphone » ne doit pas dépasser 30 caractères (32 saisis)."))
            #expect(response.text.contains("aria-invalid=\"true\""))
            // The form keeps what was typed, so nothing is lost while correcting.
            #expect(response.text.contains("value=\"Nouvelle adresse\""))
            #expect(try site(app) == before)
            #expect(try referentialAudit(app).isEmpty)
        }
    }

    @Test(arguments: [
        ("nom", "", "Le nom du site est obligatoire."),
        ("nom", String(repeating: "a", count: 121), "ne doit pas dépasser 120 caractères"),
        ("telephone", "voir à l'accueil", "Le téléphone ne peut contenir que des chiffres"),
        ("adresse", "1 rue A\nBordeaux", "doit tenir sur une ligne"),
        ("accessibilite", String(repeating: "é", count: 501), "ne doit pas dépasser 500 caractères"),
    ])
    func invalidValuesAreRefused(_ field: String, _ value: String, _ message: String) async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/sites/mds-bastide")
            let before = try site(app)
            let response = try await admin.post("/admin/sites/mds-bastide", fields(before, [field: value]))
            #expect(response.status == 422)
            #expect(response.text.contains(message))
            #expect(try site(app) == before)
        }
    }

    @Test func markupInAValueIsShownAsText() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/sites/mds-bastide")
            #expect(try await admin.post("/admin/sites/mds-bastide", fields(try site(app), ["adresse": "<script>alert(1)</script>"])).status == 303)
            let list = try await admin.get("/admin/sites")
            #expect(!list.text.contains("<script>alert(1)"))
            #expect(list.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test func anUnknownSiteIs404() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/")
            #expect(try await admin.get("/admin/sites/atlantis").status == 404)
            #expect(try await admin.post("/admin/sites/atlantis", [("nom", "Atlantis")]).status == 404)
            #expect(try referentialAudit(app).isEmpty)
        }
    }
}
