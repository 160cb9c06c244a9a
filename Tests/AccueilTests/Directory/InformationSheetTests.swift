import Foundation
import Orientation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// « Où vous adresser »: after an anonymous information contact, one to three services of the
/// directory printed for the person (French and their language), counted once by theme, nothing
/// internal on paper.
@Suite(.serialized) struct InformationSheetTests {
    func contact(_ app: TestApp) async throws -> (Browser, String) {
        let agent = try await app.signedIn("agent")
        try await agent.get("/accueils/nouveau")
        let recorded = try await agent.post("/accueils/information", [("site", "ccas-cite-municipale"), ("canal", "sur_place")])
        let path = try #require(recorded.header("Location"))
        #expect(recorded.status == 303 && path.hasPrefix("/accueils/information/"))
        return (agent, path)
    }

    @Test func anAgentPrintsThreeServicesAtMostCountedOnceByTheme() async throws {
        try await withApp { app in
            let (agent, path) = try await contact(app)
            let choice = try await agent.get(path + "?besoin=autonomie-handicap")
            #expect(choice.status == 200 && choice.text.contains("value=\"paa-accueil-autonomie\"") && !choice.text.contains("value=\"carsat-acces-droits\""))

            let tooMany = try await agent.post(path + "/feuille", ["caio-accueil-orientation", "plaje-accueil-jeunes", "referents-rsa", "msa-acces-droits"].map { ("services", $0) })
            #expect(tooMany.status == 422 && tooMany.text.contains("Choisissez d&#39;un à 3 services"))
            let printed = try await agent.post(path + "/feuille", [("services", "paa-accueil-autonomie"), ("services", "mdph-gironde-guichet"), ("langue", "ar")])
            #expect(printed.status == 303 && printed.header("Location") == path + "/feuille?langue=ar")
            let sheet = try await agent.get(path + "/feuille?langue=ar")
            for expected in ["Où vous adresser", "إلى أين تتوجه", "accueil-autonomie@gironde.fr", "MDPH de la Gironde",
                             "L&#39;accueil vous indique l&#39;adresse et les horaires.", "Cité Municipale"] {
                #expect(sheet.text.contains(expected), "sheet lacks \(expected)")
            }
            for hidden in ["non renseigné", "annuaire", "mdph-gironde-guichet", "sante--", "La convention"] {
                #expect(!sheet.text.contains(hidden), "sheet shows \(hidden)")
            }

            // Counted once by theme category, the fast path and the direct query agreeing; printing again counts nothing.
            #expect(try await agent.post(path + "/feuille", [("services", "caio-accueil-orientation")]).status == 303)
            let period = StatisticsPeriod(from: LocalDate(iso: "2026-01-01")!, to: LocalDate(iso: "2026-12-31")!, siteID: nil)
            let (fast, direct) = try app.store.readSync { db in (try StatisticsRepository.tally(db, period), try StatisticsDirectQuery.tally(db, period)) }
            #expect(fast == direct)
            #expect(fast.keys(StatisticsCounters.informationThemeDimension) == ["sante": 1, "famille": 1, "difficultes-administratives-ou-juridiques": 1])
            let again = try await agent.get(path + "/feuille")
            #expect(again.text.contains("accueil-autonomie@gironde.fr") && !again.text.contains("CAIO"), "the first choice, reprinted")

            // Another site's agent does not reach this contact.
            try ProtectionTests.addAccounts(app)
            let lac = try await ProtectionTests().signedIn(app, "agent.lac")
            #expect(try await lac.get(path).status == 404)
        }
    }
}
