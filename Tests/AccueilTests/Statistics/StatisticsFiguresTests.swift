import Foundation
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// Every indicator of the figures, checked by value on the hand-built data of `StatisticsFixture`
/// (October 2026 compared with September 2026), through the JSON API a manager's tools would use.
@Suite(.serialized) struct StatisticsFiguresTests {
    static func filled() throws -> TestApp {
        let app = try TestApp()
        try app.store.writeSync { db in try StatisticsFixture(referential: app.context.referential).fill(db) }
        return app
    }

    /// table id → row key → (value or nil when masked, masked, share)
    typealias Rows = [String: [String: [String: Any]]]

    static func rows(_ json: [String: Any]) -> Rows {
        var out: Rows = [:]
        for table in json["tables"] as? [[String: Any]] ?? [] {
            let id = table["id"] as? String ?? ""
            for row in table["rows"] as? [[String: Any]] ?? [] { out[id, default: [:]][row["key"] as? String ?? ""] = row }
        }
        return out
    }

    static func value(_ rows: Rows, _ table: String, _ key: String, previous: Bool = false) -> Int? {
        rows[table]?[key]?[previous ? "previousValue" : "value"] as? Int
    }

    static func masked(_ rows: Rows, _ table: String, _ key: String) -> Bool {
        rows[table]?[key]?["masked"] as? Bool ?? false
    }

    func fetch(_ app: TestApp, _ query: String) async throws -> (Int, [String: Any]) {
        let manager = try await app.signedIn("responsable")
        let response = try await manager.get("/api/v1/stats?" + query)
        let json = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any] ?? [:]
        return (response.status, json)
    }

    @Test func octoberFiguresComparedWithSeptember() async throws {
        let app = try Self.filled()
        defer { Task { await app.stop() } }
        let (status, json) = try await fetch(app, "from=2026-10-01&to=2026-10-31")
        #expect(status == 200)
        #expect(json["from"] as? String == "2026-10-01")
        #expect(json["to"] as? String == "2026-10-31")
        #expect((json["previous"] as? [String: String]) == ["from": "2026-09-01", "to": "2026-09-30"], "a month is compared with the month before")
        #expect(json["requested"] is NSNull, "asked on whole months")
        #expect(json["site"] is NSNull)
        #expect(json["maskingThreshold"] as? Int == 5)
        let rows = Self.rows(json)
        func v(_ table: String, _ key: String) -> Int? { Self.value(rows, table, key) }
        func p(_ table: String, _ key: String) -> Int? { Self.value(rows, table, key, previous: true) }
        func share(_ table: String, _ key: String) -> Double? { rows[table]?[key]?["share"] as? Double }

        // Synthesis.
        #expect(v("synthese", "contacts") == 24)
        #expect(p("synthese", "contacts") == 10)
        #expect(v("synthese", "accueils") == 17)
        #expect(p("synthese", "accueils") == 8)
        #expect(v("synthese", "information_seule") == 7)
        #expect(Self.masked(rows, "synthese", "double_sollicitation"))   // 2 people
        #expect(v("synthese", "double_sollicitation") == nil)
        #expect(v("synthese", "orientations") == 17)
        #expect(p("synthese", "orientations") == 8)
        #expect(Self.masked(rows, "synthese", "derogations"))            // 1 derogation
        // Families received in permanences are counted from the planning's receptions (PermanenceFiguresTests):
        // this data set books nobody into a permanence.
        #expect(v("synthese", "familles_mds_cite") == 0)
        #expect(v("synthese", "sans_enfant_mineur_ccas") == 9)
        #expect(p("synthese", "sans_enfant_mineur_ccas") == 8)
        #expect(v("synthese", "delai_median_jours") == 4)
        #expect(p("synthese", "delai_median_jours") == 2)

        // Destinations: the MDS Bastide received three families itself (a group under five, hidden at that
        // site, with one of its zeros so that « all three went to Bastide » is not told by its total); the
        // Cité's five towards Bastide are hidden with them, and the Cité's nine towards the CCAS; the
        // all-sites figures, sums of hidden cells of two sites each, are shown.
        #expect(v("destinations", "ccas-cite-municipale") == 9 && v("destinations", "mds-bastide") == 8)
        #expect(share("destinations", "mds-bastide") == 0.4706)
        let bastide = Self.rows(try await fetch(app, "from=2026-10-01&to=2026-10-31&site=mds-bastide").1)
        #expect(Self.masked(bastide, "destinations", "mds-bastide") && Self.masked(bastide, "destinations", "ccas-cite-municipale"))
        let cite = Self.rows(try await fetch(app, "from=2026-10-01&to=2026-10-31&site=ccas-cite-municipale").1)
        #expect(Self.masked(cite, "destinations", "mds-bastide") && Self.masked(cite, "destinations", "ccas-cite-municipale"))
        #expect(v("destinations", "mds-lac") == 0)
        #expect(p("destinations", "ccas-cite-municipale") == 8)
        #expect(v("suggestions", "SENIORS") == 6)
        #expect(Self.masked(rows, "suggestions", "PLAJE"))
        #expect(rows["suggestions"]?["PLAJE"]?["share"] is NSNull)
        #expect(v("suggestions", "CAIO") == 0)

        // Motives (share of the 17 named intakes), channels (of 24 contacts), levels.
        #expect(v("motifs", "logement") == 11)
        #expect(share("motifs", "logement") == 0.6471)
        #expect(v("motifs", "acces-droits") == 6)
        #expect(Self.masked(rows, "motifs", "budget-aides"))
        #expect(Self.masked(rows, "motifs", "sante"))
        #expect(Self.masked(rows, "motifs", "enfance-famille"))
        #expect(v("motifs", "ecoute-information") == 0)                 // anonymous contacts have no motive counted
        #expect(p("motifs", "logement") == 8)
        #expect(v("canaux", "sur_place") == 14)
        // E-mail (2) is masked, and so is phone (8): otherwise 24 − 14 − 8 would give the 2 back.
        #expect(Self.masked(rows, "canaux", "courriel"))
        #expect(Self.masked(rows, "canaux", "telephone"))
        #expect(p("canaux", "sur_place") == 10)
        // Levels: Bastide's three (level 1) are hidden at Bastide with its zero level 2; all sites together show them.
        #expect(v("niveaux", "1") == 12 && v("niveaux", "2") == 5)
        #expect(p("niveaux", "1") == 8)

        // Ages: 18-25 (2) is masked, and so is the smallest other bracket, 66+ (6): 17 − 9 − 6 = 2.
        #expect(Self.masked(rows, "ages", "18-25"))
        #expect(Self.masked(rows, "ages", "66+"))
        #expect(rows["ages"]?["66+"]?["share"] is NSNull)
        #expect(v("ages", "26-59") == 9)
        #expect(v("ages", "0-17") == 0)
        #expect(v("ages", "inconnu") == 0)
        #expect(p("ages", "26-59") == 8)
        #expect(p("ages", "66+") == 0)

        // Households.
        #expect(v("foyers", "seul") == 7)
        #expect(Self.masked(rows, "foyers", "couple"))
        #expect(v("foyers", "monoparental") == 5, "Bastide's three couples with children have a zero of Bastide for company")
        #expect(Self.masked(rows, "foyers", "couple_enfants"))
        #expect(Self.masked(rows, "foyers", "grossesse"))

        // Closed loop.
        #expect(Self.masked(rows, "suivi", "honoree"), "Bastide's three honoured are the Cité's three's company")
        #expect(Self.masked(rows, "suivi", "non_honoree"))
        #expect(Self.masked(rows, "suivi", "excusee"))
        #expect(v("suivi", "reorientee") == 0)
        #expect(v("suivi", "ouverte") == 9)
        #expect(v("suivi", "en_retard") == 8)
        #expect(p("suivi", "honoree") == 8)
        #expect(p("suivi", "en_retard") == 0)
    }

    @Test func shareOfPeopleAged66AndOver() async throws {
        let app = try Self.filled()
        defer { Task { await app.stop() } }
        // At the Cité in October: the six people aged 70 (A) among its 14 intakes; the two aged 20 are
        // hidden, with the six aged 26 to 59 (not with the 66+, which are not the smallest).
        let (_, json) = try await fetch(app, "from=2026-10-01&to=2026-10-31&site=ccas-cite-municipale")
        let rows = Self.rows(json)
        #expect(Self.value(rows, "ages", "66+") == 6)
        #expect(rows["ages"]?["66+"]?["share"] as? Double == 0.4286)
        #expect(Self.masked(rows, "ages", "18-25") && Self.masked(rows, "ages", "26-59"))
        #expect(Self.value(rows, "synthese", "accueils") == 14)
        // 1 September – 10 October is answered on the whole months it touches, and says so.
        let (_, widened) = try await fetch(app, "from=2026-09-01&to=2026-10-10")
        #expect(widened["from"] as? String == "2026-09-01" && widened["to"] as? String == "2026-10-31")
        #expect((widened["requested"] as? [String: String]) == ["from": "2026-09-01", "to": "2026-10-10"])
        #expect((widened["previous"] as? [String: String]) == ["from": "2026-07-01", "to": "2026-08-31"])
        #expect(Self.value(Self.rows(widened), "synthese", "accueils") == 25)
    }

    @Test func oneSiteAndMaskingOfSmallGroups() async throws {
        let app = try Self.filled()
        defer { Task { await app.stop() } }
        let (status, json) = try await fetch(app, "from=2026-10-01&to=2026-10-31&site=mds-bastide")
        #expect(status == 200)
        #expect(json["site"] as? String == "mds-bastide")
        let rows = Self.rows(json)
        // Three families at the MDS Bastide: every figure is under 5, so masked, never 3.
        for key in ["contacts", "accueils", "orientations"] {
            #expect(Self.masked(rows, "synthese", key))
            #expect(rows["synthese"]?[key]?["value"] is NSNull)
        }
        #expect(Self.value(rows, "synthese", "familles_mds_cite") == 0)
        #expect(Self.value(rows, "synthese", "information_seule") == 0)
        // The median of 3 delays is masked too.
        #expect(Self.masked(rows, "synthese", "delai_median_jours"))
        let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        #expect(!text.contains("Zyxwaldo") && !text.contains("Quintessa"))
    }

    @Test func jsonKeysAreStable() async throws {
        let app = try Self.filled()
        defer { Task { await app.stop() } }
        let (_, json) = try await fetch(app, "from=2026-10-01&to=2026-10-31")
        #expect(Set(json.keys) == ["from", "to", "site", "previous", "maskingThreshold", "tables", "breakdowns", "requested", "wholeMonths"])
        let tables = try #require(json["tables"] as? [[String: Any]])
        let breakdowns = try #require(json["breakdowns"] as? [[String: Any]])
        #expect((tables + breakdowns).map { $0["id"] as? String ?? "" } == ActivityFigures.tableIDs)
        #expect(ActivityFigures.tableIDs == ["synthese", "destinations", "suggestions", "motifs", "canaux", "niveaux", "ages", "foyers", "suivi",
                                             "permanences", "regle", "hors_bordeaux", "information", "hors_les_murs", "expulsions",
                                             "ages_mds_cite", "motifs_mds_cite", "ages_ccas_mds", "motifs_ccas_mds",
                                             "permanences_sites", "permanences_services", "residence_mds_cite", "mois"])
        let permanenceColumns = ["seances_prevues", "seances_tenues", "seances_annulees", "places_offertes", "places_reservees", "taux_reservation", "passages"]
        let expectedColumns = ["permanences_sites": permanenceColumns, "permanences_services": permanenceColumns, "residence_mds_cite": ["connues", "nouvelles"],
                               "mois": ["contacts", "orientations_ccas", "orientations_mds", "orientations_hors_bordeaux", "hors_les_murs", "passages"]]
        for table in breakdowns {
            #expect(Set(table.keys) == ["id", "title", "note", "columns", "lines"])
            let columns = (table["columns"] as? [[String: String]] ?? []).compactMap { $0["key"] }
            #expect(columns == expectedColumns[table["id"] as? String ?? ""])
            for line in table["lines"] as? [[String: Any]] ?? [] {
                #expect(Set(line.keys) == ["key", "label", "values"])
                #expect(Set((line["values"] as? [String: Any] ?? [:]).keys) == Set(columns))
            }
        }
        for table in tables {
            #expect(Set(table.keys) == ["id", "title", "note", "rows"])
            for row in table["rows"] as? [[String: Any]] ?? [] {
                #expect(Set(row.keys) == ["key", "label", "value", "masked", "share", "previousValue", "previousMasked", "previousShare"])
            }
        }
    }

    @Test func badDatesAreA400WithTheField() async throws {
        let app = try Self.filled()
        defer { Task { await app.stop() } }
        for (query, field) in [("from=2026-13-01&to=2026-10-31", "from"), ("from=2026-10-01&to=31/10/2026", "to"),
                               ("from=2026-10-31&to=2026-10-01", "to"), ("from=2026-10-01&to=2026-10-31&site=nulle-part", "site")] {
            let (status, json) = try await fetch(app, query)
            #expect(status == 400, "\(query)")
            #expect(json["field"] as? String == field, "\(query)")
            #expect((json["error"] as? String)?.isEmpty == false)
        }
        let manager = try await app.signedIn("responsable")
        let page = try await manager.get("/statistiques?du=2026-02-30&au=2026-10-31")
        #expect(page.status == 400)
        #expect(page.text.contains("La date de début est invalide"))
    }

    /// The running month's details stay hidden until it is over: read on two days, they would give
    /// away the day's small groups. Its volumes are counted at once; the default period stops at the
    /// last completed month.
    @Test func theRunningMonthShowsItsDetailsOnceOver() async throws {
        try await withApp { app in
            let fixture = StatisticsFixture(referential: app.context.referential)
            try app.store.writeSync { db in
                for _ in 0..<6 { _ = try fixture.intake(db, StatisticsFixture.Contact(day: app.context.today.description, motives: ["sante"])) }
            }
            let (_, november) = try await fetch(app, "from=2026-11-01&to=2026-11-30")
            let rows = Self.rows(november)
            #expect(Self.value(rows, "synthese", "accueils") == 6)
            #expect(Self.masked(rows, "motifs", "sante") && Self.masked(rows, "ages", "inconnu"))
            let manager = try await app.signedIn("responsable")
            let page = try await manager.get("/statistiques")
            #expect(page.text.contains("value=\"2026-01-01\"") && page.text.contains("value=\"2026-10-31\""), "by default, the completed months")
            #expect(try await manager.get("/statistiques?du=2026-11-01&au=2026-11-30").text.contains("Le mois en cours n'est compté"))
            app.advanceClock(seconds: 20 * 86_400)
            let (_, later) = try await fetch(app, "from=2026-11-01&to=2026-11-30")
            #expect(Self.value(Self.rows(later), "motifs", "sante") == 6, "November is over")
        }
    }

    @Test func anIntakeSavedAtTheDeskIsCountedAtOnce() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            #expect(try await agent.post("/accueils", IntakeJourneyTests.family([("date", "2026-11-18")])).status == 303)
            try await agent.post("/accueils/information", [("site", "ccas-cite-municipale"), ("canal", "telephone")])
            let (_, json) = try await fetch(app, "from=2026-11-18&to=2026-11-18")
            let rows = Self.rows(json)
            #expect(Self.masked(rows, "synthese", "contacts"))   // 2 contacts
            let direct = try app.store.readSync { db in
                try StatisticsDirectQuery.tally(db, StatisticsPeriod(from: "2026-11-18", to: "2026-11-18", siteID: nil)!)
            }
            #expect(direct.count("contacts") == 2)
            #expect(direct.count("canal", "telephone") == 1)
            #expect(direct.count("foyer", "monoparental") == 1)
            #expect(try app.store.readSync { db in try StatisticsRepository.tally(db, StatisticsPeriod(from: "2026-11-18", to: "2026-11-18", siteID: nil)!) } == direct)
        }
    }
}
