#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SQLiteStore
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// The slip and the meeting needs over real HTTP, and the migration that prepared the stored data.
@Suite(.serialized) struct SlipJourneyTests {
    func orient(_ app: TestApp, _ agent: Browser, _ overrides: [(String, String)], slot: String? = nil) async throws -> (orientation: String, slip: String) {
        _ = try await agent.get("/accueils/nouveau")
        let saved = try await agent.post("/accueils", IntakeJourneyTests.family(overrides))
        #expect(saved.status == 303)
        let decision = try #require(saved.header("Location"))
        _ = try await agent.get(decision)
        let booking = slot.map { [("creneau", $0)] } ?? [("reservation", "rendez_vous"), ("reservation_date", "2026-11-20"), ("reservation_heure", "14:00")]
        let confirmed = try await agent.post(decision + "/orientation", booking)
        let orientation = try #require(confirmed.header("Location"))
        return (orientation, try await agent.get(orientation + "/fiche").text)
    }

    @Test func aChildInDangerChangesNothingOnTheSlipWhileTheAgentSeesTheAlert() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let plain = try await orient(app, agent, [("motifs", "violences-intrafamiliales")])
            _ = try await agent.get("/accueils/nouveau")
            let saved = try await agent.post("/accueils", IntakeJourneyTests.family([("motifs", "violences-intrafamiliales"), ("enfant_danger", "1"), ("personne", "nouveau")]))
            let decision = try await agent.get(try #require(saved.header("Location")))
            #expect(decision.text.contains("CRIP"), "the agent sees the alert")
            let flagged = try await orient(app, agent, [("motifs", "violences-intrafamiliales"), ("enfant_danger", "1"), ("personne", "nouveau")])
            func withoutReference(_ page: String) -> String {
                page.replacingOccurrences(of: #"AC-\d{4}-\d{6}"#, with: "REF", options: .regularExpression)
                    .replacingOccurrences(of: #"/orientations/\d+"#, with: "/orientations/N", options: .regularExpression)
            }
            #expect(withoutReference(plain.slip) == withoutReference(flagged.slip))
            #expect(PersonSlipTests.forbiddenTerms(in: PersonSlipTests.plainText(flagged.slip)).isEmpty)
            #expect(!flagged.slip.contains("Violences") && !flagged.slip.contains("plainte"), "neither the motive nor its documents")
            #expect(!flagged.slip.contains("1990") && !flagged.slip.contains("06 12 34 56 78") && !flagged.slip.contains("DURAND"))
        }
    }

    @Test func theLanguageIsATagKeptWithoutInterpreterAndAnUnknownTagIsRefusedOnItsField() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            _ = try await agent.get("/accueils/nouveau")
            let unknown = try await agent.post("/accueils", IntakeJourneyTests.family([("langue", "klingon")]))
            #expect(unknown.status == 422)
            #expect(unknown.text.contains("Langue inconnue"))
            #expect(unknown.text.contains("href=\"#f-langue\""))
            let unnamed = try await agent.post("/accueils", IntakeJourneyTests.family([("langue", "autre")]))
            #expect(unnamed.status == 422 && unnamed.text.contains("Précisez le nom de la langue."))
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM intakes") } == 0, "nothing half-saved")

            let (_, slip) = try await orient(app, agent, [("langue", "uk")])
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT language, language_other, interpreter_needed FROM intakes") })
            #expect(row.string("language") == "uk" && row.string("language_other") == nil && row.bool("interpreter_needed") == false)
            #expect(slip.contains("lang=\"uk\" dir=\"ltr\""), "the slip is printed in Ukrainian beside the French")
            #expect(!slip.contains("interprète"), "no interpreter was asked for")

            _ = try await orient(app, agent, [("langue", "autre"), ("langue_autre", "tigré"), ("interprete", "1"), ("personne", "nouveau")])
            let other = try #require(try app.store.readSync { db in try db.queryOne("SELECT language, language_other, interpreter_needed FROM intakes ORDER BY id DESC") })
            #expect(other.string("language") == "autre" && other.string("language_other") == "tigré" && other.bool("interpreter_needed") == true)
        }
    }

    @Test func theNeedsTravelToTheOrientationPageTheIncomingListAndTheSlip() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let (orientation, slip) = try await orient(app, agent, [("langue", "ar"), ("interprete", "1"), ("accessibilite", "fauteuil roulant")])
            #expect(slip.contains("Un interprète en arabe est demandé pour votre rendez-vous."))
            #expect(slip.contains("lang=\"ar\" dir=\"rtl\""))
            #expect(slip.contains("Vos besoins d&#39;accessibilité ont été signalés au service."))
            #expect(!slip.contains("fauteuil"), "the agent's wording of the need stays off the paper")
            let page = try await agent.get(orientation)
            #expect(page.text.contains("Besoin d&#39;un interprète (arabe) · Accessibilité : fauteuil roulant"))
            let incoming = try await app.signedIn("ts.mds").get("/orientations/recues")
            #expect(incoming.text.contains("Besoin d&#39;un interprète (arabe)"))
            // A place booked from the planning: the site's day sheet shows the needs beside the name.
            let ccas = try await orient(app, agent, [("adultes", "2"), ("enfant0_naissance", ""), ("secteur", "cauderan"), ("personne", "nouveau"),
                                                     ("langue", "uk"), ("interprete", "1")], slot: IntakeBookingTests.firstCCASSlot)
            #expect(ccas.slip.contains("Un interprète en ukrainien est demandé"))
            let sheet = try await agent.get("/planning/sites/mds-saint-michel/jour?date=2026-11-19")
            #expect(sheet.text.contains("(Besoin d&#39;un interprète (ukrainien))"))
        }
    }

    @Test func theDecisionAndTheSitesPageSayWhichContactDetailsAreMissing() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            _ = try await agent.get("/accueils/nouveau")
            let saved = try await agent.post("/accueils", IntakeJourneyTests.family())
            let decision = try await agent.get(try #require(saved.header("Location")))
            #expect(decision.text.contains("Coordonnées à compléter pour ce site (adresse, téléphone, horaires, accessibilité)"))
            let sites = try await app.signedIn("admin").get("/admin/sites")
            #expect(sites.text.contains("Coordonnées à compléter"))
            #expect(sites.text.contains("MDS Bastide</a> : adresse, téléphone, horaires, accessibilité"))
            #expect(sites.text.contains("CCAS – Cité Municipale</a> : téléphone, horaires, accessibilité"))
        }
    }

    @Test func theMigrationMapsFreeTextLanguagesAndRemovesPlaceholderSiteDetails() throws {
        var template = Array("/tmp/accueil-migration-XXXXXX".utf8CString)
        let directory = String(cString: mkdtemp(&template))
        defer { _ = system("rm -rf '\(directory)'") }
        let path = directory + "/old.sqlite"
        do {
            let old = try Store(path: path, migrator: Migrator(Array(Schema.migrations.prefix(8))))
            try old.writeSync { db in
                try db.execute("""
                    INSERT INTO sites (id, name, kind, address, phone, opening_hours, accessibility, valid_from) VALUES
                      ('mds-bastide', 'MDS Bastide', 'mds', 'Quartier La Bastide, Bordeaux (adresse exacte à confirmer)', NULL,
                       'Du lundi au vendredi, 9 h – 12 h 30 (horaires indicatifs, à confirmer)', 'Accessibilité PMR à confirmer', '2022-10-01'),
                      ('mds-centre', 'MDS Centre', 'mds', 'Tour Aquitaine, Bordeaux (adresse exacte à confirmer)', NULL, NULL, NULL, '2022-10-01'),
                      ('mds-lac', 'MDS Lac', 'mds', '12 rue Réelle, Bordeaux (étage à confirmer)', '05 56 00 00 00', 'Lundi 9 h – 12 h (horaires indicatifs)', 'Ascenseur', '2022-10-01');
                    INSERT INTO accounts (id, login, display_name, institution, password_hash, created_at) VALUES (1, 'a', 'A', 'CCAS', 'x', 0);
                    """)
                for (index, language) in ["Arabe", " anglais ", "LSF", "tigré", "Farsi"].enumerated() {
                    try db.run("""
                        INSERT INTO intakes (id, at, site_id, account_id, channel, level, interpreter_language) VALUES (?, 0, 'mds-lac', 1, 'sur_place', 1, ?)
                        """, [index + 1, language])
                }
                try db.run("INSERT INTO intakes (id, at, site_id, account_id, channel, level) VALUES (9, 0, 'mds-lac', 1, 'sur_place', 1)")
            }
        }
        let store = try Store(path: path, migrator: Schema.migrator)
        try store.readSync { db in
            let rows = try db.query("SELECT id, language, language_other, interpreter_needed FROM intakes ORDER BY id")
            let languages = rows.map { "\($0.string("language") ?? "-")/\($0.string("language_other") ?? "-")/\($0.int("interpreter_needed") ?? -1)" }
            #expect(languages == ["ar/-/1", "en/-/1", "fsl/-/1", "autre/tigré/1", "fa/-/1", "-/-/0"])
            let columns = try db.query("PRAGMA table_info(intakes)").compactMap { $0.string("name") }
            #expect(!columns.contains("interpreter_language"))
            let bastide = try #require(try db.queryOne("SELECT * FROM sites WHERE id = 'mds-bastide'"))
            #expect(bastide.string("address") == nil && bastide.string("opening_hours") == nil && bastide.string("accessibility") == nil)
            let lac = try #require(try db.queryOne("SELECT * FROM sites WHERE id = 'mds-lac'"))
            #expect(lac.string("address") == "12 rue Réelle, Bordeaux (étage à confirmer)" && lac.string("opening_hours") == "Lundi 9 h – 12 h (horaires indicatifs)",
                    "an administrator's own entry stays")
        }
        // At start-up the directory takes the addresses the convention gives where none is stored.
        try store.writeSync { db in try SiteDirectory.seed(db, from: PersonSlipTests.referential) }
        let centre = try store.readSync { db in try db.queryOne("SELECT address FROM sites WHERE id = 'mds-centre'")?.string("address") }
        #expect(centre == "Tour Aquitaine, rue Corps Franc Pommiès, Bordeaux")
    }
}
