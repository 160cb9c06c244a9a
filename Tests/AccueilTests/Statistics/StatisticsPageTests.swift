import Foundation
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// The figures page (charts + tables, no script) and its CSV files, read back as a spreadsheet would.
@Suite(.serialized) struct StatisticsPageTests {
    @Test func pageShowsChartsTablesAndMasksWithoutNames() async throws {
        let app = try StatisticsFiguresTests.filled()
        defer { Task { await app.stop() } }
        let manager = try await app.signedIn("responsable")
        let home = try await manager.get("/")
        #expect(home.text.contains("href=\"/statistiques\""))
        let page = try await manager.get("/statistiques?du=2026-10-01&au=2026-10-31&site=&comparer=1")
        #expect(page.status == 200)
        let html = page.text
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        // A chart for every one-figure table but the synthesis and the permanences' (figures of different kinds).
        #expect(html.components(separatedBy: "<svg").count - 1 == 14)
        #expect(html.components(separatedBy: "<caption>").count - 1 == ActivityFigures.tableIDs.count)
        #expect(html.contains("<th scope=\"row\">26 à 59 ans</th><td class=\"number\">9</td><td class=\"number\">52,9\u{00A0}%</td><td class=\"number\">8</td><td class=\"number\">100,0\u{00A0}%</td>"))
        #expect(html.contains("<th scope=\"row\">66 ans et plus</th><td class=\"number\">masqué</td><td class=\"number\">masqué</td><td class=\"number\">0</td>"))
        #expect(html.contains("<th scope=\"row\">Dérogations à la règle</th><td class=\"number\">masqué</td>"))
        #expect(!html.contains("&lt; 5"), "a small group and a figure hidden with it read the same")
        #expect(html.contains("Comparaison avec la période du 01/09/2026 au 30/09/2026"))
        #expect(!html.contains("étendue aux mois"), "asked on a whole month: nothing to say")
        #expect(html.contains("aria-current=\"page\">Statistiques"))
        #expect(!html.contains("Zyxwaldo") && !html.contains("Quintessa"))
        for id in ActivityFigures.tableIDs { #expect(html.contains("/statistiques/\(id).csv?du=2026-10-01&amp;au=2026-10-31")) }
        // Compared with nothing: no comparison columns.
        let alone = try await manager.get("/statistiques?du=2026-10-01&au=2026-10-31&comparer=aucune")
        #expect(alone.status == 200 && !alone.text.contains(">Comparaison</th>") && !alone.text.contains("Comparaison avec la période"))
        #expect(alone.text.contains("value=\"aucune\" checked"))
    }

    @Test func theComparisonIsTheYearBeforeOrAnyPeriodAndBadDatesAreExplained() async throws {
        let app = try StatisticsFiguresTests.filled()
        defer { Task { await app.stop() } }
        let manager = try await app.signedIn("responsable")
        let year = try await manager.get("/statistiques?du=2026-10-01&au=2026-10-31&comparer=annee")
        #expect(year.status == 200 && year.text.contains("Comparaison avec la période du 01/10/2025 au 31/10/2025"))
        // September as chosen dates: the same figures as the previous period of the API.
        let chosen = try await manager.get("/statistiques?du=2026-10-01&au=2026-10-31&comparer=autre&comparer_du=2026-09-01&comparer_au=2026-09-30")
        #expect(chosen.text.contains("Comparaison avec la période du 01/09/2026 au 30/09/2026"))
        #expect(chosen.text.contains("comparer=autre&amp;comparer_du=2026-09-01&amp;comparer_au=2026-09-30"))   // kept in the CSV links
        let bad = try await manager.get("/statistiques?du=2026-10-01&au=2026-10-31&comparer=autre&comparer_du=2026-02-30&comparer_au=2026-03-31")
        #expect(bad.status == 400 && bad.text.contains("La date de début de la période de comparaison est invalide"))
        #expect(try await manager.get("/statistiques?du=2026-10-01&au=2026-10-31&comparer=hier").status == 400)
        #expect(chosen.text.contains("/api/v1/stats?from=2026-10-01&amp;to=2026-10-31&amp;site=&amp;compare=custom&amp;compareFrom=2026-09-01&amp;compareTo=2026-09-30"))
        // The ends of the calendar are refused, not computed (the day before 0001-01-01 does not exist).
        for query in ["du=9999-12-02&au=9999-12-31", "du=0001-01-01&au=0001-01-15", "du=2026-10-01&au=2026-10-31&comparer=autre&comparer_du=9999-12-02&comparer_au=9999-12-31"] {
            #expect(try await manager.get("/statistiques?" + query).status == 400, "\(query)")
        }
        #expect(try await manager.get("/api/v1/stats?from=2026-10-01&to=2026-10-31&compareFrom=0001-01-01&compareTo=0001-01-15").status == 400)
        #expect(try await manager.get("/api/v1/stats?from=2026-10-01&to=2026-10-31&compare=1").status == 200)

        let api = try await manager.get("/api/v1/stats?from=2026-10-01&to=2026-10-31&compare=year")
        let json = try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any] ?? [:]
        #expect((json["previous"] as? [String: String]) == ["from": "2025-10-01", "to": "2025-10-31"])
        let custom = try await manager.get("/api/v1/stats?from=2026-10-01&to=2026-10-31&compareFrom=2026-07-01&compareTo=2026-07-31")
        let customJSON = try JSONSerialization.jsonObject(with: Data(custom.text.utf8)) as? [String: Any] ?? [:]
        #expect((customJSON["previous"] as? [String: String]) == ["from": "2026-07-01", "to": "2026-07-31"])
        let rows = StatisticsFiguresTests.rows(customJSON)
        #expect(StatisticsFiguresTests.masked(rows, "synthese", "contacts") == false)
        #expect(rows["synthese"]?["contacts"]?["previousValue"] is NSNull || (rows["synthese"]?["contacts"]?["previousValue"] as? Int) == 0)
        let none = try JSONSerialization.jsonObject(with: Data(try await manager.get("/api/v1/stats?from=2026-10-01&to=2026-10-31&compare=none").text.utf8)) as? [String: Any] ?? [:]
        #expect(none["previous"] is NSNull)
        let refused = try await manager.get("/api/v1/stats?from=2026-10-01&to=2026-10-31&compare=custom&compareFrom=2026-07-31&compareTo=2026-07-01")
        #expect(refused.status == 400 && refused.text.contains("\"field\":\"compareTo\""))
    }

    @Test func csvFilesParseBackWithTheirFigures() async throws {
        let app = try StatisticsFiguresTests.filled()
        defer { Task { await app.stop() } }
        let manager = try await app.signedIn("responsable")
        let response = try await manager.get("/statistiques/ages.csv?du=2026-10-01&au=2026-10-31&comparer=1")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(response.header("Content-Disposition")?.contains("statistiques-ages-2026-10-01-2026-10-31.csv") == true)
        #expect(Array(response.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = String(decoding: response.body.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map { $0.components(separatedBy: ";") }
        #expect(rows.first == ["indicateur", "code", "valeur", "part", "valeur_periode_precedente", "part_periode_precedente"])
        let byCode = Dictionary(rows.dropFirst().map { ($0[1], $0) }) { first, _ in first }
        #expect(byCode["66+"] == ["66 ans et plus", "66+", "masqué", "masqué", "0", "0,0\u{00A0}%"])
        #expect(byCode["18-25"] == ["18 à 25 ans", "18-25", "masqué", "masqué", "0", "0,0\u{00A0}%"])
        #expect(byCode["26-59"] == ["26 à 59 ans", "26-59", "9", "52,9\u{00A0}%", "8", "100,0\u{00A0}%"])
        #expect(byCode["26-59"]?[4] == "8")
        #expect(rows.count == 1 + IntakeFacts.ageBrackets.count)
        // Every table has its file; an unknown one is a 404.
        for id in ActivityFigures.tableIDs {
            #expect(try await manager.get("/statistiques/\(id).csv?du=2026-10-01&au=2026-10-31").status == 200)
        }
        #expect(try await manager.get("/statistiques/personnes.csv").status == 404)
        #expect(try await manager.get("/statistiques/ages.csv?du=hier").status == 400)
    }
}
