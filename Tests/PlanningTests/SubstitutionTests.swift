import Testing

@testable import Planning

@Suite("Substitution and cancellation")
struct SubstitutionTests {
    let tuesday = date("2026-01-13")

    @Test func titulaireHoldsWhenPresent() {
        let result = occurrences(of: [lacPermanence()], from: tuesday, to: tuesday)
        #expect(result.map(\.holder) == [.titulaire("t")])
    }

    @Test func suppleantTakesOverWhenTitulaireIsAway() {
        let absence = Absence(workerID: "t", dates: date("2026-01-12")...date("2026-01-16"), reason: "congés")
        let result = occurrences(of: [lacPermanence()], from: date("2026-01-06"), to: date("2026-01-20"), absences: [absence])
        #expect(result.map(\.holder) == [.titulaire("t"), .suppleant("s"), .titulaire("t")])
        #expect(result[1].holder.workerID == "s")
    }

    @Test(arguments: [
        ("2026-01-13", "2026-01-13", true),  // a single day
        ("2026-01-01", "2026-01-13", true),  // ends that day
        ("2026-01-13", "2026-02-01", true),  // starts that day
        ("2026-01-14", "2026-01-20", false),
        ("2026-01-05", "2026-01-12", false),
    ])
    func absenceBoundsAreInclusive(first: String, last: String, replaced: Bool) {
        let absence = Absence(workerID: "t", dates: date(first)...date(last))
        let result = occurrences(of: [lacPermanence()], from: tuesday, to: tuesday, absences: [absence])
        #expect(result.first?.holder == (replaced ? .suppleant("s") : .titulaire("t")))
    }

    @Test func bothAwayCancelsFlagsAndListsBookedPeopleForRebooking() throws {
        let absences = [
            Absence(workerID: "t", dates: tuesday...tuesday, reason: "formation"),
            Absence(workerID: "s", dates: date("2026-01-01")...date("2026-01-31"), reason: "maladie"),
        ]
        let planned = occurrences(of: [lacPermanence()], from: tuesday, to: tuesday)
        var ledger = BookingLedger(occurrences: planned)
        try ledger.book(personReference: "P-1", occurrenceID: "ccas-lac-20260113", slotStart: time("14:00"))
        try ledger.book(personReference: "P-2", occurrenceID: "ccas-lac-20260113", slotStart: time("13:30"))

        // The absences are learnt after the bookings: recompute, keep the bookings.
        let replanned = occurrences(of: [lacPermanence()], from: tuesday, to: tuesday, absences: absences)
        let occurrence = try #require(replanned.first)
        #expect(occurrence.holder == .cancelled(.noSocialWorkerAvailable))
        guard case .cancelled(let reason) = occurrence.holder else { return }
        #expect(reason.needsAttention)
        #expect(!CancellationReason.publicHoliday(name: "Noël").needsAttention)
        // The absence reasons are private: they are never carried into the occurrence.
        #expect(!reason.label.contains("maladie"))

        let after = BookingLedger(occurrences: replanned, bookings: ledger.bookings)
        let rebooking = after.rebookingList()
        #expect(rebooking.map(\.booking.personReference) == ["P-2", "P-1"])  // slot order
        #expect(rebooking.allSatisfy { $0.reason == .noSocialWorkerAvailable && $0.occurrence.id == "ccas-lac-20260113" })
        #expect(after.freeSlots().isEmpty)
    }

    @Test(arguments: [nil, "", "t"] as [String?])
    func noRealSuppleantMeansCancelledWhenTitulaireIsAway(suppleant: String?) {
        let absence = Absence(workerID: "t", dates: tuesday...tuesday)
        let result = occurrences(of: [lacPermanence(suppleant: suppleant)], from: tuesday, to: tuesday, absences: [absence])
        #expect(result.first?.holder == .cancelled(.noSocialWorkerAvailable))
    }

    @Test func rebookingListIgnoresOccurrencesThatTakePlace() throws {
        let planned = occurrences(of: [lacPermanence()], from: tuesday, to: tuesday)
        var ledger = BookingLedger(occurrences: planned)
        try ledger.book(personReference: "P-1", occurrenceID: "ccas-lac-20260113", slotStart: time("14:00"))
        #expect(ledger.rebookingList().isEmpty)
    }
}
