import Foundation
import Planning
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// Migration 4 and its repositories: rows ↔ Planning values, the demo seed, capacity in SQL.
@Suite(.serialized) struct PlanningStorageTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }
    static func time(_ text: String) -> TimeOfDay { TimeOfDay(text)! }

    func addPerson(_ app: TestApp, _ name: String) throws -> Int64 {
        try app.store.writeSync { db in
            try db.run("INSERT INTO persons (last_name, first_name, name_key, created_at, updated_at) VALUES (?, 'Test', ?, 0, 0)", [name, name.lowercased()])
            return db.lastInsertRowID
        }
    }

    @Test func theDemoPlanningIsSeededOnceAndReadsBackAsTheAnnexFourDemo() async throws {
        try await withApp { app in
            let demo = AnnexFourDemo()
            let (permanences, workers) = try app.store.readSync { db in (try PlanningRepository.permanences(db), try PlanningRepository.workers(db)) }
            #expect(permanences == demo.permanences.sorted { $0.id < $1.id })
            #expect(Set(workers) == Set(demo.directory.workers.values))
            // A second start changes nothing, even after a manager emptied a suppléant.
            try app.store.writeSync { db in try db.run("UPDATE permanences SET suppleant_id = NULL WHERE id = 'ccas-mds-lac'") }
            try app.store.writeSync { db in try PlanningDemoSeed.seedOnce(db, at: 0) }
            let again = try app.store.readSync { db in try PlanningRepository.permanence(db, id: "ccas-mds-lac") }
            #expect(again?.suppleantID == nil)
            #expect(try app.store.readSync { db in try db.int("SELECT count(*) FROM permanences") } == demo.permanences.count)
        }
    }

    @Test func everyRecurrenceModeAndValidityRoundTrips() async throws {
        try await withApp { app in
            let variants = [
                Permanence(id: "essai-quinzaine", hostSiteID: "centre-animation-benauge", sendingInstitution: .departement, circonscriptionID: "sud",
                           weekday: .thursday, halfDay: .morning, start: Self.time("09:15"), end: Self.time("11:45"),
                           recurrence: .everyOtherWeek(startingWeekOf: Self.date("2026-01-08")), validFrom: Self.date("2026-01-05"),
                           validTo: Self.date("2026-06-30"), titulaireID: "as-sud-2", suppleantID: nil, mode: .open(softCapacity: 0)),
                Permanence(id: "essai-dates", hostSiteID: "mds-lac", sendingInstitution: .ccas, weekday: .monday, halfDay: .afternoon,
                           recurrence: .dates([Self.date("2026-12-07"), Self.date("2026-12-21")]), validFrom: Self.date("2026-12-01"),
                           titulaireID: "ts-ccas-1", suppleantID: "ts-ccas-2", mode: .byAppointment(slotMinutes: 20, capacityPerSlot: 3)),
            ]
            try app.store.writeSync { db in for p in variants { try PlanningRepository.save(db, p, at: 1) } }
            let read = try app.store.readSync { db in try variants.map { try PlanningRepository.permanence(db, id: $0.id) } }
            #expect(read == variants.map(Optional.some))
            // Saving again updates in place (the id is stable).
            var moved = variants[1]
            moved.weekday = .tuesday
            moved.titulaireID = "ts-ccas-3"
            try app.store.writeSync { db in try PlanningRepository.save(db, moved, at: 2) }
            #expect(try app.store.readSync { db in try PlanningRepository.permanence(db, id: moved.id) } == moved)
            #expect(RecurrenceJSON.decode("{\"type\":\"lunar\"}") == nil)
        }
    }

    @Test func closuresAndAbsencesRoundTripAndApply() async throws {
        try await withApp { app in
            try app.store.writeSync { db in
                try PlanningRepository.insert(db, closure: SiteClosure(siteID: "mds-centre", dates: Self.date("2026-11-23")...Self.date("2026-11-23"), reason: "Travaux"))
                try PlanningRepository.insert(db, absence: Absence(workerID: "ts-ccas-2", dates: Self.date("2026-11-24")...Self.date("2026-11-24"), reason: "Congé"))
            }
            let snapshot = try app.store.readSync { db in try PlanningSnapshot.load(db, referential: app.context.referential) }
            #expect(snapshot.closures.count == 1 && snapshot.absences.count == 1)
            let week = snapshot.occurrences(from: Self.date("2026-11-23"), to: Self.date("2026-11-27"))
            #expect(week.first { $0.id == "ccas-mds-centre-20261123" }?.holder == .cancelled(.siteClosed(reason: "Travaux")))
            // MDS Grand Parc, Tuesday morning: ts-ccas-2 away, ts-ccas-1 takes over.
            #expect(week.first { $0.id == "ccas-mds-grand-parc-20261124" }?.holder == .suppleant("ts-ccas-1"))
        }
    }

    @Test func aBookingHoldsAPlaceUntilCancelled() async throws {
        try await withApp { app in
            let (first, second) = (try addPerson(app, "Premier"), try addPerson(app, "Second"))
            let occurrence = "ccas-mds-centre-20261123", nine = Self.time("09:00")
            let booked = try app.store.writeSync { db in
                try BookingRepository.book(db, occurrenceID: occurrence, slotStart: nine, personID: first, orientationID: nil, accountID: nil, at: app.now + 10)
            }
            #expect(booked.place == 1)
            #expect(throws: BookingError.slotFull(capacity: 1)) {
                try app.store.writeSync { db in
                    try BookingRepository.book(db, occurrenceID: occurrence, slotStart: nine, personID: second, orientationID: nil, accountID: nil, at: app.now + 11)
                }
            }
            #expect(throws: BookingError.unknownSlot(Self.time("09:10"))) {
                try app.store.writeSync { db in
                    try BookingRepository.book(db, occurrenceID: occurrence, slotStart: Self.time("09:10"), personID: second, orientationID: nil, accountID: nil, at: app.now + 11)
                }
            }
            // 25 December is a holiday.
            #expect(throws: BookingError.occurrenceCancelled(.publicHoliday(name: "Noël"))) {
                try app.store.writeSync { db in
                    try BookingRepository.book(db, occurrenceID: "ccas-mds-saint-jean-20261225", slotStart: nine, personID: second, orientationID: nil, accountID: nil, at: app.now + 11)
                }
            }
            // The SQL index alone refuses a second live booking of the same place.
            #expect(throws: SQLiteError.self) {
                try app.store.writeSync { db in
                    try db.run("""
                        INSERT INTO bookings (occurrence_id, permanence_id, occurrence_date, slot_start, place, person_id, created_at)
                        VALUES (?, 'ccas-mds-centre', '2026-11-23', '09:00', 1, ?, 12)
                        """, [occurrence, second])
                }
            }
            try app.store.writeSync { db in try BookingRepository.cancel(db, id: booked.id, accountID: nil, at: 20) }
            let rebooked = try app.store.writeSync { db in
                try BookingRepository.book(db, occurrenceID: occurrence, slotStart: nine, personID: second, orientationID: nil, accountID: nil, at: app.now + 21)
            }
            #expect(rebooked.place == 1)
            #expect(try app.store.readSync { db in try BookingRepository.active(db, occurrenceID: occurrence) }.map(\.personID) == [second])
        }
    }
}
