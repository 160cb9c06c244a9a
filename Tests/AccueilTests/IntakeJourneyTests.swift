import Foundation
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// The core journey over real HTTP: intake → decision → orientation → slip → attendance.
@Suite(.serialized) struct IntakeJourneyTests {
    /// A family with a 3-year-old in sector bastide, as the agent of the CCAS desk would type it.
    static func family(_ overrides: [(String, String)] = []) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("date", "2026-11-16"), ("heure", "10:30"), ("site", "ccas-cite-municipale"), ("canal", "sur_place"), ("niveau", "1"),
            ("nom", "Durand"), ("prenom", "Élodie"), ("naissance", "1990-04-12"), ("telephone", "06 12 34 56 78"),
            ("adultes", "1"), ("enfant0_naissance", "2023-06-01"), ("enfant0_charge", "oui"), ("enfant0_france", "oui"),
            ("secteur", "bastide"), ("motifs", "logement"), ("motifs", "budget-aides"),
            ("consentement_orientation", "1"), ("consentement_partage", "1"),
        ]
        for (name, value) in overrides {
            fields.removeAll { $0.0 == name }
            fields.append((name, value))
        }
        return fields
    }

    func count(_ app: TestApp, _ table: String) throws -> Int {
        try app.store.readSync { db in try db.int("SELECT count(*) FROM \(table)") ?? 0 }
    }

    @Test func familyWithAToddlerInBastideGoesToMDSBastideAndGetsASlip() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/accueils/nouveau").status == 200)
            let saved = try await agent.post("/accueils", Self.family())
            #expect(saved.status == 303)
            let decisionPath = try #require(saved.header("Location"))
            #expect(try count(app, "persons") == 1)
            #expect(try app.auditCount(.intakeCreated) == 1)
            #expect(try app.auditCount(.personCreated) == 1)

            let decision = try await agent.get(decisionPath)
            #expect(decision.status == 200)
            #expect(decision.text.contains("MDS Bastide"))
            #expect(decision.text.contains("Sud"))
            #expect(decision.text.contains("enfant mineur"))

            let confirmed = try await agent.post(decisionPath + "/orientation", [("reservation", "rendez_vous"), ("reservation_date", "2026-11-20"), ("reservation_heure", "14:00")])
            #expect(confirmed.status == 303)
            let orientationPath = try #require(confirmed.header("Location"))
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT service, site_id, reference, status FROM orientations") })
            #expect(row.string("service") == "MDS")
            #expect(row.string("site_id") == "mds-bastide")
            #expect(row.string("status") == "ouverte")
            let reference = try #require(row.string("reference"))
            #expect(reference.hasPrefix("AC-2026-"))

            let slip = try await agent.get(orientationPath + "/fiche")
            #expect(slip.status == 200)
            for expected in [reference, "MDS Bastide", "Cette fiche est pour Élodie D.", "vendredi 20 novembre 2026 à 14:00", "Justificatif de domicile",
                             "Vos données personnelles", "slip.css"] {
                #expect(slip.text.contains(expected), "slip lacks \(expected)")
            }
            #expect(!slip.text.contains("site-nav"))
            #expect(try app.auditCount(.slipPrinted) == 1)

            // The destination (an MDS Bastide social worker) records that the person came.
            let worker = try await app.signedIn("ts.mds")
            let incoming = try await worker.get("/orientations/recues")
            #expect(incoming.text.contains(reference))
            let id = String(orientationPath.split(separator: "/").last!)
            #expect(try await worker.post("/orientations/\(id)/presence", [("statut", "honoree")]).status == 303)
            #expect(try app.store.readSync { db in try db.string("SELECT status FROM orientations") } == "honoree")
            #expect(try app.auditCount(.attendanceRecorded) == 1)
        }
    }

    @Test func reorientationLeadsToANewOrientationLinkedToTheOldOne() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let path = try #require(try await agent.post("/accueils", Self.family()).header("Location"))
            try await agent.get(path)
            let first = try #require(try await agent.post(path + "/orientation", []).header("Location"))
            let firstID = String(first.split(separator: "/").last!)
            let worker = try await app.signedIn("ts.mds")
            try await worker.get("/orientations/recues")
            let response = try await worker.post("/orientations/\(firstID)/presence", [("statut", "reorientee")])
            #expect(response.header("Location") == path)
            try await worker.get(path)
            let second = try #require(try await worker.post(path + "/orientation", [("derogation_service", "CCAS"), ("justification", "Accord PTS"), ("accord_pts", "Chef PTS"), ("accord_ccas", "Chef CCAS")]).header("Location"))
            let secondID = String(second.split(separator: "/").last!)
            let link = try app.store.readSync { db in try db.int("SELECT reoriented_to FROM orientations WHERE id = ?", [Int64(firstID)!]) }
            #expect(link == Int(secondID))
        }
    }

    @Test func coupleWithoutChildGoesToTheCCAS() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let saved = try await agent.post("/accueils", Self.family([("adultes", "2"), ("enfant0_naissance", ""), ("secteur", "cauderan")]))
            let decision = try await agent.get(try #require(saved.header("Location")))
            #expect(decision.text.contains("CCAS de Bordeaux"))
            #expect(decision.text.contains("Cité Municipale"))
        }
    }

    @Test func invalidIntakeIsRefusedInFrenchAndSavesNothing() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let response = try await agent.post("/accueils", Self.family([("nom", ""), ("secteur", "atlantide"), ("consentement_orientation", "")]))
            #expect(response.status == 422)
            #expect(response.text.contains("Le nom de la personne est obligatoire"))
            #expect(response.text.contains("Ce secteur n&#39;existe pas"))
            #expect(response.text.contains("aria-invalid=\"true\""))
            #expect(response.text.contains("value=\"Élodie\""))  // what was typed is kept
            #expect(try count(app, "persons") == 0)
            #expect(try count(app, "intakes") == 0)
        }
    }

    @Test func everyEchoedFieldIsEscaped() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let hostile = "<script>alert(1)</script>\"'&"
            let response = try await agent.post("/accueils", Self.family([("prenom", hostile), ("telephone", hostile), ("secteur", hostile),
                                                                         ("referent", hostile), ("langue", hostile), ("accessibilite", hostile), ("note", hostile)]))
            #expect(response.status == 422)
            #expect(!response.text.contains("<script>alert(1)"))
            #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"))
            // Saved, then shown on the person file and the slip: still escaped.
            let saved = try await agent.post("/accueils", Self.family([("prenom", hostile), ("referent", hostile)]))
            #expect(saved.status == 303)
            let personID = try #require(try app.store.readSync { db in try db.int("SELECT id FROM persons") })
            let file = try await app.signedIn("ts.ccas").get("/personnes/\(personID)")
            #expect(file.status == 200)
            #expect(!file.text.contains("<script>alert(1)"))
        }
    }

    @Test func aKnownPersonIsOfferedInsteadOfADuplicate() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            #expect(try await agent.post("/accueils", Self.family()).status == 303)
            // Same person typed differently: no accent, upper case.
            let again = try await agent.post("/accueils", Self.family([("nom", "DURAND"), ("prenom", "elodie")]))
            #expect(again.status == 200)
            #expect(again.text.contains("Cette personne est peut-être déjà connue"))
            #expect(again.text.contains("dernière orientation") == false || again.text.contains("Élodie DURAND"))
            let personID = try #require(try app.store.readSync { db in try db.int("SELECT id FROM persons") })
            let reuse = try await agent.post("/accueils", Self.family([("nom", "DURAND"), ("prenom", "elodie"), ("personne", String(personID))]))
            #expect(reuse.status == 303)
            #expect(try count(app, "persons") == 1)
            #expect(try count(app, "intakes") == 2)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM intakes WHERE known_person = 1") } == 1)
            // Suggestions while typing.
            let suggestions = try await agent.post("/personnes/suggestions", [("nom", "dur"), ("prenom", "")])
            #expect(suggestions.text.contains("Élodie DURAND"))
        }
    }

    @Test func readingAPersonFileWritesExactlyOneAuditRow() async throws {
        try await withApp { app in
            // Notes are written and read by social workers only, within their institution.
            let worker = try await app.signedIn("ts.ccas")
            try await worker.get("/accueils/nouveau")
            #expect(try await worker.post("/accueils", Self.family([("note", "Situation délicate, voir avec l'assistante sociale")])).status == 303)
            let personID = try #require(try app.store.readSync { db in try db.int("SELECT id FROM persons") })
            let agent = try await app.signedIn("agent")
            let before = try app.auditCount(.personRead)
            let file = try await agent.get("/personnes/\(personID)")
            #expect(file.status == 200)
            #expect(try app.auditCount(.personRead) == before + 1)
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT subject_type, subject_id, detail FROM audit_log WHERE action = 'personne.consultee' ORDER BY id DESC") })
            #expect(row.string("subject_id") == String(personID))
            #expect(row.string("detail") == nil)
            #expect(!file.text.contains("Situation délicate"))
            #expect(!file.text.contains("<title>Élodie"))  // the title is a file number, not a name
            #expect(try await app.signedIn("ts.ccas").get("/personnes/\(personID)").text.contains("Situation délicate"))
            #expect(try await !app.signedIn("ts.mds").get("/personnes/\(personID)").text.contains("Situation délicate"))
            // A manager sees no named file.
            #expect(try await app.signedIn("responsable").get("/personnes/\(personID)").status == 403)
            // An agent cannot slip a note in by posting the field anyway.
            try await agent.get("/accueils/nouveau")
            try await agent.post("/accueils", Self.family([("personne", String(personID)), ("note", "note d'agent")]))
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM intake_notes") } == 1)
        }
    }

    @Test func aForgedFileChoiceOrMergeIsRefused() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            try await agent.post("/accueils", Self.family())
            try await agent.post("/accueils", Self.family([("nom", "Martin"), ("prenom", "Paul"), ("naissance", "1980-01-01")]))
            let ids = try app.store.readSync { db in try db.query("SELECT id FROM persons ORDER BY id").compactMap { $0.int64("id") } }
            // Typing "Martin Paul" but choosing Durand's file.
            let forged = try await agent.post("/accueils", Self.family([("nom", "Martin"), ("prenom", "Paul"), ("naissance", "1980-01-01"), ("personne", String(ids[0]))]))
            #expect(forged.status == 422)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM intakes WHERE person_id = ?", [ids[0]]) } == 1)
            try await agent.get("/personnes/\(ids[0])")
            #expect(try await agent.post("/personnes/\(ids[0])/fusion", [("doublon", String(ids[1]))]).status == 422)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM persons WHERE merged_into IS NOT NULL") } == 0)
        }
    }

    @Test func anOrientationIsConfirmedOnceAndItsOutcomeRecordedOnce() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let path = try #require(try await agent.post("/accueils", Self.family()).header("Location"))
            try await agent.get(path)
            let token = agent.lastCSRF
            #expect(try await agent.post(path + "/orientation", []).status == 303)
            #expect(try await agent.post(path + "/orientation", [], csrf: .some(token)).status == 409)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM orientations") } == 1)
            let id = try #require(try app.store.readSync { db in try db.int("SELECT id FROM orientations") })
            let worker = try await app.signedIn("ts.mds")
            try await worker.get("/orientations/recues")
            #expect(try await worker.post("/orientations/\(id)/presence", [("statut", "honoree")]).status == 303)
            #expect(try await worker.post("/orientations/\(id)/presence", [("statut", "non_honoree")]).status == 409)
            #expect(try app.store.readSync { db in try db.string("SELECT status FROM orientations") } == "honoree")
        }
    }

    @Test func derogationNeedsASocialWorkerAndAJustification() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let path = try #require(try await agent.post("/accueils", Self.family()).header("Location"))
            try await agent.get(path)
            #expect(try await agent.post(path + "/orientation", [("derogation_service", "CCAS")]).status == 403)
            let worker = try await app.signedIn("ts.ccas")
            try await worker.get(path)
            let unjustified = try await worker.post(path + "/orientation", [("derogation_service", "CCAS")])
            #expect(unjustified.status == 422)
            #expect(unjustified.text.contains("Une dérogation doit être justifiée par écrit."))
            let oneName = try await worker.post(path + "/orientation", [("derogation_service", "CCAS"), ("justification", "Suivi budgétaire déjà engagé au CCAS"),
                                                                        ("accord_pts", "Mme Responsable PTS")])
            #expect(oneName.status == 422, "both institutions agree a derogation")
            #expect(oneName.text.contains("accord du CCAS (nom et fonction)"))
            let granted = try await worker.post(path + "/orientation", [("derogation_service", "CCAS"), ("justification", "Suivi budgétaire déjà engagé au CCAS"),
                                                                        ("accord_pts", "Mme Responsable PTS"), ("accord_ccas", "M. Chef de service CCAS")])
            #expect(granted.status == 303)
            let agreed = try app.store.readSync { db in try db.queryOne("SELECT derogation_agreed_by_pts, derogation_agreed_by_ccas FROM orientations") }
            #expect(agreed?.string("derogation_agreed_by_pts") == "Mme Responsable PTS" && agreed?.string("derogation_agreed_by_ccas") == "M. Chef de service CCAS")
            #expect(try app.store.readSync { db in try db.string("SELECT service FROM orientations") } == "CCAS")
            #expect(try app.store.readSync { db in try db.int("SELECT is_derogation FROM orientations") } == 1)
            #expect(try app.auditCount(.derogationRecorded) == 1)
        }
    }

    @Test func anonymousInformationContactIsOneClickAndCounted() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let response = try await agent.post("/accueils/information", [("site", "ccas-cite-municipale"), ("canal", "telephone")])
            #expect(response.status == 303)
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT person_id, information_only, channel FROM intakes") })
            #expect(row["person_id"] == .null)
            #expect(row.int("information_only") == 1)
            #expect(row.string("channel") == "telephone")
        }
    }

    @Test func duplicatesCanBeMergedLater() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            try await agent.post("/accueils", Self.family())
            try await agent.post("/accueils", Self.family([("personne", "nouveau"), ("naissance", "")]))
            #expect(try count(app, "persons") == 2)
            let ids = try app.store.readSync { db in try db.query("SELECT id FROM persons ORDER BY id").compactMap { $0.int64("id") } }
            let page = try await agent.get("/personnes/\(ids[0])")
            #expect(page.text.contains("Doublons possibles"))
            #expect(try await agent.post("/personnes/\(ids[0])/fusion", [("doublon", String(ids[1]))]).status == 303)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM intakes WHERE person_id = ?", [ids[0]]) } == 2)
            #expect(try await agent.get("/personnes/\(ids[1])").status == 301)
            #expect(try app.auditCount(.personsMerged) == 2)
        }
    }
}

/// Households of every size: several adults, more children than the first rows.
@Suite struct HouseholdSizeTests {
    @Test func aGrandmotherWithHerAdultSonAndHisPartnerIsOrientedNotRefused() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let saved = try await agent.post("/accueils", IntakeJourneyTests.family([("adultes", "3"), ("enfant0_naissance", ""), ("secteur", "cauderan"), ("age", "67")]))
            #expect(saved.status == 303)
            let decision = try await agent.get(try #require(saved.header("Location")))
            #expect(decision.text.contains("Foyer de 3 adultes sans enfant mineur"))
            let stored = try app.store.readSync { db in try IntakeRepository.find(db, id: 1)?.household?.household.adults }
            #expect(stored == 3)
        }
    }

    @Test func moreChildRowsComeBackWithNothingSavedAndTheSeventhChildCounts() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let form = try await agent.get("/accueils/nouveau")
            #expect(form.text.contains("name=\"enfant4_naissance\"") && !form.text.contains("name=\"enfant5_naissance\""))
            let longer = try await agent.post("/accueils", IntakeJourneyTests.family([("ajouter_enfants", "1"), ("lignes_enfants", "5")]))
            #expect(longer.status == 200)
            #expect(longer.text.contains("name=\"enfant9_naissance\"") && longer.text.contains("value=\"10\""))
            #expect(longer.text.contains("value=\"2023-06-01\""), "what was typed comes back")
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM intakes") } == 0)
            // A family whose only minor child is typed on the seventh row goes to the MDS.
            let saved = try await agent.post("/accueils", IntakeJourneyTests.family([("lignes_enfants", "10"), ("enfant0_naissance", ""),
                                                                                    ("enfant6_naissance", "2015-02-02"), ("adultes", "2")]))
            #expect(saved.status == 303)
            let children = try app.store.readSync { db in try IntakeRepository.find(db, id: 1)?.household?.household.children.count }
            #expect(children == 1)
            let decision = try await agent.get(try #require(saved.header("Location")))
            #expect(decision.text.contains("enfant mineur à charge"))
        }
    }
}
