import Foundation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// The rights of the person (GDPR art. 15–17) over real HTTP: access (JSON and printable), rectification
/// with its history, erasure that leaves the figures intact.
@Suite(.serialized) struct SubjectRightsTests {
    func seed(_ app: TestApp, status: String = "honoree") throws -> PersonSeed {
        try app.store.writeSync { db in try PersonSeed.insert(db, name: "Durand", at: app.now - 86_400, orientationStatus: status) }
    }

    @Test func theExportHoldsEverythingIncludingTheReadHistory() async throws {
        try await withApp { app in
            let seed = try seed(app)
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/personnes/\(seed.personID)").status == 200)
            let admin = try await app.signedIn("admin")
            let response = try await admin.get("/personnes/\(seed.personID)/export.json")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.header("Content-Disposition")?.contains("attachment") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            let identity = try #require(json["identity"] as? [String: Any])
            #expect(identity["lastName"] as? String == "Durand" && identity["phone"] as? String == "06 12 34 56 78")
            let intakes = try #require(json["intakes"] as? [[String: Any]])
            #expect(intakes.count == 1 && intakes[0]["language"] as? String == "arabe" && intakes[0]["interpreterNeeded"] as? Bool == true && intakes[0]["household"] is [String: Any])
            // The child-protection exception: the person's copy never carries the danger flag.
            let household = try #require(intakes[0]["household"] as? [String: Any])
            #expect(household["childInDanger"] == nil && household["sector"] as? String == "bastide")
            #expect(!response.text.contains("childInDanger"))
            #expect((json["notes"] as? [[String: Any]])?.first?["text"] as? String == "Note confidentielle sur Durand", "notes of both institutions")
            #expect((json["orientations"] as? [[String: Any]])?.first?["derogationJustification"] as? String == "Justification écrite")
            #expect((json["attendance"] as? [[String: Any]])?.first?["status"] as? String == "honoree")
            #expect(json["permanenceBookings"] is [[String: Any]])
            let history = try #require(json["accessHistory"] as? [[String: Any]])
            #expect(history.contains { $0["action"] as? String == "personne.consultee" && $0["institution"] as? String == "CCAS" })
            #expect(!response.text.contains("Alice Martin"), "staff are named by institution only")
            #expect(try app.auditCount(.personExported) == 1)

            let page = try await admin.get("/personnes/\(seed.personID)/donnees")
            #expect(page.status == 200)
            for expected in ["Données détenues sur Élodie DURAND", "Note confidentielle sur Durand", "Dossier consulté", "export.json", "Effacer"] {
                #expect(page.text.contains(expected), "page lacks \(expected)")
            }
            // Read as the person will: their household in plain French, motives by name, no field name, code or flag.
            #expect(page.text.contains("Foyer : personne seule · enfant né le 01/06/2023 (à charge) · quartier : La Bastide"))
            #expect(page.text.contains("<td>Logement</td>"))
            for term in ["childInDanger", "{&quot;", "\"adults\"", "danger"] { #expect(!page.text.contains(term), "page shows \(term)") }
            // The administrator answering the request is told, on screen only, what the exception left out.
            #expect(page.text.contains("<div class=\"notice warning no-print\" role=\"note\"><p><strong>Pour l&#39;administrateur, non imprimé :</strong>")
                    || page.text.contains("<div class=\"notice warning no-print\" role=\"note\"><p><strong>Pour l'administrateur, non imprimé :</strong>"))
            #expect(page.text.contains("l&#39;indication de protection de l&#39;enfance de 1 accueil") || page.text.contains("l'indication de protection de l'enfance de 1 accueil"))
            // Probe finding: the tab title (history, shared screens) names the file, never the person.
            let title = try #require(page.text.range(of: #"<title>[^<]*</title>"#, options: .regularExpression).map { String(page.text[$0]) })
            #expect(title.contains("Données du dossier n° \(seed.personID)") && !title.contains("Durand") && !title.contains("DURAND"))
            #expect(try app.auditCount(.personExported) == 2)
            #expect(try await admin.get("/personnes/9999/export.json").status == 404)
        }
    }

    @Test func rectificationIsSavedAndItsHistoryNamesFieldsOnly() async throws {
        try await withApp { app in
            let seed = try seed(app)
            let agent = try await app.signedIn("agent")
            let form = try await agent.get("/personnes/\(seed.personID)/modifier")
            #expect(form.status == 200 && form.text.contains("value=\"Durand\""))
            let fields = [("nom", "Durant"), ("prenom", "Élodie"), ("naissance", "1990-04-12"), ("telephone", "07 00 00 00 01"), ("deja_suivi", ""), ("referent", "Mme Référente")]
            let invalid = try await agent.post("/personnes/\(seed.personID)/modifier", fields.map { $0.0 == "nom" ? ("nom", "") : $0 })
            #expect(invalid.status == 422 && invalid.text.contains("Le nom est obligatoire"))
            let saved = try await agent.post("/personnes/\(seed.personID)/modifier", fields)
            #expect(saved.status == 303)
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT * FROM persons WHERE id = ?", [seed.personID]) })
            #expect(row.string("last_name") == "Durant" && row.string("phone") == "07 00 00 00 01" && row.string("name_key") == "durant|elodie")
            let detail = try app.store.readSync { db in try db.string("SELECT detail FROM audit_log WHERE action = 'personne.rectifiee'") }
            #expect(detail == "champs=nom,telephone")
            let file = try await agent.get("/personnes/\(seed.personID)")
            #expect(file.text.contains("Historique des rectifications") && file.text.contains("nom, téléphone"))
            // Saving the same values again changes nothing and records nothing.
            #expect(try await agent.post("/personnes/\(seed.personID)/modifier", fields).status == 303)
            #expect(try app.auditCount(.personRectified) == 1)
        }
    }

    @Test func erasureAnonymisesButKeepsTheFiguresAndWaitsForOpenOrientations() async throws {
        try await withApp { app in
            let seed = try seed(app, status: "ouverte")
            let admin = try await app.signedIn("admin")
            try await admin.get("/personnes/\(seed.personID)/donnees")
            let open = try await admin.post("/personnes/\(seed.personID)/effacement", [("confirmation", "1")])
            #expect(open.status == 409 && open.text.contains("orientation de cette personne est encore en cours"))
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM persons") } == 1)
            try app.store.writeSync { db in try db.run("UPDATE orientations SET status = 'honoree'") }
            #expect(try await admin.post("/personnes/\(seed.personID)/effacement", []).status == 422, "confirmation required")
            let erased = try await admin.post("/personnes/\(seed.personID)/effacement", [("confirmation", "1")])
            #expect(erased.status == 303)
            let counts = try app.store.readSync { db in
                (try db.int("SELECT count(*) FROM persons"), try db.int("SELECT count(*) FROM intakes"), try db.int("SELECT count(*) FROM intake_notes"),
                 try db.int("SELECT count(*) FROM orientations WHERE person_id IS NULL AND service = 'MDS'"), try db.int("SELECT count(*) FROM intake_motives"))
            }
            #expect(counts.0 == 0 && counts.1 == 1 && counts.2 == 0 && counts.3 == 1 && counts.4 == 1)
            #expect(try app.auditCount(.personErased) == 1)
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/personnes/\(seed.personID)").status == 404)
        }
    }
}
