import Foundation
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// Who was received in the two permanence systems, as the bilan reads them, on the hand-built October
/// of `PermanenceFiguresTests.fill`.
extension PermanenceFiguresTests {
    @Test func whoWasReceivedInEachPermanenceSystem() async throws {
        try await withApp { app in
            let fixture = StatisticsFixture(referential: app.context.referential)
            _ = try app.store.writeSync { db in try Self.fill(db, fixture) }
            let json = try await fetch(app, "from=2026-10-01&to=2026-10-31")
            let rows = StatisticsFiguresTests.rows(json)
            func v(_ table: String, _ key: String) -> Int? { StatisticsFiguresTests.value(rows, table, key) }

            // MDS social workers at the Cité: thirteen visits of families aged 34 (one came back), for « enfance, famille »;
            // counted by visit, like the passages, so that the tables are sums of month cells.
            #expect(v("ages_mds_cite", "26-59") == 13 && rows["ages_mds_cite"]?["26-59"]?["share"] as? Double == 1)
            #expect(v("ages_mds_cite", "66+") == 0)
            #expect(v("motifs_mds_cite", "enfance-famille") == 13)
            // CCAS social workers at the MDS Lac: six people alone aged 50 and one parent aged 34.
            #expect(v("ages_ccas_mds", "26-59") == 7)
            #expect(v("motifs_ccas_mds", "logement") == 6)
            #expect(StatisticsFiguresTests.masked(rows, "motifs_ccas_mds", "enfance-famille"), "one parent: a group under five")
            // The CCAS's sessions held: three at the MDS Lac (one closed for works) of eight.
            #expect(rows["synthese"]?["part_seances_ccas_mds"]?["value"] as? Double == 37.5)

            // Known and new families by residence sector: all live in the Centre sector; the family that came back
            // was on file by its second visit.
            let residence = try #require(Self.lines(json)["residence_mds_cite"]?["centre"])
            #expect(residence["connues"] as? Int == 8 && residence["nouvelles"] as? Int == 5)
            // The monthly flow: October's passages are those of the permanences table.
            let october = try #require(Self.lines(json)["mois"]?["2026-10"])
            #expect(october["passages"] as? Int == 24)
            #expect(october["contacts"] as? Int == StatisticsFiguresTests.value(rows, "synthese", "contacts"))
            #expect(Self.lines(json)["mois"]?.count == 1)

            // A site sees the people of the permanences it hosts only.
            let lac = StatisticsFiguresTests.rows(try await fetch(app, "from=2026-10-01&to=2026-10-31&site=mds-lac"))
            #expect(StatisticsFiguresTests.value(lac, "ages_ccas_mds", "26-59") == 7 && StatisticsFiguresTests.value(lac, "ages_mds_cite", "26-59") == 0)
        }
    }
}
