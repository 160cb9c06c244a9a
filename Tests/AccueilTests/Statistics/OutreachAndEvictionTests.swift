import Foundation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// Intakes outside the sites and the stage of an eviction procedure: recorded from the intake form,
/// refused when incomplete (nothing saved), shown to staff, counted apart and equal to the direct query.
@Suite(.serialized) struct OutreachAndEvictionTests {
    @Test func anIntakeOutsideTheSitesIsRecordedWithItsPlaceAndTeamAndCountedApart() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let place = try #require(try app.store.readSync { db in try SiteDirectory.all(db).first { $0.kind.isOutreachPlace }?.id })
            let form = try await agent.get("/accueils/nouveau")
            #expect(form.text.contains("value=\"hors_les_murs\"") && form.text.contains("Si hors les murs") && form.text.contains("value=\"\(place)\""))

            // « Hors les murs » without saying where nor by whom: the form comes back, nothing saved.
            let incomplete = try await agent.post("/accueils", IntakeJourneyTests.family([("canal", "hors_les_murs")]))
            #expect(incomplete.status == 422)
            #expect(incomplete.text.contains("Choisissez où l&#39;accueil hors les murs a eu lieu.") && incomplete.text.contains("Choisissez l&#39;équipe"))
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM intakes") } == 0)
            let unknownPlace = try await agent.post("/accueils", IntakeJourneyTests.family([("canal", "hors_les_murs"), ("hors_murs_lieu", "permanence"),
                                                                                          ("hors_murs_equipe", "MDS"), ("hors_murs_site", "mds-bastide")]))
            #expect(unknownPlace.status == 422 && unknownPlace.text.contains("Ce lieu ne figure pas parmi les lieux du planning."))

            let saved = try await agent.post("/accueils", IntakeJourneyTests.family([("canal", "hors_les_murs"), ("hors_murs_lieu", "permanence"),
                                                                                    ("hors_murs_equipe", "MDS"), ("hors_murs_site", place)]))
            #expect(saved.status == 303)
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT channel, outreach_place, outreach_team, outreach_site_id FROM intakes") })
            #expect(row.string("channel") == "sur_place" && row.string("outreach_place") == "permanence" && row.string("outreach_team") == "MDS"
                    && row.string("outreach_site_id") == place)
            // A place chosen while the channel is on site again is not part of the intake.
            #expect(try await agent.post("/accueils", IntakeJourneyTests.family([("nom", "Martin"), ("hors_murs_lieu", "rue"), ("hors_murs_equipe", "CCAS")])).status == 303)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM intakes WHERE outreach_place IS NOT NULL") } == 1)

            let period = try #require(StatisticsPeriod(from: "2026-11-01", to: "2026-11-30", siteID: nil))
            let (fast, direct) = try app.store.readSync { db in (try StatisticsRepository.tally(db, period), try StatisticsDirectQuery.tally(db, period)) }
            #expect(fast == direct)
            #expect(fast.count("canal", Outreach.channelKey) == 1 && fast.count("canal", "sur_place") == 1)
            #expect(fast.count(Outreach.placeDimension, "permanence") == 1 && fast.count(Outreach.teamDimension, "MDS") == 1)

            // Staff read where and by whom on the person's file.
            let person = try #require(try app.store.readSync { db in try db.int("SELECT person_id FROM intakes WHERE outreach_place IS NOT NULL") })
            let file = try await agent.get("/personnes/\(person)")
            #expect(file.text.contains("Hors les murs (aller-vers) : Permanence hors les murs (centre d&#39;animation, lieu du planning), Équipe de la MDS"))
        }
    }

    @Test func theStageOfAnEvictionGoesWithItsMotiveOnly() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let alone = try await agent.post("/accueils", IntakeJourneyTests.family([("etape_expulsion", "assignation")]))
            #expect(alone.status == 422 && alone.text.contains("L&#39;étape de la procédure d&#39;expulsion s&#39;indique avec le motif"))
            let unknown = try await agent.post("/accueils", IntakeJourneyTests.family([("motifs", ExpulsionStage.motive), ("etape_expulsion", "huissier")]))
            #expect(unknown.status == 422 && unknown.text.contains("Étape inconnue"))
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM intakes") } == 0)
            #expect(try await agent.post("/accueils", IntakeJourneyTests.family([("motifs", ExpulsionStage.motive), ("etape_expulsion", "assignation")])).status == 303)
            #expect(try app.store.readSync { db in try db.string("SELECT expulsion_stage FROM intakes") } == "assignation")
            let period = try #require(StatisticsPeriod(from: "2026-11-01", to: "2026-11-30", siteID: "ccas-cite-municipale"))
            let (fast, direct) = try app.store.readSync { db in (try StatisticsRepository.tally(db, period), try StatisticsDirectQuery.tally(db, period)) }
            #expect(fast == direct && fast.count(ExpulsionStage.dimension, "assignation") == 1)
            // One person, one stage: a group under five, never shown.
            let manager = try await app.signedIn("responsable")
            let json = try JSONSerialization.jsonObject(with: Data(try await manager.get("/api/v1/stats?from=2026-11-01&to=2026-11-30").text.utf8)) as? [String: Any] ?? [:]
            let rows = StatisticsFiguresTests.rows(json)
            #expect(StatisticsFiguresTests.masked(rows, "expulsions", "assignation") && rows["expulsions"]?["assignation"]?["value"] is NSNull)
            #expect(StatisticsFiguresTests.value(rows, "expulsions", "impaye") == 0)
        }
    }
}
