import Foundation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb
import Orientation

/// The attack of the issue, run as a manager would through the stats API: single days, overlapping
/// periods, a period against its comparison, one site against all, and a table's total against its
/// other rows — repeated on what each step recovers until nothing new comes. Nothing recovered may
/// be a group of one to four people.
@Suite(.serialized) struct DifferencingAttackTests {
    static let months = ["2026-06", "2026-07", "2026-08", "2026-09"]
    static let sites = ["ccas-cite-municipale", "mds-bastide", "mds-lac"]

    /// Four months at three sites, with many small groups: a seeded draw, so the same data every run.
    static func fill(_ db: Connection, _ fixture: StatisticsFixture) throws {
        var random = SplitMix(seed: 20_261_204)
        let ages = [8, 20, 40, 62, 70, nil]
        let motives = ["logement", "acces-droits", "budget-aides", "sante", "autonomie-handicap", "enfance-famille"]
        let channels: [IntakeChannel] = [.onSite, .onSite, .onSite, .phone, .email]
        for month in months {
            for site in sites {
                for _ in 0..<(3 + random.next(12)) {
                    let day = "\(month)-\(String(format: "%02d", 1 + random.next(28)))"
                    let alone = random.next(3) > 0
                    let contact = StatisticsFixture.Contact(
                        day: day, site: site, channel: channels[random.next(channels.count)], level: 1 + random.next(2),
                        age: ages[random.next(ages.count)], adults: alone ? 1 : 2, children: random.next(4) == 0 ? ["2019-03-01"] : [],
                        pregnant: random.next(10) == 0, sector: ["centre", "bastide", "lac"][random.next(3)], known: random.next(5) == 0,
                        motives: [motives[random.next(motives.count)]] + (random.next(3) == 0 ? [motives[random.next(motives.count)]] : []))
                    let saved = try fixture.intake(db, contact)
                    let orientation = try fixture.orientation(db, saved, day: day)
                    if random.next(3) == 0 { try fixture.status(db, orientation, .honoured) }
                }
            }
        }
    }

    /// A figure the attacker holds: a site ("" for all), a first and last month, a table and row.
    struct Figure: Hashable {
        let site: String
        let first: Int
        let last: Int
        let table: String
        let key: String
    }

    /// Rows that are month sums of cells (the synthesis' permanence rows count distinct people, the
    /// overdue ones depend on today, the median is not a count).
    static let additiveTables: Set<String> = ["synthese", "destinations", "suggestions", "motifs", "canaux", "niveaux", "ages", "foyers", "suivi", "regle"]
    static let notCells: Set<String> = ["familles_mds_cite", "familles_mds_cite_connues", "familles_mds_cite_nouvelles", "recus_ccas_mds_sans_enfant_mineur",
                                        "part_permanences_ccas", "delai_median_jours", "en_retard", "passages", "places_reservees", "places_offertes",
                                        "seances_prevues", "seances_tenues", "seances_a_venir", "seances_annulees", "annulees_jour_ferie",
                                        "annulees_absences", "annulees_fermeture"]
    /// The desk's volumes: shown whatever their size, by design.
    static let volumes: Set<String> = ["contacts", "accueils", "orientations", "information_seule"]

    /// Partitions the page publishes: (table, total row in the synthesis, rows that add up to it).
    static let partitions: [(table: String, total: String, rows: [String]?)] = [
        ("canaux", "contacts", nil), ("niveaux", "accueils", nil), ("ages", "accueils", nil),
        ("foyers", "accueils", IntakeFacts.householdTypes.map(\.key)), ("destinations", "orientations", nil),
        ("suivi", "orientations", OrientationRecord.Status.allCases.map(\.rawValue)),
    ]

    @Test func differencingRecoversNoGroupUnderFive() async throws {
        try await withApp { app in
            let fixture = StatisticsFixture(referential: app.context.referential)
            try app.store.writeSync { db in try Self.fill(db, fixture) }
            let manager = try await app.signedIn("responsable")
            var known: [Figure: Int] = [:]
            var masked = 0
            func take(_ query: String, site: String, first: Int, last: Int) async throws {
                let response = try await manager.get("/api/v1/stats?" + query)
                #expect(response.status == 200, "\(query)")
                let json = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any] ?? [:]
                for table in json["tables"] as? [[String: Any]] ?? [] {
                    guard let id = table["id"] as? String, Self.additiveTables.contains(id) else { continue }
                    for row in table["rows"] as? [[String: Any]] ?? [] {
                        guard let key = row["key"] as? String, !Self.notCells.contains(key) else { continue }
                        if let value = row["value"] as? Int { known[Figure(site: site, first: first, last: last, table: id, key: key)] = value } else { masked += 1 }
                        if let value = row["previousValue"] as? Int, let previous = json["previous"] as? [String: String],
                           let from = previous["from"], let to = previous["to"],
                           let a = Self.months.firstIndex(of: String(from.prefix(7))), let b = Self.months.firstIndex(of: String(to.prefix(7))) {
                            known[Figure(site: site, first: a, last: b, table: id, key: key)] = value
                        }
                    }
                }
            }
            // Every run of months, at every site and all together; single days and ragged periods inside
            // them; the comparison with the months before and with a custom period.
            for first in Self.months.indices {
                for last in first..<Self.months.count {
                    for site in [""] + Self.sites {
                        let from = Self.months[first] + "-01", to = Self.months[last] + "-28"
                        try await take("from=\(from)&to=\(to)&site=\(site)&compare=previous", site: site, first: first, last: last)
                        guard first > 0 else { continue }
                        try await take("from=\(Self.months[first])-02&to=\(Self.months[last])-02&site=\(site)&compare=custom&compareFrom=\(Self.months[0])-03&compareTo=\(Self.months[first - 1])-15",
                                       site: site, first: first, last: last)
                    }
                }
            }
            #expect(masked > 0, "the data has small groups to protect")
            let shown = known.count

            // Repeat the three attacks on everything held, including what they recovered.
            var recovered: [(Figure, Int, String)] = []
            func learn(_ figure: Figure, _ value: Int, _ how: String) -> Bool {
                guard known[figure] == nil else { return false }
                known[figure] = value
                recovered.append((figure, value, how))
                return true
            }
            var progress = true
            while progress {
                progress = false
                let facts = known
                // Periods: a run of months minus a run it starts or ends with.
                for (outer, value) in facts {
                    for (inner, part) in facts where inner.site == outer.site && inner.table == outer.table && inner.key == outer.key
                        && inner != outer && inner.first >= outer.first && inner.last <= outer.last && (inner.first == outer.first || inner.last == outer.last) {
                        let rest = inner.first == outer.first ? Figure(site: outer.site, first: inner.last + 1, last: outer.last, table: outer.table, key: outer.key)
                                                              : Figure(site: outer.site, first: outer.first, last: inner.first - 1, table: outer.table, key: outer.key)
                        if learn(rest, value - part, "période") { progress = true }
                    }
                }
                // Sites: all sites minus every site but one.
                for (all, value) in facts where all.site.isEmpty {
                    let others = Self.sites.map { Figure(site: $0, first: all.first, last: all.last, table: all.table, key: all.key) }
                    let missing = others.filter { known[$0] == nil }
                    if missing.count == 1, learn(missing[0], value - others.compactMap { known[$0] }.reduce(0, +), "sites") { progress = true }
                }
                // Partitions: a total minus every row but one.
                for (total, value) in facts where total.table == "synthese" {
                    for partition in Self.partitions where partition.total == total.key {
                        let keys = partition.rows ?? Set(facts.keys.filter { $0.table == partition.table }.map(\.key)).sorted()
                        let rows = keys.map { Figure(site: total.site, first: total.first, last: total.last, table: partition.table, key: $0) }
                        let missing = rows.filter { known[$0] == nil }
                        if missing.count == 1, learn(missing[0], value - rows.compactMap { known[$0] }.reduce(0, +), "partition") { progress = true }
                    }
                }
            }
            #expect(!recovered.isEmpty, "the attack does recover figures (of five or more)")
            let leaks = recovered.filter { !Self.volumes.contains($0.0.key) && (1...4).contains($0.1) }
            #expect(leaks.isEmpty, "\(leaks.prefix(5).map { "\($0.0) = \($0.1) (\($0.2))" })")
            #expect(recovered.allSatisfy { $0.1 >= 0 }, "what is recovered is true, never negative")
            print("  differencing: \(shown) figures read, \(masked) masked cells, \(recovered.count) recovered by difference, \(leaks.count) under five")
        }
    }
}

/// A small seeded generator (the test's data is the same on every run).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
