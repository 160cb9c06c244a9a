import Testing

@testable import Planning

@Suite("Slots and bookings")
struct BookingTests {
    let tuesday = date("2026-01-13")

    func ledger(_ permanences: [Permanence], from: String = "2026-01-13", to: String = "2026-01-13",
                absences: [Absence] = [], bookings: [Booking] = []) -> BookingLedger {
        BookingLedger(occurrences: occurrences(of: permanences, from: date(from), to: date(to), absences: absences), bookings: bookings)
    }

    @Test(arguments: [
        (30, 7, ["13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30"]),
        (45, 4, ["13:30", "14:15", "15:00", "15:45"]),  // 16:30–17:15 would spill over: dropped
        (60, 3, ["13:30", "14:30", "15:30"]),
        (210, 1, ["13:30"]),
        (240, 0, []),
    ])
    func appointmentSlotsFitInsideTheHalfDay(minutes: Int, count: Int, starts: [String]) {
        let permanence = lacPermanence(mode: .byAppointment(slotMinutes: minutes, capacityPerSlot: 2))
        let occurrence = occurrences(of: [permanence], from: tuesday, to: tuesday)[0]
        #expect(occurrence.slots.count == count)
        #expect(occurrence.slots.map(\.start) == starts.map { time($0) })
        #expect(occurrence.slots.allSatisfy { $0.end <= time("17:00") && $0.capacity == 2 && !$0.capacityIsSoft })
        #expect(zip(occurrence.slots, occurrence.slots.dropFirst()).allSatisfy { $0.end == $1.start })
    }

    @Test func openPermanenceIsOneSoftSession() {
        let occurrence = occurrences(of: [lacPermanence(mode: .open(softCapacity: 5))], from: tuesday, to: tuesday)[0]
        #expect(occurrence.slots == [PermanenceSlot(start: time("13:30"), end: time("17:00"), capacity: 5, capacityIsSoft: true)])
    }

    @Test func freeSlotsRespectCapacity() throws {
        var book = ledger([lacPermanence(mode: .byAppointment(slotMinutes: 30, capacityPerSlot: 2))])
        #expect(book.freeSlots().count == 7)
        try book.book(personReference: "P-1", occurrenceID: "ccas-lac-20260113", slotStart: time("13:30"))
        #expect(book.freeSlots().first { $0.start == time("13:30") }?.remaining == 1)
        try book.book(personReference: "P-2", occurrenceID: "ccas-lac-20260113", slotStart: time("13:30"))
        #expect(book.freeSlots().map(\.start) == ["14:00", "14:30", "15:00", "15:30", "16:00", "16:30"].map { time($0) })
        #expect(throws: BookingError.slotFull(capacity: 2)) {
            try book.book(personReference: "P-3", occurrenceID: "ccas-lac-20260113", slotStart: time("13:30"))
        }
        #expect(book.bookings.count == 2)
        #expect(book.bookedCount(occurrenceID: "ccas-lac-20260113", slotStart: time("13:30")) == 2)
    }

    @Test func bookingRefusals() throws {
        let holiday = date("2026-04-06")
        var book = BookingLedger(occurrences: occurrences(of: [lacPermanence(weekday: .monday)], from: holiday, to: holiday.adding(days: 7)))
        #expect(throws: BookingError.occurrenceCancelled(.publicHoliday(name: "Lundi de Pâques"))) {
            try book.book(personReference: "P", occurrenceID: "ccas-lac-20260406", slotStart: time("13:30"))
        }
        #expect(throws: BookingError.unknownOccurrence("ccas-lac-20260407")) {
            try book.book(personReference: "P", occurrenceID: "ccas-lac-20260407", slotStart: time("13:30"))
        }
        #expect(throws: BookingError.unknownSlot(time("13:45"))) {
            try book.book(personReference: "P", occurrenceID: "ccas-lac-20260413", slotStart: time("13:45"))
        }
        try book.book(personReference: "P", occurrenceID: "ccas-lac-20260413", slotStart: time("13:30"))
        #expect(throws: BookingError.alreadyBooked) {
            try book.book(personReference: "P", occurrenceID: "ccas-lac-20260413", slotStart: time("15:00"))
        }
        #expect(BookingError.slotFull(capacity: 1).message == "Ce créneau est complet (1 place).")
    }

    @Test func openPermanenceAcceptsPeoplePastItsSoftCapacityButStopsProposing() throws {
        var book = ledger([lacPermanence(mode: .open(softCapacity: 1))])
        try book.book(personReference: "P-1", occurrenceID: "ccas-lac-20260113", slotStart: time("13:30"))
        #expect(book.freeSlots().isEmpty)
        try book.book(personReference: "P-2", occurrenceID: "ccas-lac-20260113", slotStart: time("13:30"))
        #expect(book.bookings.count == 2)
    }

    @Test func nextFreeSlotsSkipFullAndCancelledOccurrences() throws {
        // Capacity 1, one slot per permanence (13:30–17:00 in one 210-minute slot) to keep it readable.
        let permanence = lacPermanence(mode: .byAppointment(slotMinutes: 210, capacityPerSlot: 1))
        var other = lacPermanence(id: "ccas-bastide", weekday: .wednesday, titulaire: "u", suppleant: "v",
                                  mode: .byAppointment(slotMinutes: 210, capacityPerSlot: 1))
        other.hostSiteID = "mds-bastide"
        let absences = [Absence(workerID: "t", dates: date("2026-01-20")...date("2026-01-20")),
                        Absence(workerID: "s", dates: date("2026-01-20")...date("2026-01-20"))]
        let full = Booking(occurrenceID: "ccas-lac-20260113", slotStart: time("13:30"), personReference: "X")
        let book = ledger([permanence, other], from: "2026-01-01", to: "2026-02-28", absences: absences, bookings: [full])

        let lac = book.nextFreeSlots(matching: ["mds-lac"], from: date("2026-01-13"), at: time("08:00"), limit: 2)
        // 13 Jan is full, 20 Jan is cancelled (both away).
        #expect(lac.map(\.occurrenceID) == ["ccas-lac-20260127", "ccas-lac-20260203"])
        #expect(lac.allSatisfy { $0.siteID == "mds-lac" && $0.remaining == 1 })

        let both = book.nextFreeSlots(matching: ["mds-lac", "mds-bastide"], from: date("2026-01-13"), at: time("08:00"), limit: 3)
        #expect(both.map(\.occurrenceID) == ["ccas-bastide-20260114", "ccas-bastide-20260121", "ccas-lac-20260127"])

        // Starting the same day after the slot has begun skips it.
        let later = book.nextFreeSlots(matching: ["mds-bastide"], from: date("2026-01-14"), at: time("14:00"), limit: 1)
        #expect(later.map(\.occurrenceID) == ["ccas-bastide-20260121"])
        #expect(book.nextFreeSlots(matching: ["mds-lac"], from: date("2026-01-13"), at: time("08:00"), limit: 0).isEmpty)
        #expect(book.nextFreeSlots(matching: ["ailleurs"], from: date("2026-01-13"), at: time("08:00"), limit: 5).isEmpty)
    }

    @Test func slotFilterNarrowsToTheSendingCirconscription() {
        let demo = AnnexFourDemo()
        let book = BookingLedger(occurrences: occurrences(of: demo.permanences, from: date("2026-01-05"), to: date("2026-01-31")))
        let filter = SlotFilter(siteIDs: [AnnexFourDemo.ccasSiteID], sendingInstitution: .departement, circonscriptionID: "lac")
        let slots = book.nextFreeSlots(matching: filter, from: date("2026-01-05"), at: time("00:00"), limit: 3)
        #expect(slots.count == 3)
        #expect(slots.allSatisfy { $0.date.weekday == .thursday && $0.capacityIsSoft })
    }
}
