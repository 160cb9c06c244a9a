import Foundation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb
import Orientation
import Planning

/// The attack of the issue, run as a manager would through the stats API: single days, overlapping
/// periods, a period against its comparison, one site against all, and a table's total against its
/// other rows — repeated on what each step recovers until nothing new comes. Nothing recovered may
/// be a group of one to four people.
@Suite(.serialized) struct DifferencingAttackTests {
    static let months = ["2026-06", "2026-07", "2026-08", "2026-09"]
    static let sites = ["ccas-cite-municipale", "mds-bastide", "mds-lac"]

    /// Two permanences from June: the MDS Centre's social workers at the Cité on Mondays (open), the
    /// CCAS's at the MDS Lac on Wednesdays (half-hour slots).
    static let permanences = [
        Permanence(id: "d-centre-cite", hostSiteID: "ccas-cite-municipale", sendingInstitution: .departement, circonscriptionID: "centre",
                   weekday: .monday, halfDay: .afternoon, validFrom: CalendarDate("2026-06-01")!, titulaireID: "as-centre-1", suppleantID: "as-centre-2",
                   mode: .open(softCapacity: 30)),
        Permanence(id: "d-ccas-lac", hostSiteID: "mds-lac", sendingInstitution: .ccas, weekday: .wednesday, halfDay: .morning,
                   validFrom: CalendarDate("2026-06-01")!, titulaireID: "ts-ccas-1", suppleantID: "ts-ccas-2", mode: .byAppointment(slotMinutes: 30, capacityPerSlot: 1)),
    ]

    /// Four months at three sites, with many small groups: intakes (some outside the sites, some with an
    /// eviction stage), orientations, and people received in the two permanence systems; a seeded
    /// draw, so the same data every run.
    static func fill(_ db: Connection, _ fixture: StatisticsFixture) throws {
        var random = SplitMix(seed: 20_261_204)
        try db.run("DELETE FROM permanences")
        for permanence in permanences { try PlanningRepository.save(db, permanence, at: StatisticsFixture.time("2026-05-01")) }
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
                // Contacts outside the sites, evictions with their stage: named intakes like the others.
                for _ in 0..<(2 + random.next(12)) {
                    let day = "\(month)-\(String(format: "%02d", 1 + random.next(28)))"
                    var contact = StatisticsFixture.Contact(day: day, site: site, age: ages[random.next(ages.count)])
                    if random.next(2) == 0 {
                        contact.outreach = Outreach(place: Outreach.Place.allCases[random.next(4)], team: Outreach.Team.allCases[random.next(3)])
                    } else {
                        contact.motives = [ExpulsionStage.motive]
                        contact.expulsionStage = random.next(5) == 0 ? nil : ExpulsionStage.allCases[random.next(4)]
                    }
                    _ = try fixture.orientation(db, try fixture.intake(db, contact), day: day)
                }
            }
            // People received at the two permanences: families at the Cité, people alone at the MDS Lac.
            for (permanence, weekday, family) in [("d-centre-cite", Weekday.monday, true), ("d-ccas-lac", .wednesday, false)] {
                var slot = 0
                for dayNumber in 1...28 {
                    let day = "\(month)-\(String(format: "%02d", dayNumber))"
                    guard CalendarDate(day)?.weekday == weekday else { continue }
                    for _ in 0..<(3 + random.next(6)) {
                        let contact = StatisticsFixture.Contact(day: day, age: [40, 40, 70, nil][random.next(4)], children: family ? ["2018-01-01"] : [],
                                                                sector: ["centre", "lac"][random.next(2)], known: random.next(2) == 0,
                                                                motives: [["logement", "logement", "acces-droits", "sante"][random.next(4)]])
                        let saved = try fixture.intake(db, contact)
                        let orientation = try fixture.orientation(db, saved, day: day)
                        let person = try db.queryOne("SELECT person_id FROM intakes WHERE id = ?", [saved.id])?.int64("person_id") ?? 0
                        let start = family ? "13:30" : ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"][slot % 6]
                        slot += 1
                        guard (try? BookingRepository.book(db, occurrenceID: "\(permanence)-\(day.replacingOccurrences(of: "-", with: ""))",
                                                           slotStart: TimeOfDay(start)!, personID: person, orientationID: orientation,
                                                           accountID: fixture.accountID, at: StatisticsFixture.time(day, hour: 8))) != nil else { continue }
                        try fixture.status(db, orientation, .honoured)
                    }
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
    static let additiveTables: Set<String> = ["synthese", "destinations", "suggestions", "motifs", "canaux", "niveaux", "ages", "foyers", "suivi", "regle",
                                              "hors_les_murs", "expulsions", "ages_mds_cite", "motifs_mds_cite", "ages_ccas_mds", "motifs_ccas_mds"]
    static let notCells: Set<String> = ["familles_mds_cite", "familles_mds_cite_connues", "familles_mds_cite_nouvelles", "recus_ccas_mds_sans_enfant_mineur",
                                        "part_permanences_ccas", "delai_median_jours", "en_retard", "passages", "places_reservees", "places_offertes",
                                        "seances_prevues", "seances_tenues", "seances_a_venir", "seances_annulees", "annulees_jour_ferie",
                                        "annulees_absences", "annulees_fermeture"]
    /// The desk's volumes: shown whatever their size, by design.
    static let volumes: Set<String> = ["contacts", "accueils", "orientations", "information_seule"]

    /// Partitions the page publishes: (table and row of the total, table of the rows that add up to it, those rows).
    /// (The eviction stages are not one: a stage may be left unsaid.)
    static let partitions: [(totalTable: String, total: String, table: String, rows: [String]?)] = [
        ("synthese", "contacts", "canaux", nil), ("synthese", "accueils", "niveaux", nil), ("synthese", "accueils", "ages", nil),
        ("synthese", "accueils", "foyers", IntakeFacts.householdTypes.map(\.key)), ("synthese", "orientations", "destinations", nil),
        ("synthese", "orientations", "suivi", OrientationRecord.Status.allCases.map(\.rawValue)),
        ("canaux", Outreach.channelKey, "hors_les_murs", Outreach.Place.allCases.map { "lieu_" + $0.rawValue }),
        ("canaux", Outreach.channelKey, "hors_les_murs", Outreach.Team.allCases.map { "equipe_" + $0.rawValue }),
    ]

    /// The three attacks, repeated on what they recover until nothing new comes: periods (a run of
    /// months minus a run it starts or ends with), sites (all sites minus every site but one),
    /// partitions (a total minus every row but one). Adds what it learns to `known`.
    static func recover(_ known: inout [Figure: Int]) -> [(Figure, Int, String)] {
        var recovered: [(Figure, Int, String)] = []
        func learn(_ figure: Figure, _ value: Int, _ how: String, into known: inout [Figure: Int]) -> Bool {
            guard known[figure] == nil else { return false }
            known[figure] = value
            recovered.append((figure, value, how))
            return true
        }
        var progress = true
        while progress {
            progress = false
            let facts = known
            for (outer, value) in facts {
                for (inner, part) in facts where inner.site == outer.site && inner.table == outer.table && inner.key == outer.key
                    && inner != outer && inner.first >= outer.first && inner.last <= outer.last && (inner.first == outer.first || inner.last == outer.last) {
                    let rest = inner.first == outer.first ? Figure(site: outer.site, first: inner.last + 1, last: outer.last, table: outer.table, key: outer.key)
                                                          : Figure(site: outer.site, first: outer.first, last: inner.first - 1, table: outer.table, key: outer.key)
                    if learn(rest, value - part, "période", into: &known) { progress = true }
                }
            }
            for (all, value) in facts where all.site.isEmpty {
                let others = sites.map { Figure(site: $0, first: all.first, last: all.last, table: all.table, key: all.key) }
                let missing = others.filter { known[$0] == nil }
                if missing.count == 1, learn(missing[0], value - others.compactMap { known[$0] }.reduce(0, +), "sites", into: &known) { progress = true }
            }
            for (total, value) in facts {
                for partition in partitions where partition.totalTable == total.table && partition.total == total.key {
                    let keys = partition.rows ?? Set(facts.keys.filter { $0.table == partition.table }.map(\.key)).sorted()
                    let rows = keys.map { Figure(site: total.site, first: total.first, last: total.last, table: partition.table, key: $0) }
                    let missing = rows.filter { known[$0] == nil }
                    if missing.count == 1, learn(missing[0], value - rows.compactMap { known[$0] }.reduce(0, +), "partition", into: &known) { progress = true }
                }
            }
        }
        return recovered
    }

    /// The attack itself works: on figures masked one by one (the old way) it finds what the month
    /// cells now hide — a month by difference of periods, a site by difference with all sites, an age
    /// bracket by difference with the intakes.
    @Test func theAttackRecoversWhatFigureByFigureMaskingLeft() {
        var known: [Figure: Int] = [
            Figure(site: "", first: 0, last: 1, table: "motifs", key: "sante"): 9,
            Figure(site: "", first: 0, last: 0, table: "motifs", key: "sante"): 6,
            Figure(site: "", first: 2, last: 2, table: "ages", key: "66+"): 12,
            Figure(site: "ccas-cite-municipale", first: 2, last: 2, table: "ages", key: "66+"): 5,
            Figure(site: "mds-bastide", first: 2, last: 2, table: "ages", key: "66+"): 5,
            Figure(site: "mds-lac", first: 3, last: 3, table: "synthese", key: "accueils"): 20,
        ]
        for (key, value) in [("0-17", 0), ("18-25", 6), ("26-59", 6), ("60-65", 5), ("inconnu", 0)] {
            known[Figure(site: "mds-lac", first: 3, last: 3, table: "ages", key: key)] = value
        }
        known[Figure(site: "mds-lac", first: 3, last: 3, table: "ages", key: "66+")] = nil
        let recovered = Self.recover(&known)
        #expect(known[Figure(site: "", first: 1, last: 1, table: "motifs", key: "sante")] == 3)
        #expect(known[Figure(site: "mds-lac", first: 2, last: 2, table: "ages", key: "66+")] == 2)
        #expect(known[Figure(site: "mds-lac", first: 3, last: 3, table: "ages", key: "66+")] == 3)
        #expect(recovered.count == 3)
    }

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
                // The breakdowns of month lines and of residence: each line's cells are figures too.
                for table in json["breakdowns"] as? [[String: Any]] ?? [] {
                    guard let id = table["id"] as? String, ["mois", "residence_mds_cite"].contains(id) else { continue }
                    for line in table["lines"] as? [[String: Any]] ?? [] {
                        guard let key = line["key"] as? String else { continue }
                        for (column, value) in line["values"] as? [String: Any] ?? [:] {
                            if id == "mois", let month = Self.months.firstIndex(of: key) {
                                if let value = value as? Int, column != "contacts" { known[Figure(site: site, first: month, last: month, table: "mois", key: column)] = value }
                            } else if let value = value as? Int {
                                known[Figure(site: site, first: first, last: last, table: id, key: key + "/" + column)] = value
                            }
                            if value is NSNull { masked += 1 }
                        }
                    }
                }
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
            for table in ["hors_les_murs", "expulsions", "ages_mds_cite", "motifs_ccas_mds", "mois", "residence_mds_cite"] {
                #expect(known.contains { $0.key.table == table && $0.value >= Masking.threshold }, "the data reaches \(table)")
            }
            let shown = known.count

            // Repeat the three attacks on everything held, including what they recovered.
            let recovered = Self.recover(&known)
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
