import Foundation
import Planning
import SQLiteStore
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// The permanence figures on a hand-built October 2026, worked out by hand: three permanences from
/// 1 October (the demo planning is replaced), a closure, an absence of both social workers, bookings,
/// a cancellation, outcomes; then the purge of three files, which must change no figure.
@Suite(.serialized) struct PermanenceFiguresTests {
    static let start = CalendarDate("2026-10-01")!

    /// - Cité, MDS Centre social workers, Monday afternoons, open: 5, 12, 19 (both away), 26 October; 6 places.
    /// - MDS Lac, CCAS social workers, Wednesday mornings, 30-minute slots: 7, 14 (closed), 21, 28; 6 places.
    /// - Cité, CCAS social workers, Friday mornings, 1-hour slots of 2 places: 2, 9, 16, 23, 30; 6 places.
    static let permanences = [
        Permanence(id: "t-centre-cite", hostSiteID: "ccas-cite-municipale", sendingInstitution: .departement, circonscriptionID: "centre",
                   weekday: .monday, halfDay: .afternoon, validFrom: start, titulaireID: "as-centre-1", suppleantID: "as-centre-2",
                   mode: .open(softCapacity: 6)),
        Permanence(id: "t-ccas-lac", hostSiteID: "mds-lac", sendingInstitution: .ccas, weekday: .wednesday, halfDay: .morning,
                   validFrom: start, titulaireID: "ts-ccas-1", suppleantID: "ts-ccas-2", mode: .byAppointment(slotMinutes: 30, capacityPerSlot: 1)),
        Permanence(id: "t-ccas-cite", hostSiteID: "ccas-cite-municipale", sendingInstitution: .ccas, weekday: .friday, halfDay: .morning,
                   validFrom: start, titulaireID: "ts-ccas-3", suppleantID: "ts-ccas-4", mode: .byAppointment(slotMinutes: 60, capacityPerSlot: 2)),
    ]

    /// Returns the person ids of the twelve families received at the Cité on 5 October.
    static func fill(_ db: Connection, _ fixture: StatisticsFixture) throws -> [Int64] {
        try db.run("DELETE FROM permanences")
        for permanence in permanences { try PlanningRepository.save(db, permanence, at: StatisticsFixture.time("2026-09-01")) }
        for worker in ["as-centre-1", "as-centre-2"] {
            _ = try PlanningRepository.insert(db, absence: Absence(workerID: worker, dates: CalendarDate("2026-10-19")!...CalendarDate("2026-10-19")!))
        }
        _ = try PlanningRepository.insert(db, closure: SiteClosure(siteID: "mds-lac", dates: CalendarDate("2026-10-14")!...CalendarDate("2026-10-14")!, reason: "travaux"))

        /// Intake and orientation on `day`, a booking in `permanence` on `on` at `slot`, then the outcome.
        @discardableResult
        func booked(_ contact: StatisticsFixture.Contact, in permanence: String, on date: String, slot: String,
                    outcome: OrientationRecord.Status? = .honoured) throws -> (person: Int64, booking: Int64) {
            let saved = try fixture.intake(db, contact)
            let orientation = try fixture.orientation(db, saved, day: contact.day)
            let person = try #require(try db.queryOne("SELECT person_id FROM intakes WHERE id = ?", [saved.id])?.int64("person_id"))
            let booking = try BookingRepository.book(db, occurrenceID: "\(permanence)-\(date.replacingOccurrences(of: "-", with: ""))",
                                                     slotStart: TimeOfDay(slot)!, personID: person, orientationID: orientation,
                                                     accountID: fixture.accountID, at: StatisticsFixture.time(contact.day))
            if let outcome { try fixture.status(db, orientation, outcome) }
            return (person, booking.id)
        }
        let family = StatisticsFixture.Contact(day: "2026-10-01", age: 34, children: ["2019-05-01"], motives: ["enfance-famille"])
        var families: [Int64] = []
        for index in 0..<12 {   // seven already known (five on file at the desk, two declared followed by an MDS), five new situations
            var contact = family
            contact.known = index < 5
            contact.followedBy = (5..<7).contains(index) ? .mds : nil
            families.append(try booked(contact, in: "t-centre-cite", on: "2026-10-05", slot: "13:30").person)
        }
        // A new family comes back: on file by then (known at this intake), still one of the five new situations.
        var again = family
        again.day = "2026-10-08"
        again.person = families[11]
        again.known = true
        try booked(again, in: "t-centre-cite", on: "2026-10-12", slot: "13:30")
        let cancelled = try booked(family, in: "t-centre-cite", on: "2026-10-12", slot: "13:30", outcome: nil)
        try BookingRepository.cancel(db, id: cancelled.booking, accountID: fixture.accountID, at: StatisticsFixture.time("2026-10-09"))
        try booked(family, in: "t-centre-cite", on: "2026-10-26", slot: "13:30", outcome: .notHonoured)

        let alone = StatisticsFixture.Contact(day: "2026-10-01", age: 50)
        for slot in ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"] { try booked(alone, in: "t-ccas-lac", on: "2026-10-07", slot: slot) }
        try booked(family, in: "t-ccas-lac", on: "2026-10-21", slot: "09:00")                         // a parent: not "without minor children"
        for slot in ["09:00", "09:00", "10:00", "10:00"] { try booked(alone, in: "t-ccas-cite", on: "2026-10-02", slot: slot) }
        return families
    }

    func fetch(_ app: TestApp, _ query: String) async throws -> [String: Any] {
        let manager = try await app.signedIn("responsable")
        let response = try await manager.get("/api/v1/stats?" + query)
        #expect(response.status == 200)
        return try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any] ?? [:]
    }

    /// breakdown id → line key → column key → value (nil when masked)
    static func lines(_ json: [String: Any]) -> [String: [String: [String: Any]]] {
        var out: [String: [String: [String: Any]]] = [:]
        for table in json["breakdowns"] as? [[String: Any]] ?? [] {
            for line in table["lines"] as? [[String: Any]] ?? [] {
                out[table["id"] as? String ?? "", default: [:]][line["key"] as? String ?? ""] = line["values"] as? [String: Any]
            }
        }
        return out
    }

    @Test func octoberFiguresByHand() async throws {
        try await withApp { app in
            let fixture = StatisticsFixture(referential: app.context.referential)
            let families = try app.store.writeSync { db in try Self.fill(db, fixture) }
            let json = try await fetch(app, "from=2026-10-01&to=2026-10-31")
            let rows = StatisticsFiguresTests.rows(json)
            func v(_ table: String, _ key: String) -> Int? { StatisticsFiguresTests.value(rows, table, key) }
            func p(_ table: String, _ key: String) -> Int? { StatisticsFiguresTests.value(rows, table, key, previous: true) }

            // People: distinct families (the one that came back counts once), known or new.
            #expect(v("synthese", "familles_mds_cite") == 12)
            #expect(v("synthese", "familles_mds_cite_connues") == 7)
            #expect(v("synthese", "familles_mds_cite_nouvelles") == 5)
            #expect(v("synthese", "recus_ccas_mds_sans_enfant_mineur") == 6)
            // 6 of the 11 people received in the CCAS social workers' permanences.
            #expect(rows["synthese"]?["part_permanences_ccas"]?["value"] as? Double == 54.5)
            #expect(p("synthese", "familles_mds_cite") == 0)

            #expect(v("permanences", "seances_prevues") == 13)
            #expect(v("permanences", "seances_tenues") == 11)
            #expect(v("permanences", "seances_a_venir") == 0)
            #expect(v("permanences", "seances_annulees") == 2)
            #expect(v("permanences", "annulees_jour_ferie") == 0)
            #expect(v("permanences", "annulees_fermeture") == 1)
            #expect(v("permanences", "annulees_absences") == 1)
            #expect(v("permanences", "places_offertes") == 66)        // 3 × 6 + 3 × 6 + 5 × 6
            #expect(v("permanences", "places_reservees") == 25)       // 14 + 7 + 4 (the cancelled booking is not counted)
            #expect(rows["permanences"]?["places_reservees"]?["share"] as? Double == 0.3788)
            #expect(v("permanences", "passages") == 24)               // 13 + 7 + 4
            #expect(p("permanences", "seances_prevues") == 0)         // September: before the permanences began

            let lines = Self.lines(json)
            let cite = try #require(lines["permanences_sites"]?["ccas-cite-municipale"])
            #expect(cite["seances_prevues"] as? Int == 9 && cite["seances_tenues"] as? Int == 8 && cite["seances_annulees"] as? Int == 1)
            #expect(cite["places_offertes"] as? Int == 48 && cite["places_reservees"] as? Int == 18 && cite["passages"] as? Int == 17)
            #expect(cite["taux_reservation"] as? Double == 0.375)
            let lac = try #require(lines["permanences_sites"]?["mds-lac"])
            #expect(lac["seances_prevues"] as? Int == 4 && lac["places_offertes"] as? Int == 18 && lac["places_reservees"] as? Int == 7)
            #expect(lines["permanences_sites"]?.count == 2)
            let ccas = try #require(lines["permanences_services"]?["ccas"])
            #expect(ccas["seances_prevues"] as? Int == 9 && ccas["places_reservees"] as? Int == 11 && ccas["passages"] as? Int == 11)
            let centre = try #require(lines["permanences_services"]?["centre"])
            #expect(centre["seances_tenues"] as? Int == 3 && centre["places_reservees"] as? Int == 14 && centre["passages"] as? Int == 13)

            // The fast path (counters) against the bookings themselves.
            let period = try #require(StatisticsPeriod(from: "2026-10-01", to: "2026-10-31", siteID: nil))
            let (counters, direct) = try app.store.readSync { db in
                (try StatisticsRepository.allSitesCounts(db, period, dimension: PermanenceFacts.bookedDimension),
                 Dictionary(uniqueKeysWithValues: try db.query("""
                    SELECT permanence_id, count(*) AS n FROM bookings WHERE cancelled_at IS NULL AND occurrence_date BETWEEN '2026-10-01' AND '2026-10-31'
                    GROUP BY permanence_id
                    """).map { ($0.string("permanence_id") ?? "", $0.int("n") ?? 0) }))
            }
            #expect(counters == direct)
            #expect(counters == ["t-centre-cite": 14, "t-ccas-lac": 7, "t-ccas-cite": 4])
            let (fastTally, directTally) = try app.store.readSync { db in (try StatisticsRepository.tally(db, period), try StatisticsDirectQuery.tally(db, period)) }
            #expect(fastTally == directTally)
            #expect(fastTally.keys(PermanenceFacts.receivedDimension) == ["t-centre-cite": 13, "t-ccas-lac": 7, "t-ccas-cite": 4])

            // The purge deletes three files and their bookings, among them the family that came twice: no figure moves.
            let erased = [families[0], families[1], families[11]]
            try app.store.writeSync { db in
                try RetentionPurge.deletePersons(db, erased, now: StatisticsFixture.time("2029-01-01"))
                #expect(try db.int("SELECT count(*) FROM bookings WHERE person_id IN (?, ?, ?)", [erased[0], erased[1], erased[2]]) == 0)
                #expect(try db.int("SELECT count(*) FROM permanence_receptions WHERE person_key IN (?, ?, ?)", [erased[0], erased[1], erased[2]]) == 0)
                #expect(try db.int("SELECT count(DISTINCT person_key) FROM permanence_receptions WHERE person_key < 0") == 3)
                #expect(try db.int("SELECT count(*) FROM permanence_receptions WHERE person_key < 0 AND booking_id IS NOT NULL") == 0)
            }
            let after = StatisticsFiguresTests.rows(try await fetch(app, "from=2026-10-01&to=2026-10-31"))
            for (table, key) in [("synthese", "familles_mds_cite"), ("synthese", "familles_mds_cite_connues"), ("permanences", "places_reservees"),
                                 ("permanences", "passages"), ("synthese", "recus_ccas_mds_sans_enfant_mineur")] {
                #expect(StatisticsFiguresTests.value(after, table, key) == v(table, key), "\(table).\(key)")
            }

            // The newest booking's person erased, the next booking may get the same number: its reception still counts.
            try app.store.writeSync { db in
                let newest = try #require(try db.queryOne("SELECT id, person_id FROM bookings ORDER BY id DESC LIMIT 1"))
                try RetentionPurge.deletePersons(db, [try #require(newest.int64("person_id"))], now: StatisticsFixture.time("2029-01-01"))
                let saved = try fixture.intake(db, StatisticsFixture.Contact(day: "2026-10-20", age: 50))
                let orientation = try fixture.orientation(db, saved, day: "2026-10-20")
                let person = try #require(try db.queryOne("SELECT person_id FROM intakes WHERE id = ?", [saved.id])?.int64("person_id"))
                let booking = try BookingRepository.book(db, occurrenceID: "t-ccas-cite-20261030", slotStart: TimeOfDay("09:00")!, personID: person,
                                                         orientationID: orientation, accountID: fixture.accountID, at: StatisticsFixture.time("2026-10-20"))
                #expect(booking.id == newest.int64("id"))
                try fixture.status(db, orientation, .honoured)
            }
            let reused = StatisticsFiguresTests.rows(try await fetch(app, "from=2026-10-01&to=2026-10-31"))
            #expect(StatisticsFiguresTests.value(reused, "permanences", "passages") == (v("permanences", "passages") ?? 0) + 1)
        }
    }

    /// Once a day is over its sessions are written down: removing the absence and moving a permanence to
    /// another weekday changes the weeks to come, not October.
    @Test func pastSessionsStayAsTheyWereWhenThePlanningChanges() async throws {
        try await withApp { app in
            let fixture = StatisticsFixture(referential: app.context.referential)
            _ = try app.store.writeSync { db in try Self.fill(db, fixture) }
            let before = StatisticsFiguresTests.rows(try await fetch(app, "from=2026-10-01&to=2026-10-31"))
            let today = app.context.today.calendarDate
            let frozen = try app.store.readSync { db in try PermanenceSessions.frozenThrough(db) }
            #expect(frozen == today.adding(days: -1))
            try app.store.writeSync { db in
                try db.run("DELETE FROM worker_absences")
                var moved = try #require(try PlanningRepository.permanence(db, id: "t-ccas-lac"))
                moved.weekday = .thursday
                try PlanningRepository.save(db, moved, at: StatisticsFixture.time("2026-11-01"))
            }
            let after = StatisticsFiguresTests.rows(try await fetch(app, "from=2026-10-01&to=2026-10-31"))
            for key in ["seances_prevues", "seances_tenues", "annulees_absences", "annulees_fermeture", "places_offertes"] {
                #expect(StatisticsFiguresTests.value(after, "permanences", key) == StatisticsFiguresTests.value(before, "permanences", key), "\(key)")
            }
            #expect(StatisticsFiguresTests.value(after, "permanences", "annulees_absences") == 1)
            // The next seven days have one Thursday: the moved permanence is there (read on those days
            // directly: the figures' own periods are whole months).
            let week = try #require(StatisticsPeriod(from: today.adding(days: 1).description, to: today.adding(days: 7).description, siteID: "mds-lac"))
            let coming = try app.store.readSync { db in
                try PermanenceFigures.load(db, week, snapshot: try PlanningSnapshot.load(db, referential: app.context.referential), today: today)
            }
            #expect(coming.total.usage.scheduled == 1)
        }
    }

    @Test func fewPeopleAreMaskedAndASiteSeesOnlyWhatItHosts() async throws {
        try await withApp { app in
            let fixture = StatisticsFixture(referential: app.context.referential)
            _ = try app.store.writeSync { db in try Self.fill(db, fixture) }
            // 1–4 October at the Cité is answered on October: its CCAS Fridays, and four people on the 2nd.
            let json = try await fetch(app, "from=2026-10-01&to=2026-10-04&site=ccas-cite-municipale")
            #expect((json["requested"] as? [String: String]) == ["from": "2026-10-01", "to": "2026-10-04"])
            let rows = StatisticsFiguresTests.rows(json)
            // Four people on the 2nd alone would be masked; October at the Cité also has the fourteen of the 5th.
            #expect(StatisticsFiguresTests.value(rows, "permanences", "places_reservees") == 18)
            let line = try #require(Self.lines(json)["permanences_sites"]?["ccas-cite-municipale"])
            #expect(line["places_reservees"] as? Int == 18)
            #expect(Self.lines(json)["permanences_sites"]?["mds-lac"] == nil)
            // No one received in the MDS, four in the CCAS's own permanence: a 0 % share would show those four.
            #expect(StatisticsFiguresTests.masked(rows, "synthese", "part_permanences_ccas"))
            // A period running to 2100 is answered (sessions are counted up to a year ahead only); year 9999 is refused.
            let far = try await fetch(app, "from=2026-10-01&to=2100-12-31")
            let farRows = StatisticsFiguresTests.rows(far)
            #expect((StatisticsFiguresTests.value(farRows, "permanences", "seances_prevues") ?? 0) < 13 * 60)

            // The page and the CSV of the same table say the same, masked.
            let manager = try await app.signedIn("responsable")
            let page = try await manager.get("/statistiques?du=2026-10-01&au=2026-10-31")
            #expect(page.status == 200)
            #expect(page.text.contains("Utilisation des permanences") && page.text.contains("Permanences par service et circonscription"))
            #expect(page.text.contains("Travailleurs sociaux de la MDS – circonscription Centre"))
            let csv = try await manager.get("/statistiques/permanences_sites.csv?du=2026-10-01&au=2026-10-04&site=ccas-cite-municipale")
            #expect(csv.status == 200)
            #expect(csv.text.contains("CCAS") && csv.text.contains(";18;") && csv.text.hasPrefix("\u{FEFF}ligne;code;seances_prevues"))
        }
    }

    /// Places booked: A 3 ("< 5"), B 6 (masked to protect A), C 20, total 29 shown. Filtering on B must
    /// not show its 6, or A = 29 − 20 − 6 comes back.
    @Test func aSiteHiddenAmongTheOthersStaysHiddenWhenFilteredOn() throws {
        var all = PermanenceFigures()
        for (site, booked, received) in [("a", 3, 0), ("b", 6, 5), ("c", 20, 0)] {
            all.bySite[site] = PermanenceFigures.Group(usage: PermanenceUsage(), booked: booked, received: received)
        }
        let masks = (a: PermanenceTables.masks(of: "a", in: all), b: PermanenceTables.masks(of: "b", in: all), c: PermanenceTables.masks(of: "c", in: all))
        #expect(masks.a.booked && masks.b.booked && !masks.c.booked)

        var onlyB = PermanenceFigures()
        onlyB.bySite["b"] = all.bySite["b"]
        onlyB.byService["ccas"] = all.bySite["b"]
        onlyB.total = all.bySite["b"]!
        (onlyB.bookedMaskedAmongSites, onlyB.receivedMaskedAmongSites) = masks.b
        let usage = PermanenceTables.usage(onlyB, nil)
        #expect(usage.rows.first { $0.key == "places_reservees" }?.isMasked == true)
        let passages = try #require(usage.rows.first { $0.key == "passages" })
        #expect(passages.isMasked == false && passages.value == 5)
        #expect(passages.share == nil)   // 5 of 6 would give the 6 back
        for table in [PermanenceTables.bySite(onlyB, names: [:]), PermanenceTables.byService(onlyB, circonscriptions: [:])] {
            let booked = table.columns.firstIndex { $0.key == "places_reservees" }!, rate = table.columns.firstIndex { $0.key == "taux_reservation" }!
            #expect(table.lines.allSatisfy { $0.cells[booked].mask != nil && $0.cells[rate].mask != nil }, "\(table.id)")
        }
    }
}
