import Foundation
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// « Bilan de l'accueil commun »: the page, the managers' texts, the OpenDocument copy and the JSON,
/// on the hand-built October of `PermanenceFiguresTests.fill`.
extension PermanenceFiguresTests {
    static let october = "du=2026-10-01&au=2026-10-31"

    @Test func theBilanReadsLikeTheExperimentsWithItsReferenceColumn() async throws {
        try await withApp { app in
            _ = try app.store.writeSync { db in try Self.fill(db, StatisticsFixture(referential: app.context.referential)) }
            let manager = try await app.signedIn("responsable")
            let page = try await manager.get("/statistiques/bilan?\(Self.october)")
            #expect(page.status == 200)
            let html = page.text
            for title in ["Contexte", "Les deux systèmes de permanences", "Les familles reçues par la MDS à la Cité Municipale",
                          "Les personnes reçues par le CCAS dans les MDS", "Flux mensuel", "L&#39;accueil hors les murs", "La prévention des expulsions",
                          "Points de vigilance"] {
                #expect(html.contains(">\(title)</h2>"), "\(title)")
            }
            // The key figures beside the experiment's: twelve families (155 then), five new (78), six without a minor child (421).
            #expect(html.contains("<th scope=\"row\">Familles reçues par les travailleurs sociaux de la MDS en permanence à la Cité Municipale</th><td class=\"number\">12</td><td class=\"number\">0</td><td class=\"number\">155</td>"))
            #expect(html.contains("<th scope=\"row\">dont nouvelles situations</th><td class=\"number\">5</td><td class=\"number\">0</td><td class=\"number\">78</td>"))
            #expect(html.contains("<td class=\"number\">37,5\u{00A0}%</td><td class=\"number\">0\u{00A0}%</td><td class=\"number\">37 %</td>"))
            #expect(html.contains("Expérimentation octobre 2022 – mars 2023 (6 mois)"))
            #expect(html.contains("<title id=\"graphique-mois\">") && html.contains("id=\"tableau-mois\""))
            #expect(html.contains("À rédiger par les responsables") && html.contains("/static/css/bilan.css"))
            #expect(!html.contains("Zyxwaldo") && !html.contains("Quintessa"))

            // The managers write the context and the vigilance points for this period: saved, audited, shown.
            let saved = try await manager.post("/statistiques/bilan", [("du", "2026-10-01"), ("au", "2026-10-31"), ("site", ""),
                                                                      ("contexte", "Premier mois des permanences croisées."),
                                                                      ("vigilance", "Suivre les seniors.\nSuivre les expulsions.")])
            #expect(saved.status == 303 && saved.header("Location")?.hasPrefix("/statistiques/bilan?du=2026-10-01&au=2026-10-31") == true)
            let again = try await manager.get("/statistiques/bilan?\(Self.october)")
            #expect(again.text.contains("<p class=\"written\">Premier mois des permanences croisées.</p>"))
            #expect(again.text.contains("<p class=\"written\">Suivre les expulsions.</p>"))
            #expect(try app.auditCount(.bilanTextsSaved) == 1)
            // Another period has its own texts; too long a text saves nothing.
            #expect(!(try await manager.get("/statistiques/bilan?du=2026-09-01&au=2026-09-30").text.contains("Premier mois")))
            let tooLong = try await manager.post("/statistiques/bilan", [("du", "2026-10-01"), ("au", "2026-10-31"), ("site", ""),
                                                                        ("contexte", String(repeating: "a", count: BilanTexts.maximumLength + 1)), ("vigilance", "")])
            #expect(tooLong.status == 422 && tooLong.text.contains("rien n&#39;a été enregistré"))
            #expect(try app.store.readSync { db in try db.string("SELECT context FROM bilan_texts") } == "Premier mois des permanences croisées.")
            // A second save is a new version; the earlier one is kept, the latest shown; the comparison chosen comes back.
            let second = try await manager.post("/statistiques/bilan", [("du", "2026-10-01"), ("au", "2026-10-31"), ("site", ""), ("comparer", "annee"),
                                                                       ("contexte", "Contexte revu."), ("vigilance", "")])
            #expect(second.header("Location")?.contains("comparer=annee") == true)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM bilan_texts") } == 2)
            #expect(try await manager.get("/statistiques/bilan?\(Self.october)").text.contains("<p class=\"written\">Contexte revu.</p>"))
            // The administrator reads the bilan but does not write it; partner software gets the figures without the texts.
            let admin = try await app.signedIn("admin")
            #expect(try await admin.get("/statistiques/bilan?\(Self.october)").status == 200)
            #expect(try await admin.post("/statistiques/bilan", [("du", "2026-10-01"), ("au", "2026-10-31"), ("contexte", "x")]).status == 403)
            let secret = try app.store.writeSync { db in try APITokens.create(db, name: "outil", scopes: [.statsRead], days: 30, by: nil, at: app.now).secret }
            let forPartners = try await app.browser().get("/api/v1/stats/bilan?from=2026-10-01&to=2026-10-31", headers: ["Authorization": "Bearer " + secret])
            #expect(forPartners.status == 200 && !forPartners.text.contains("Contexte revu") && forPartners.text.contains("\"context\":\"\""))

            // Agents do not read the figures; a form without its CSRF token is refused.
            let agent = try await app.signedIn("agent")
            #expect(try await agent.get("/statistiques/bilan?\(Self.october)").status == 403)
            #expect(try await manager.post("/statistiques/bilan", [("du", "2026-10-01"), ("au", "2026-10-31"), ("contexte", "x")], csrf: .some(nil)).status == 403)
        }
    }

    @Test func theBilanAsAnOpenDocumentAndAsJSON() async throws {
        try await withApp { app in
            _ = try app.store.writeSync { db in try Self.fill(db, StatisticsFixture(referential: app.context.referential)) }
            let manager = try await app.signedIn("responsable")
            let odt = try await manager.get("/statistiques/bilan.odt?\(Self.october)")
            #expect(odt.status == 200 && odt.header("Content-Type") == "application/vnd.oasis.opendocument.text")
            let archive = try ZipReader(Array(odt.body))
            #expect(archive.entries.first?.name == "mimetype" && archive.text("mimetype") == "application/vnd.oasis.opendocument.text")
            let content = try #require(archive.text("content.xml"))
            #expect(content.contains("Bilan de l&apos;accueil commun") || content.contains("Bilan de l'accueil commun"))
            #expect(content.contains("Les deux systèmes de permanences") && content.contains(">155<") && content.contains("[À rédiger]"))
            #expect(!content.contains("Zyxwaldo"))

            let api = try await manager.get("/api/v1/stats/bilan?from=2026-10-01&to=2026-10-20")
            #expect(api.status == 200)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])
            #expect(json["from"] as? String == "2026-10-01" && json["to"] as? String == "2026-10-31")
            #expect((json["requested"] as? [String: String]) == ["from": "2026-10-01", "to": "2026-10-20"])
            let months = try #require(json["months"] as? [[String: Any]])
            #expect(months.count == 1 && months[0]["month"] as? String == "2026-10" && months[0]["passages"] as? Int == 24)
            let key = try #require((json["keyFigures"] as? [[String: Any]])?.first { $0["key"] as? String == "familles_mds_cite" })
            #expect(key["value"] as? String == "12" && key["reference"] as? String == "155")
            #expect(json["context"] as? String == "" && (json["tables"] as? [[String: Any]])?.isEmpty == false)
            let bad = try await manager.get("/api/v1/stats/bilan?from=2026-10-32&to=2026-10-31")
            #expect(bad.status == 400 && bad.text.contains("\"field\":\"from\""))
        }
    }
}
