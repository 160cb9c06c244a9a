import Foundation
import Orientation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// The street and commune tables as administrators import them and as the desk uses them: imported
/// whole or refused whole with the lines named, history kept, the sector found from an address
/// (with and without JavaScript), and a resident of another commune oriented to its services,
/// counted apart, with nothing « à confirmer » printed for the person.
@Suite(.serialized) struct TerritoryJourneyTests {
    static let streets = """
        voie;numero_debut;numero_fin;parite;code_postal;secteur;debut;fin
        Cours de l'Essai;1;99;impair;33800;saint-michel;2024-01-01;
        Cours de l'Essai;2;98;pair;33800;saint-jean;2024-01-01;
        Cours de l'Essai;100;;tous;33800;saint-jean;2024-01-01;
        """

    func count(_ app: TestApp, _ sql: String) throws -> Int { try app.store.readSync { db in try db.int(sql) ?? 0 } }

    @Test func anAdministratorImportsTheStreetTableWholeOrNotAtAll() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            let page = try await admin.get("/admin/territoire")
            #expect(page.status == 200 && page.text.contains("Les tables réelles sont fournies par les institutions"))
            // The demo tables were loaded at first start, under a source that says what they are.
            #expect(page.text.contains("Table de démonstration livrée avec"))
            let before = try count(app, "SELECT count(*) FROM street_segments")

            let saved = try await admin.postFile("/admin/territoire/voies", [("source", "Département, essai du 4 décembre 2026")],
                                                 file: ("fichier", "voies.csv", Array(Self.streets.utf8)))
            #expect(saved.status == 303)
            #expect(try count(app, "SELECT count(*) FROM street_segments") == before + 3)
            #expect(try app.auditCount(.territoryImported) == 1)

            // Same street, same numbers, same days: refused with the lines named, nothing kept.
            try await admin.get("/admin/territoire")
            let clash = """
                voie;numero_debut;numero_fin;parite;code_postal;secteur;debut;fin
                Rue Nouvelle;;;;33100;bastide;2024-01-01;
                Cours de l'Essai;51;51;;33800;saint-jean;2025-01-01;
                Rue Nouvelle;;;;33100;bastide;2025-06-01;
                """
            let refused = try await admin.postFile("/admin/territoire/voies", [("source", "Département")], file: ("fichier", "voies.csv", Array(clash.utf8)))
            #expect(refused.status == 422)
            #expect(refused.text.contains("Fichier refusé, rien n'a été importé"))
            #expect(refused.text.contains("Ligne 3 : chevauche une ligne déjà en vigueur (import n° "))
            #expect(refused.text.contains("Ligne 4 : chevauche la ligne 2 du fichier"))
            #expect(try count(app, "SELECT count(*) FROM street_segments") == before + 3)
            #expect(try count(app, "SELECT count(*) FROM territory_imports") == 3, "two demo imports and one accepted")

            // A new version from a day: the rows then in force end the day before and stay in the history.
            try await admin.get("/admin/territoire")
            let version = "voie;code_postal;secteur;debut\nCours de l'Essai;33800;saint-jean;2027-01-01\n"
            #expect(try await admin.postFile("/admin/territoire/voies", [("source", "Département, 2027"), ("remplace_du", "2027-01-01")],
                                             file: ("fichier", "voies-2027.csv", Array(version.utf8))).status == 303)
            #expect(try count(app, "SELECT count(*) FROM street_segments WHERE valid_to = '2026-12-31' AND ended_by_import IS NOT NULL") == before + 3)
            let old = try app.store.readSync { db in try SectorLookup.find(db, typed: "7 cours de l'essai", on: LocalDate(iso: "2026-12-31")!) }
            let new = try app.store.readSync { db in try SectorLookup.find(db, typed: "7 cours de l'essai", on: LocalDate(iso: "2027-01-01")!) }
            guard case .found(let then) = old, case .found(let now) = new else {
                Issue.record("both days must find one sector")
                return
            }
            #expect(then.segment.sector == "saint-michel" && now.segment.sector == "saint-jean")

            // Only administrators import; an empty file or no source is a French message.
            let agent = try await app.signedIn("agent")
            try await agent.get("/")
            #expect(try await agent.postFile("/admin/territoire/voies", [("source", "x")], file: ("fichier", "v.csv", Array(Self.streets.utf8))).status == 403)
            try await admin.get("/admin/territoire")
            let empty = try await admin.postFile("/admin/territoire/communes", [("source", "")], file: ("fichier", "c.csv", []))
            #expect(empty.status == 422 && empty.text.contains("Indiquez la source du fichier") && empty.text.contains("Choisissez le fichier CSV"))
            // Without the CSRF token: refused like any other form.
            let forged = Browser(.inProcess(app.responder))
            #expect(try await forged.postFile("/admin/territoire/voies", [("source", "x")], file: ("fichier", "v.csv", Array(Self.streets.utf8))).status == 403)
        }
    }

    @Test func agentsFindTheSectorOfAnAddress() async throws {
        try await withApp { app in
            let admin = try await app.signedIn("admin")
            try await admin.get("/admin/territoire")
            try await admin.postFile("/admin/territoire/voies", [("source", "essai")], file: ("fichier", "voies.csv", Array(Self.streets.utf8)))
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/secteurs").text.contains("Quel secteur pour cette adresse ?"))
            let odd = try await agent.post("/secteurs", [("adresse", "17 crs de l'essai 33800")])
            #expect(odd.text.contains("Secteur trouvé : Saint-Michel") && odd.text.contains("MDS compétente : MDS Saint-Michel"))
            let even = try await agent.post("/secteurs", [("adresse", "18 cours de l'Essai")])
            #expect(even.text.contains("Secteur trouvé : Saint-Jean"))
            let noNumber = try await agent.post("/secteurs", [("adresse", "cours de l'essai")])
            #expect(noNumber.text.contains("Cette voie relève de plusieurs secteurs"))
            let unknown = try await agent.post("/secteurs", [("adresse", "3 impasse Inconnue")])
            #expect(unknown.text.contains("Voie inconnue de la table des voies : choisissez le secteur dans la liste."))
            // The intake form's script asks for JSON.
            let json = try await agent.post("/secteurs", [("adresse", "4 avenue Thiers")], headers: ["Accept": "application/json"])
            let answer = try #require(try JSONSerialization.jsonObject(with: Data(json.body)) as? [String: Any])
            #expect(answer["sector"] as? String == "bastide" && (answer["message"] as? String)?.contains("La Bastide") == true)
            // The typed address is not kept anywhere.
            #expect(try count(app, "SELECT count(*) FROM audit_log WHERE detail LIKE '%Thiers%'") == 0)

            // In the intake form, without JavaScript: the same form comes back with the sector chosen, nothing saved.
            try await agent.get("/accueils/nouveau")
            let looked = try await agent.post("/accueils", IntakeJourneyTests.family([("secteur", ""), ("adresse", "21 cours de l'Essai"), ("chercher_secteur", "1")]))
            #expect(looked.status == 200)
            #expect(looked.text.contains("<option value=\"saint-michel\" selected>"))
            #expect(looked.text.contains("value=\"21 cours de l&#39;Essai\"") || looked.text.contains("value=\"21 cours de l'Essai\""))
            #expect(try count(app, "SELECT count(*) FROM intakes") == 0)
            // A street the table does not know: the list stays to choose from.
            let unknownInForm = try await agent.post("/accueils", IntakeJourneyTests.family([("secteur", ""), ("adresse", "1 rue Nulle"), ("chercher_secteur", "1")]))
            #expect(unknownInForm.text.contains("Voie inconnue de la table des voies"))
        }
    }

    @Test func aResidentOfAnotherCommuneIsOrientedToItsServicesAndCountedApart() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            // A woman alone in Mérignac: no sector to give.
            let saved = try await agent.post("/accueils", IntakeJourneyTests.family([("enfant0_naissance", ""), ("secteur", ""), ("commune", "merignac")]))
            let path = try #require(saved.header("Location"))
            let decision = try await agent.get(path)
            #expect(decision.text.contains("Hors Bordeaux : CCAS de la commune (Mérignac)"))
            #expect(decision.text.contains("À confirmer"))
            #expect(!decision.text.contains("name=\"creneau\""), "no Bordeaux slot for another commune")
            #expect(try await agent.post(path + "/orientation", []).status == 303)
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT id, service, site_id, commune FROM orientations") })
            #expect(row.string("service") == "CCAS" && row.string("site_id") == nil && row.string("commune") == "33281")
            let stored = try #require(try app.store.readSync { db in try db.string("SELECT household FROM intakes") })
            #expect(stored.contains(#""commune":"33281""#))

            // The slip: her commune's services, nothing « à confirmer », nothing internal.
            let slip = try await agent.get("/orientations/\(row.int64("id")!)/fiche")
            #expect(slip.text.contains("le CCAS de votre commune qui vous accompagne"))
            #expect(slip.text.contains("Adressez-vous à ce service pour votre commune : Mérignac."))
            #expect(!slip.text.contains("CCAS de Mérignac") && !slip.text.contains("À confirmer") && !slip.text.contains("33281"))
            #expect(!slip.text.contains("CCAS de Bordeaux qui vous accompagne"))

            // Counted apart: not a CCAS de Bordeaux orientation, by both paths.
            let period = StatisticsPeriod(from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!, siteID: nil)
            let (fast, direct) = try app.store.readSync { db in (try StatisticsRepository.tally(db, period), try StatisticsDirectQuery.tally(db, period)) }
            #expect(fast == direct)
            #expect(fast.count("service", StatisticsCounters.outsideBordeaux) == 1 && fast.count("service", "CCAS") == 0)
            #expect(fast.count(StatisticsCounters.communeDimension, "33281") == 1 && fast.count("ccas_sans_mineur") == 0)
            let manager = try await app.signedIn("responsable")
            let figures = try await manager.get("/statistiques?du=2026-11-01&au=2026-11-30")
            #expect(figures.text.contains("Orientations hors Bordeaux"))

            // Her access report says where she lives and where she was sent, in words.
            let personID = try #require(try app.store.readSync { db in try db.int("SELECT person_id FROM orientations") })
            let report = try await app.signedIn("admin").get("/personnes/\(personID)/donnees")
            #expect(report.text.contains("commune : Mérignac") && report.text.contains("hors Bordeaux — CCAS de la commune (Mérignac)"))
        }
    }

    @Test func aCommuneTheTableDoesNotKnowNeedsADerogation() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            // A name the table does not know: a clear message, nothing saved.
            let unknown = try await agent.post("/accueils", IntakeJourneyTests.family([("secteur", ""), ("commune", "Saint-Nulle-Part")]))
            #expect(unknown.status == 422 && unknown.text.contains("Commune inconnue : « Saint-Nulle-Part »"))
            #expect(try count(app, "SELECT count(*) FROM intakes") == 0)
            // Its INSEE code: recorded; the decision asks for a derogation.
            let saved = try await agent.post("/accueils", IntakeJourneyTests.family([("commune", "33999")]))
            let path = try #require(saved.header("Location"))
            let decision = try await agent.get(path)
            #expect(decision.text.contains("Commune absente de la table (code INSEE 33999)"))
            let refused = try await agent.post(path + "/orientation", [])
            #expect(refused.status == 422 && refused.text.contains("par une dérogation convenue entre le PTS et le CCAS"))
            #expect(try count(app, "SELECT count(*) FROM orientations") == 0)

            // A social worker records the derogation: Bordeaux's services, as a derogation.
            let worker = try await app.signedIn("ts.mds")
            try await worker.get(path)
            let derogated = try await worker.post(path + "/orientation", [("derogation_service", "MDS"), ("justification", "Hébergée à la Bastide chez sa mère."),
                                                                          ("accord_pts", "Cadre PTS"), ("accord_ccas", "Cadre CCAS")])
            #expect(derogated.status == 303)
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT service, site_id, commune, is_derogation FROM orientations") })
            #expect(row.string("site_id") == "mds-bastide" && row.string("commune") == nil && row.bool("is_derogation") == true)
        }
    }

    @Test func theAPITakesTheCommune() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let answer = try await agent.postJSON("/api/v1/orientation/evaluate", #"{"adults": 2, "commune": "33318", "date": "2026-11-26"}"#)
            #expect(answer.status == 200 && answer.text.contains(#""horsBordeaux":true"#) && answer.text.contains(#""name":"Pessac""#))
            let unknown = try await agent.postJSON("/api/v1/orientation/evaluate", #"{"adults": 2, "commune": "33999"}"#)
            #expect(unknown.status == 400 && unknown.text.contains(#""field":"commune""#))
        }
    }
}
