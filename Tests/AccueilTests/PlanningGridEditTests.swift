import Foundation
import Planning
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// Managers edit `/planning` in place (a `<details>` form per occupied cell), with stale edits refused.
/// The test clock stands on Wednesday 18 November 2026.
@Suite(.serialized) struct PlanningGridEditTests {
    func permanence(_ app: TestApp, _ id: String) throws -> Permanence? {
        try app.store.readSync { db in try PlanningRepository.permanence(db, id: id) }
    }

    /// The hidden version of a cell's form, as the grid page drew it.
    func version(in page: String, of id: String) throws -> String {
        let form = try #require(page.range(of: "action=\"/planning/permanences/\(id)/personnes\""))
        let rest = page[form.upperBound...]
        let start = try #require(rest.range(of: "name=\"version\" value=\""))
        return String(rest[start.upperBound...].prefix(16))
    }

    @Test func aManagerChangesACellInPlaceAndLandsBackOnIt() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            let page = try await manager.get("/planning", headers: ["Accept-Encoding": "gzip"])
            #expect(page.header("Content-Encoding") == "gzip")
            let plain = try await manager.get("/planning")
            #expect(plain.body.count < 150_000, "grid page is \(plain.body.count) bytes")
            #expect(plain.text.contains("<summary>Modifier<span class=\"visually-hidden\"> le ou la titulaire et le ou la suppléant·e de la permanence du vendredi matin, MDS Saint-Jean</span></summary>"))
            #expect(plain.text.contains("<label for=\"f-titulaire-ccas-mds-saint-jean\">"))
            #expect(plain.text.contains("href=\"/planning/permanences/ccas-mds-saint-jean\">Tous les détails…"))
            // The CCAS cell offers CCAS workers only (shorter lists, and the rule the form enforces).
            let cell = plain.text.components(separatedBy: "id=\"permanence-ccas-mds-saint-jean\"")[1].components(separatedBy: "</details>")[0]
            #expect(cell.contains("value=\"ts-ccas-1\"") && !cell.contains("value=\"as-lac-1\""))

            let saved = try await manager.post("/planning/permanences/ccas-mds-saint-jean/personnes",
                                               [("titulaire", "ts-ccas-1"), ("suppleant", ""), ("version", try version(in: plain.text, of: "ccas-mds-saint-jean"))])
            #expect(saved.status == 303)
            #expect(saved.header("Location") == "/planning?info=modifie#permanence-ccas-mds-saint-jean")
            let stored = try #require(try permanence(app, "ccas-mds-saint-jean"))
            #expect(stored.titulaireID == "ts-ccas-1" && stored.suppleantID == nil)
            #expect(stored.weekday == .friday && stored.halfDay == .morning && stored.recurrence == .weekly)
            let detail = try app.store.readSync { db in try db.string("SELECT detail FROM audit_log WHERE action = 'planning.permanence_modifiee'") }
            #expect(detail == "titulaire,suppleant")
            let day = try await app.signedIn("agent").get("/planning/sites/mds-saint-jean/jour?date=2026-11-20")
            #expect(day.text.contains("Karine Témoin") && !day.text.contains("Nicolas Fictif"))
        }
    }

    @Test func aRefusedCellComesBackOpenWithItsErrors() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            let page = try await manager.get("/planning")
            let token = try version(in: page.text, of: "ccas-mds-lac")
            let same = try await manager.post("/planning/permanences/ccas-mds-lac/personnes",
                                              [("titulaire", "ts-ccas-2"), ("suppleant", "ts-ccas-2"), ("version", token)])
            #expect(same.status == 422)
            let cell = same.text.components(separatedBy: "id=\"permanence-ccas-mds-lac\"")[1].components(separatedBy: "</details>")[0]
            #expect(cell.contains("<details class=\"cell-edit no-print\" open>"))
            #expect(cell.contains("<p class=\"field-error\" id=\"f-suppleant-ccas-mds-lac-erreur\">Le ou la suppléant·e doit être une autre personne"))
            #expect(cell.contains("aria-describedby=\"f-suppleant-ccas-mds-lac-erreur\" aria-invalid=\"true\""))
            #expect(same.text.contains("<a href=\"#f-suppleant-ccas-mds-lac\">"))
            // Only the failed cell is open.
            #expect(same.text.components(separatedBy: "<details class=\"cell-edit no-print\" open>").count == 2)

            let otherInstitution = try await manager.post("/planning/permanences/ccas-mds-lac/personnes",
                                                          [("titulaire", "as-lac-1"), ("suppleant", ""), ("version", token)])
            #expect(otherInstitution.status == 422 && otherInstitution.text.contains("Emma Témoin n&#39;est pas du CCAS"))
            let unknown = try await manager.post("/planning/permanences/ccas-mds-lac/personnes",
                                                 [("titulaire", "fantome"), ("suppleant", ""), ("version", token)])
            #expect(unknown.status == 422 && unknown.text.contains("en activité"))
            // An inactive worker is refused like an unknown one.
            try app.store.writeSync { db in try db.run("UPDATE social_workers SET active = 0 WHERE id = 'ts-ccas-3'") }
            let inactive = try await manager.post("/planning/permanences/ccas-mds-lac/personnes",
                                                  [("titulaire", "ts-ccas-3"), ("suppleant", ""), ("version", token)])
            #expect(inactive.status == 422)
            #expect(try permanence(app, "ccas-mds-lac")?.titulaireID == "ts-ccas-2")
            #expect(try app.auditCount(.permanenceChanged) == 0)
        }
    }

    @Test func aStaleCellEditIsRefusedWithTheCurrentValues() async throws {
        try await withApp { app in
            let alice = try await app.signedIn("responsable")
            let old = try version(in: try await alice.get("/planning").text, of: "ccas-mds-centre")
            // Someone else changes the suppléant first.
            let bob = try await app.signedIn("responsable")
            let fresh = try await bob.get("/planning")
            #expect(try await bob.post("/planning/permanences/ccas-mds-centre/personnes",
                                       [("titulaire", "ts-ccas-1"), ("suppleant", "ts-ccas-3"), ("version", try version(in: fresh.text, of: "ccas-mds-centre"))]).status == 303)
            let stale = try await alice.post("/planning/permanences/ccas-mds-centre/personnes",
                                             [("titulaire", "ts-ccas-4"), ("suppleant", "ts-ccas-2"), ("version", old)])
            #expect(stale.status == 409)
            #expect(stale.text.contains("modifiée par quelqu&#39;un d&#39;autre entre-temps"))
            let cell = stale.text.components(separatedBy: "id=\"permanence-ccas-mds-centre\"")[1].components(separatedBy: "</details>")[0]
            #expect(cell.contains(" open>") && cell.contains("<option value=\"ts-ccas-3\" selected>"))
            let stored = try #require(try permanence(app, "ccas-mds-centre"))
            #expect(stored.titulaireID == "ts-ccas-1" && stored.suppleantID == "ts-ccas-3")
            // The full edit page checks the version too.
            let full = try await alice.post("/planning/permanences/ccas-mds-centre",
                                            [("titulaire", "ts-ccas-4"), ("suppleant", "ts-ccas-2"), ("jour", "1"), ("demi_journee", "morning"),
                                             ("recurrence", "hebdomadaire"), ("version", old)])
            #expect(full.status == 409 && full.text.contains("modifiée par quelqu&#39;un d&#39;autre"))
            #expect(try permanence(app, "ccas-mds-centre")?.suppleantID == "ts-ccas-3")
        }
    }

    @Test func onlyManagersWithACSRFTokenEditCells() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            let token = try version(in: try await manager.get("/planning").text, of: "ccas-mds-lac")
            let fields = [("titulaire", "ts-ccas-1"), ("suppleant", ""), ("version", token)]
            #expect(try await manager.post("/planning/permanences/ccas-mds-lac/personnes", fields, csrf: .some(nil)).status == 403)
            for login in ["agent", "ts.ccas"] {
                let reader = try await app.signedIn(login)
                let page = try await reader.get("/planning")
                #expect(!page.text.contains("cell-edit") && !page.text.contains("/personnes"))
                #expect(try await reader.post("/planning/permanences/ccas-mds-lac/personnes", fields).status == 403)
            }
            #expect(try await manager.post("/planning/permanences/inconnue/personnes", fields).status == 404)
            #expect(try permanence(app, "ccas-mds-lac")?.titulaireID == "ts-ccas-2")
        }
    }
}
