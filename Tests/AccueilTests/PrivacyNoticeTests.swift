import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// The information notice (Annexe 1 §7): public, in French, with the retention periods in force, linked
/// from every page's footer.
@Suite struct PrivacyNoticeTests {
    @Test func theNoticeIsPublicShowsCurrentPeriodsAndIsLinkedFromEveryFooter() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let notice = try await visitor.get("/donnees-personnelles")
            #expect(notice.status == 200)
            for expected in ["Vos données personnelles", "responsables conjoints", "Rectification", "Effacement", "CNIL", "<td>2 ans</td>", "<td>1 an</td>"] {
                #expect(notice.text.contains(expected), "notice lacks \(expected)")
            }
            try app.store.writeSync { db in try db.run("UPDATE retention_settings SET months = 36 WHERE category = 'identite'") }
            #expect(try await visitor.get("/donnees-personnelles").text.contains("<td>3 ans</td>"))
            for path in ["/", "/connexion", "/page-absente"] {
                #expect(try await visitor.get(path).text.contains("<a href=\"/donnees-personnelles\">Vos données personnelles</a>"), "footer of \(path)")
            }
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/accueils/nouveau").text.contains("href=\"/donnees-personnelles\""))
        }
    }
}
