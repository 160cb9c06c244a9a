import Testing

@testable import Planning

@Suite("Recurrence and occurrence expansion")
struct RecurrenceTests {
    @Test func weeklyGivesEveryTuesday() {
        let result = occurrences(of: [lacPermanence()], from: date("2026-01-01"), to: date("2026-01-31"))
        #expect(result.map(\.date) == ["2026-01-06", "2026-01-13", "2026-01-20", "2026-01-27"].map { date($0) })
        #expect(result.allSatisfy { $0.date.weekday == .tuesday && $0.start == time("13:30") && $0.end == time("17:00") })
    }

    @Test(arguments: [
        // The query window's own edges are inclusive too.
        ("2026-01-06", "2026-01-06", ["2026-01-06"]),
        ("2026-01-07", "2026-01-12", []),
        ("2026-01-05", "2026-01-04", []),
    ])
    func queryWindowIsInclusive(from: String, to: String, expected: [String]) {
        let result = occurrences(of: [lacPermanence()], from: date(from), to: date(to))
        #expect(result.map(\.date) == expected.map { date($0) })
    }

    @Test func validityBoundsAreInclusive() {
        let permanence = lacPermanence(validFrom: "2026-01-13", validTo: "2026-01-27")
        let result = occurrences(of: [permanence], from: date("2026-01-01"), to: date("2026-02-28"))
        #expect(result.map(\.date) == ["2026-01-13", "2026-01-20", "2026-01-27"].map { date($0) })
    }

    @Test func openEndedValidityRunsOn() {
        let permanence = lacPermanence(validFrom: "2026-01-01", validTo: nil)
        let result = occurrences(of: [permanence], from: date("2030-01-01"), to: date("2030-01-08"))
        #expect(result.map(\.date) == [date("2030-01-01"), date("2030-01-08")])
    }

    @Test func everyOtherWeekKeepsParityFromItsStartWeek() {
        // Started by any day of the week of Wed 7 Jan 2026: Tuesdays 6 Jan, 20 Jan, 3 Feb…
        let permanence = lacPermanence(recurrence: .everyOtherWeek(startingWeekOf: date("2026-01-07")))
        let result = occurrences(of: [permanence], from: date("2026-01-01"), to: date("2026-02-28"))
        #expect(result.map(\.date) == ["2026-01-06", "2026-01-20", "2026-02-03", "2026-02-17"].map { date($0) })
    }

    @Test func everyOtherWeekAcrossAYearOf53Weeks() {
        // 2026 has an ISO week 53: alternation counted on week numbers would wrongly pick week 1 of 2027.
        let permanence = lacPermanence(
            weekday: .monday, recurrence: .everyOtherWeek(startingWeekOf: date("2026-12-14")), validTo: "2027-12-31")
        let result = occurrences(of: [permanence], from: date("2026-12-01"), to: date("2027-01-31"))
        #expect(result.map(\.date) == ["2026-12-14", "2026-12-28", "2027-01-11", "2027-01-25"].map { date($0) })
    }

    @Test func everyOtherWeekStartsNoEarlierThanItsStartWeek() {
        let permanence = lacPermanence(recurrence: .everyOtherWeek(startingWeekOf: date("2026-03-02")))
        let result = occurrences(of: [permanence], from: date("2026-01-01"), to: date("2026-03-31"))
        #expect(result.first?.date == date("2026-03-03"))
        #expect(result.count == 3)  // 3, 17, 31 March
    }

    @Test func listedDatesAreTakenAsListedWithinValidity() {
        let listed = ["2026-03-12", "2026-02-05", "2026-02-05", "2027-01-07"].map { date($0) }
        let permanence = lacPermanence(weekday: .thursday, recurrence: .dates(listed))
        let result = occurrences(of: [permanence], from: date("2026-01-01"), to: date("2027-12-31"))
        // Sorted, de-duplicated, and 2027 is outside the validity period.
        #expect(result.map(\.date) == [date("2026-02-05"), date("2026-03-12")])
    }

    @Test(arguments: [
        ("2026-04-06", Weekday.monday, "Lundi de Pâques"),
        ("2026-05-14", .thursday, "Ascension"),
        ("2026-05-25", .monday, "Lundi de Pentecôte"),
        ("2026-07-14", .tuesday, "Fête nationale"),
        ("2026-11-11", .wednesday, "Armistice 1918"),
    ])
    func aHolidayCancelsTheOccurrence(holiday: String, weekday: Weekday, name: String) {
        let permanence = lacPermanence(weekday: weekday)
        let result = occurrences(of: [permanence], from: date(holiday).adding(days: -7), to: date(holiday).adding(days: 7))
        #expect(result.count == 3)
        let cancelled = result.filter(\.isCancelled)
        #expect(cancelled.map(\.date) == [date(holiday)])
        #expect(cancelled.first?.holder == .cancelled(.publicHoliday(name: name)))
        #expect(cancelled.first?.holder.workerID == nil)
    }

    @Test func aHolidayWinsOverAbsencesAndClosures() {
        let easterMonday = date("2026-04-06")
        let result = occurrences(
            of: [lacPermanence(weekday: .monday)], from: easterMonday, to: easterMonday,
            closures: [SiteClosure(siteID: "mds-lac", dates: easterMonday...easterMonday, reason: "travaux")],
            absences: [Absence(workerID: "t", dates: easterMonday...easterMonday)])
        #expect(result.first?.holder == .cancelled(.publicHoliday(name: "Lundi de Pâques")))
    }

    @Test func aSiteClosureCancelsOnlyThatSite() {
        let closure = SiteClosure(siteID: "mds-lac", dates: date("2026-01-12")...date("2026-01-16"), reason: "travaux")
        var elsewhere = lacPermanence(id: "elsewhere", titulaire: "u", suppleant: "v")
        elsewhere.hostSiteID = "mds-bastide"
        let result = occurrences(
            of: [lacPermanence(), elsewhere], from: date("2026-01-12"), to: date("2026-01-20"), closures: [closure])
        #expect(result.map(\.holder) == [
            .titulaire("u"), .cancelled(.siteClosed(reason: "travaux")),  // 13 Jan, sorted by site
            .titulaire("u"), .titulaire("t"),  // 20 Jan
        ])
        #expect(CancellationReason.siteClosed(reason: "travaux").label == "Site fermé : travaux")
    }

    @Test func occurrenceIDsAreStableAndSortedOutput() {
        let result = occurrences(
            of: [lacPermanence(id: "b", weekday: .tuesday), lacPermanence(id: "a", weekday: .monday)],
            from: date("2026-01-05"), to: date("2026-01-06"))
        #expect(result.map(\.id) == ["a-20260105", "b-20260106"])
        let again = occurrences(
            of: [lacPermanence(id: "a", weekday: .monday), lacPermanence(id: "b", weekday: .tuesday)],
            from: date("2026-01-01"), to: date("2026-01-31"))
        #expect(Set(again.map(\.id)).isSuperset(of: result.map(\.id)))
    }
}
