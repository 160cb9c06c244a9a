import Foundation
import Orientation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// The partner directory through the real routes: the convention's partners seeded, the exports and
/// an import round trip, an administrator's edit kept with its history, the rule's suggestions shown
/// with their services on the decision page and printed on the slip with only what is known, and the
/// agents' search.
@Suite(.serialized) struct DirectoryJourneyTests {
    /// A young adult of 20 without child: the rule suggests the PLAJe.
    static let youngAdult = IntakeJourneyTests.family([("naissance", "2006-03-01"), ("enfant0_naissance", ""), ("secteur", "lac")])

    func export(_ browser: Browser, _ path: String) async throws -> [[String: Any]] {
        let response = try await browser.get(path)
        #expect(response.status == 200 && response.header("Content-Type") == "application/json; charset=utf-8")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
    }

    @Test func theConventionsPartnersAreSeededValidAndWithoutInventedCoordinates() async throws {
        try await withApp { app in
            let contents = try app.store.readSync { db in try PartnerDirectory.contents(db) }
            let names = contents.structures.map(\.name).joined(separator: " | ")
            for partner in ["CAF", "CPAM", "CARSAT", "MSA", "France services", "PIMMS", "Maison du droit", "CAIO", "PLAJe", "MDPH", "autonomie", "centres sociaux"] {
                #expect(names.localizedCaseInsensitiveContains(partner), "\(partner) in \(names)")
            }
            let check = app.context.directoryCheck
            let ids = Set(contents.structures.map(\.id))
            #expect(contents.structures.allSatisfy { check.problems($0).isEmpty })
            #expect(contents.services.allSatisfy { check.problems($0, structures: ids).isEmpty })
            // Each suggestion of the rule (but the alert) points to at least one service.
            for suggestion in Suggestion.allCases where !suggestion.isAlert {
                #expect(!(contents.suggestions[suggestion.rawValue] ?? []).isEmpty, "\(suggestion)")
            }
            // Coordinates only where the convention gives one: no phone, no street address anywhere.
            #expect(contents.structures.allSatisfy { $0.phone == nil && $0.address == nil && $0.openingHours == nil })
            #expect(contents.services.allSatisfy { $0.phone == nil && $0.address == nil && $0.openingHours == nil })
        }
    }

    @Test func theExportsRoundTripThroughTheImport() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            let structures = try await export(admin, DirectoryAPIRoutes.structuresPath)
            let services = try await export(admin, DirectoryAPIRoutes.servicesPath)
            #expect(structures.count >= 10 && services.count >= 10)
            #expect(services.allSatisfy { $0["structure_id"] is String && ($0["description"] as? String ?? "").count >= 50 && $0["date_maj"] is String })
            #expect(!services.contains { $0.values.contains { ($0 as? String) == "" } }, "an unknown field is absent, never an empty string")

            // An administrator's change travels through the file: the exported services, one of them edited, imported back.
            var edited = services
            let index = try #require(edited.firstIndex { $0["id"] as? String == "plaje-accueil-jeunes" })
            edited[index]["telephone"] = "05 56 11 22 33"
            let file = try JSONSerialization.data(withJSONObject: edited)
            try await admin.get("/admin/partenaires")
            let imported = try await admin.postFile("/admin/partenaires/import", [], file: (field: "fichier", name: "services.json", bytes: Array(file)))
            #expect(imported.status == 303)
            let again = try await export(admin, DirectoryAPIRoutes.servicesPath)
            #expect(again.first { $0["id"] as? String == "plaje-accueil-jeunes" }?["telephone"] as? String == "05 56 11 22 33")
            #expect(again.count == services.count)
            #expect(try app.auditCount(.directoryImported) == 1, "this import (the installation's seed is in the versions)")
            let history = try app.store.readSync { db in try PartnerDirectory.history(db, .service, id: "plaje-accueil-jeunes") }
            #expect(history.count == 2 && history[0].origin.contains("services.json"))

            // A file with one bad record is refused whole, its problems named; nothing changes.
            edited[index]["telephone"] = "05 56 99 99 99"
            edited[0]["thematiques"] = ["logement"]
            let bad = try JSONSerialization.data(withJSONObject: edited)
            try await admin.get("/admin/partenaires")
            let refused = try await admin.postFile("/admin/partenaires/import", [], file: (field: "fichier", name: "services.json", bytes: Array(bad)))
            #expect(refused.status == 422 && refused.text.contains("Fichier refusé, rien n'a été importé")
                    && refused.text.contains("thématique « logement » n&#39;est pas une valeur du schéma"))
            let unchanged = try await export(admin, DirectoryAPIRoutes.servicesPath)
            #expect(unchanged.first { $0["id"] as? String == "plaje-accueil-jeunes" }?["telephone"] as? String == "05 56 11 22 33")
            try await admin.get("/admin/partenaires")
            let notJSON = try await admin.postFile("/admin/partenaires/import", [], file: (field: "fichier", name: "x.json", bytes: Array("{".utf8)))
            #expect(notJSON.status == 422 && notJSON.text.contains("pas du JSON lisible"))
        }
    }

    @Test func anAdministratorEditsAServiceAndTheSlipPrintsOnlyWhatIsKnown() async throws {
        try await withApp { app in
            // The rule suggests the PLAJe to a young adult: the decision page shows its service, with what it lacks.
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let decisionPath = try #require(try await agent.post("/accueils", Self.youngAdult).header("Location"))
            let decision = try await agent.get(decisionPath)
            #expect(decision.text.contains("PLAJe") && decision.text.contains("non renseigné dans l'annuaire : adresse, téléphone"))
            let orientation = try #require(try await agent.post(decisionPath + "/orientation", []).header("Location"))
            let slip = try await agent.get(orientation + "/fiche")
            #expect(slip.status == 200 && slip.text.contains("PLAJe"))
            #expect(!slip.text.contains("non renseigné") && !slip.text.contains("annuaire"), "nothing internal on paper")

            // An administrator completes the service; a short description is refused and nothing is saved.
            let admin = try await app.signedIn("admin")
            let form = try await admin.get("/admin/partenaires/services/plaje-accueil-jeunes")
            #expect(form.status == 200 && form.text.contains("Proposé par la règle d&#39;orientation pour"))
            let service = try #require(try app.store.readSync { db in try PartnerDirectory.service(db, id: "plaje-accueil-jeunes") })
            var fields: [(String, String)] = [("nom", service.name), ("description", service.description), ("telephone", "05 56 00 11 22"),
                                              ("adresse_courriel", "plaje@example.org"), ("horaires_accueil", "Mo-Fr 09:00-12:00"), ("suggestions", "PLAJE")]
            fields += (service.themes ?? []).map { ("thematiques", $0) } + (service.audiences ?? []).map { ("publics", $0) }
            let short = try await admin.post("/admin/partenaires/services/plaje-accueil-jeunes", fields.map { $0.0 == "description" ? ($0.0, "Trop court") : $0 })
            #expect(short.status == 422 && short.text.contains("au moins 50 caractères") && short.text.contains("Rien n'a été enregistré"))
            #expect(try app.store.readSync { db in try PartnerDirectory.service(db, id: "plaje-accueil-jeunes") }?.phone == nil)
            #expect(try await admin.post("/admin/partenaires/services/plaje-accueil-jeunes", fields).status == 303)
            let history = try app.store.readSync { db in try PartnerDirectory.history(db, .service, id: "plaje-accueil-jeunes") }
            #expect(history.count == 2 && history[0].by == "Emma Garnier (démo)")
            #expect(try app.auditCount(.directoryChanged) >= 1)

            // The slip prints what is now known, hours in words, never the raw syntax.
            let printed = try await agent.get(orientation + "/fiche")
            #expect(printed.text.contains("05 56 00 11 22") && printed.text.contains("plaje@example.org")
                    && printed.text.contains("du lundi au vendredi : 9 h – 12 h") && !printed.text.contains("Mo-Fr"))
            // An agent cannot edit the directory.
            #expect(try await agent.get("/admin/partenaires").status == 403)
            #expect(try await agent.post("/admin/partenaires/services/plaje-accueil-jeunes", fields).status == 403)
        }
    }

    @Test func agentsSearchByNeedCommuneAndLanguage() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let all = try await agent.get("/partenaires")
            #expect(all.status == 200 && !all.text.contains("id=\"resultats\""))
            let handicap = try await agent.get("/partenaires?besoin=autonomie-handicap")
            #expect(handicap.text.contains("MDPH") && !handicap.text.contains("CARSAT"))
            let elsewhere = try await agent.get("/partenaires?besoin=autonomie-handicap&commune=Arcachon")
            let noWhere = try await agent.get("/partenaires?besoin=autonomie-handicap&langue=uk")
            #expect(elsewhere.status == 200 && noWhere.text.contains("Aucun service de l'annuaire ne répond à cette recherche"))
        }
    }
}
