import Testing

@testable import Planning

@Suite("Permanence usage for the figures")
struct PermanenceUsageTests {
    /// November 2026, Wednesdays 13:30–17:00: the 4th, the 11th (Armistice), 18th (site closed), 25th (both away).
    @Test func countsSessionsByOutcomeAndThePlacesOfThoseThatTakePlace() {
        let permanence = lacPermanence(weekday: .wednesday)  // 7 slots of 30 minutes, one place each
        let found = occurrences(
            of: [permanence], from: date("2026-11-01"), to: date("2026-11-30"),
            closures: [SiteClosure(siteID: "mds-lac", dates: date("2026-11-18")...date("2026-11-18"), reason: "travaux")],
            absences: [Absence(workerID: "t", dates: date("2026-11-25")...date("2026-11-25")),
                       Absence(workerID: "s", dates: date("2026-11-20")...date("2026-11-27"))])
        var usage = PermanenceUsage()
        for occurrence in found { usage.add(occurrence, today: date("2026-11-10")) }
        #expect(usage.scheduled == 4)
        #expect(usage.held == 1)           // the 4th, before "today"
        #expect(usage.upcoming == 0)
        #expect(usage.cancelledForHoliday == 1)
        #expect(usage.cancelledForClosure == 1)
        #expect(usage.cancelledForStaffing == 1)
        #expect(usage.cancelled == 3)
        #expect(usage.placesOffered == 7)
    }

    @Test func sessionsAfterTodayAreUpcomingAndOpenSessionsOfferTheirSoftCapacity() {
        let open = lacPermanence(id: "open", mode: .open(softCapacity: 6))
        let appointments = lacPermanence(id: "rdv", mode: .byAppointment(slotMinutes: 60, capacityPerSlot: 2))  // 3 slots × 2
        let found = occurrences(of: [open, appointments], from: date("2026-03-02"), to: date("2026-03-15"))
        let groups = PermanenceUsage.grouped(found, today: date("2026-03-03"), by: \.permanenceID)
        #expect(groups["open"]?.held == 1 && groups["open"]?.upcoming == 1)   // Tuesdays 3rd (today counts as held) and 10th
        #expect(groups["open"]?.placesOffered == 12)
        #expect(groups["rdv"]?.placesOffered == 12)
        let none = PermanenceUsage.grouped(found, today: date("2026-03-03")) { _ in nil }
        #expect(none.isEmpty)
    }

    /// Counted without building the slots, the places agree with the slots themselves (a last piece
    /// shorter than a slot is not a slot).
    @Test(arguments: [PermanenceMode.byAppointment(slotMinutes: 30, capacityPerSlot: 1), .byAppointment(slotMinutes: 45, capacityPerSlot: 1),
                      .byAppointment(slotMinutes: 60, capacityPerSlot: 2), .byAppointment(slotMinutes: 40, capacityPerSlot: 3), .open(softCapacity: 6)])
    func placesPerSessionMatchTheSlots(_ mode: PermanenceMode) {
        let permanence = lacPermanence(mode: mode)   // 13:30–17:00
        #expect(permanence.placesPerSession == PermanenceSlot.slots(for: mode, from: permanence.start, to: permanence.end).reduce(0) { $0 + $1.capacity })
    }
}
