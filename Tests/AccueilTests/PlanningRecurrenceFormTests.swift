import Foundation
import Planning
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// Recurrences and "hors grille" permanences created through the forms, read back from the database
/// and the pages. The test clock stands on Wednesday 18 November 2026.
@Suite(.serialized) struct PlanningRecurrenceFormTests {
    func permanence(_ app: TestApp, _ id: String) throws -> Permanence? {
        try app.store.readSync { db in try PlanningRepository.permanence(db, id: id) }
    }

    func dates(_ p: Permanence, _ from: String, _ to: String) throws -> [String] {
        Planning.occurrences(of: [p], from: try #require(CalendarDate(from)), to: try #require(CalendarDate(to)), closures: [], absences: [])
            .map(\.date.description)
    }

    /// A CCAS permanence at the Maison France Services Les Aubiers, "hors grille".
    static let outreach: [(String, String)] = [
        ("site", "france-services-aubiers"), ("institution", "ccas"), ("circonscription", ""), ("jour", "4"), ("demi_journee", "afternoon"),
        ("heure_debut", "14:00"), ("heure_fin", "16:30"), ("titulaire", "ts-ccas-2"), ("suppleant", "ts-ccas-3"), ("mode", "sans_rendez_vous"),
        ("duree", ""), ("capacite", "5"), ("debut_validite", "2026-11-18"),
    ]

    func with(_ fields: [(String, String)], _ changes: [String: String]) -> [(String, String)] {
        fields.map { ($0.0, changes[$0.0] ?? $0.1) } + changes.filter { key, _ in !fields.contains { $0.0 == key } }.map { ($0.key, $0.value) }
    }

    @Test func everyOtherWeekCrossesTheNewYearWithoutLosingStep() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            let form = try await manager.get("/planning/permanences/nouvelle")
            #expect(form.status == 200 && form.text.contains("<h1>Nouvelle permanence hors grille</h1>"))
            #expect(form.text.contains("<legend>Fréquence</legend>") && form.text.contains("value=\"centre-animation-benauge\""))
            let created = try await manager.post("/planning/permanences", with(Self.outreach, ["recurrence": "quinzaine", "semaine_depart": "2026-12-23"]))
            #expect(created.status == 303)
            #expect(created.header("Location") == "/planning?info=ajoutee#permanence-ccas-france-services-aubiers-jeudi-afternoon")
            let stored = try #require(try permanence(app, "ccas-france-services-aubiers-jeudi-afternoon"))
            #expect(stored.recurrence == .everyOtherWeek(startingWeekOf: CalendarDate("2026-12-23")!))
            #expect(stored.start == TimeOfDay("14:00") && stored.end == TimeOfDay("16:30") && stored.mode == .open(softCapacity: 5))
            // 24 Dec, (31 Dec skipped), 7 Jan, (14 Jan skipped), 21 Jan: 2026 has an ISO week 53.
            #expect(try dates(stored, "2026-12-01", "2027-01-31") == ["2026-12-24", "2027-01-07", "2027-01-21"])
        }
    }

    @Test func listedDatesAreParsedSortedAndDeduplicated() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            try await manager.get("/planning/permanences/nouvelle")
            let created = try await manager.post("/planning/permanences", with(Self.outreach, [
                "recurrence": "dates", "dates": "17/12/2026, 2026-12-03\n3/12/2026\n\n2027-01-14",
            ]))
            #expect(created.status == 303)
            let stored = try #require(try permanence(app, "ccas-france-services-aubiers-jeudi-afternoon"))
            #expect(try dates(stored, "2026-11-18", "2027-03-31") == ["2026-12-03", "2026-12-17", "2027-01-14"])
            // The edit page shows them back, one a line, and keeps them.
            let edit = try await manager.get("/planning/permanences/\(stored.id)")
            #expect(edit.text.contains(">03/12/2026\n17/12/2026\n14/01/2027</textarea>"))
            #expect(edit.text.contains("value=\"dates\" checked"))
        }
    }

    @Test func recurrenceMistakesAreExplainedInFrench() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            try await manager.get("/planning/permanences/nouvelle")
            let cases: [([String: String], String)] = [
                (["recurrence": "dates", "dates": "31/02/2027"], "« 31/02/2027 » n&#39;est pas une date"),
                (["recurrence": "dates", "dates": " \n , "], "Indiquez au moins une date."),
                (["recurrence": "dates", "dates": (0..<61).map { CalendarDate("2027-01-04")!.adding(days: $0).description }.joined(separator: "\n")],
                 "Indiquez 60 dates au plus (61 saisies)"),
                (["recurrence": "dates", "dates": "10/11/2026\n2026-12-03"], "Le 10/11/2026 est hors de la période de validité (à partir du 18/11/2026)."),
                (["recurrence": "quinzaine", "semaine_depart": "bientôt"], "Indiquez une date de la première semaine"),
                (["recurrence": "tous-les-mois"], "Choisissez la fréquence de la permanence."),
            ]
            for (changes, message) in cases {
                let refused = try await manager.post("/planning/permanences", with(Self.outreach, changes))
                #expect(refused.status == 422, "\(changes)")
                #expect(refused.text.contains(message), "\(changes): \(message)")
                #expect(refused.text.contains("aria-invalid=\"true\"") || refused.text.contains("f-recurrence-erreur"))
            }
            #expect(try permanence(app, "ccas-france-services-aubiers-jeudi-afternoon") == nil)
        }
    }

    @Test func horsGrillePlacesAreCheckedAndListedInTheThirdSection() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            let grid = try await manager.get("/planning")
            #expect(grid.text.contains("<h2 id=\"autres-permanences\">Autres permanences (hors les murs, France Services…)</h2>"))
            // The demo's outreach permanences (DOMAIN.md): MDS Lac at Les Aubiers, MDS Bastide at Benauge and Bastide Queyries.
            let others = grid.text.components(separatedBy: "id=\"autres-permanences\"")[1]
            for site in ["Maison France Services Les Aubiers", "Centre d&#39;animation Benauge", "Centre d&#39;animation Bastide Queyries"] {
                #expect(others.contains(site), "\(site)")
            }
            #expect(others.contains("une semaine sur deux") && others.contains("href=\"/planning/permanences/mds-lac-aubiers\""))
            #expect(others.contains("href=\"/planning/permanences/nouvelle\">Nouvelle permanence hors grille"))

            let refused = try await manager.post("/planning/permanences", with(Self.outreach, [
                "site": "atlantide", "institution": "departement", "circonscription": "", "recurrence": "hebdomadaire",
            ]))
            #expect(refused.status == 422)
            #expect(refused.text.contains("Choisissez le site qui accueille la permanence."))
            #expect(refused.text.contains("Choisissez la circonscription de la MDS"))
            #expect(refused.text.contains("Louis Démo n&#39;est pas du Département"))

            let created = try await manager.post("/planning/permanences", with(Self.outreach, [
                "site": "centre-animation-benauge", "institution": "departement", "circonscription": "sud", "jour": "1", "demi_journee": "morning",
                "heure_debut": "", "heure_fin": "", "titulaire": "as-sud-1", "suppleant": "as-sud-2", "recurrence": "hebdomadaire",
            ]))
            #expect(created.status == 303)
            let id = "mds-sud-centre-animation-benauge-lundi-morning"
            let stored = try #require(try permanence(app, id))
            #expect(stored.sendingInstitution == .departement && stored.circonscriptionID == "sud" && stored.start == TimeOfDay("09:00"))
            let page = try await app.signedIn("agent").get("/planning")
            let third = page.text.components(separatedBy: "id=\"autres-permanences\"")[1]
            #expect(third.contains("id=\"permanence-\(id)\"") && third.contains("Lundi matin, 9h–12h"))
            #expect(!third.contains("/planning/permanences/"))
            let day = try await app.signedIn("agent").get("/planning/sites/centre-animation-benauge/jour?date=2026-11-23")
            #expect(day.status == 200 && day.text.contains("Inès Modèle"))
        }
    }
}
