import Testing

@testable import Planning

@Suite("CalendarDate and TimeOfDay")
struct CalendarDateTests {
    @Test(arguments: [
        ("1970-01-01", Weekday.thursday),
        ("2000-01-01", .saturday),
        ("2000-02-29", .tuesday),
        ("2024-02-29", .thursday),
        ("2025-12-25", .thursday),
        ("2026-01-05", .monday),
        ("2038-01-19", .tuesday),
        ("1969-12-31", .wednesday),
        ("1900-01-01", .monday),
    ])
    func weekdayOfKnownDates(text: String, expected: Weekday) {
        #expect(date(text).weekday == expected)
    }

    @Test(arguments: [
        ("2024-02-28", 1, "2024-02-29"),  // leap day
        ("2024-02-29", 1, "2024-03-01"),
        ("2025-02-28", 1, "2025-03-01"),  // not leap
        ("2100-02-28", 1, "2100-03-01"),  // century, not leap
        ("2000-02-28", 1, "2000-02-29"),  // 400-year leap
        ("2025-12-31", 1, "2026-01-01"),  // year boundary
        ("2026-01-01", -1, "2025-12-31"),
        ("2026-01-31", 1, "2026-02-01"),  // month boundary
        ("2024-03-01", -1, "2024-02-29"),
        ("2024-01-01", 366, "2025-01-01"),  // a leap year is 366 days
        ("2025-01-01", 365, "2026-01-01"),
        ("1970-01-01", -1, "1969-12-31"),
    ])
    func addingDaysAcrossBoundaries(start: String, days: Int, expected: String) {
        #expect(date(start).adding(days: days) == date(expected))
        #expect(date(start).days(until: date(expected)) == days)
    }

    @Test func dayNumbersRoundTripOverFourCenturies() {
        var previous = CalendarDate(daysSinceEpoch: -146_097 - 1)
        for day in -146_097...146_097 {
            let current = CalendarDate(daysSinceEpoch: day)
            #expect(current.daysSinceEpoch == day)
            #expect(previous < current)
            previous = current
        }
    }

    @Test(arguments: ["2026-01-05", "2024-02-29", "0999-12-31"])
    func parsesAndFormats(text: String) {
        #expect(CalendarDate(text)?.description == text)
    }

    @Test(arguments: ["2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-5", "05/01/2026", "2026-01-05x", "", "+026-01-05"])
    func rejectsInvalidDates(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test(arguments: [
        ("2026-01-01", 2026, 1),
        ("2026-12-28", 2026, 53),  // 2026 has 53 ISO weeks
        ("2027-01-03", 2026, 53),
        ("2027-01-04", 2027, 1),
        ("2024-12-30", 2025, 1),  // belongs to the next year
        ("2021-01-03", 2020, 53),
        ("2024-02-29", 2024, 9),
    ])
    func isoWeeks(text: String, year: Int, week: Int) {
        let isoWeek = date(text).isoWeek
        #expect(isoWeek == ISOWeek(containing: date(text)))
        #expect((isoWeek.year, isoWeek.week) == (year, week))
        #expect(isoWeek.monday == date(text).mondayOfWeek)
    }

    @Test func frenchLabels() {
        #expect(date("2026-01-01").frenchLabel == "jeudi 1er janvier 2026")
        #expect(date("2026-08-15").frenchLabel == "samedi 15 août 2026")
        #expect(date("2026-01-05").frenchShortLabel == "05/01/2026")
        #expect(time("13:30").frenchLabel == "13h30")
        #expect(time("09:00").frenchLabel == "9h")
    }

    @Test(arguments: [("13:30", true), ("00:00", true), ("23:59", true), ("24:00", false), ("9:00", false), ("12:60", false), ("ab:cd", false)])
    func parsesTimes(text: String, valid: Bool) {
        #expect((TimeOfDay(text) != nil) == valid)
        if valid { #expect(TimeOfDay(text)?.description == text) }
    }

    @Test func timeArithmeticStaysInsideTheDay() {
        #expect(time("13:30").adding(minutes: 30) == time("14:00"))
        #expect(time("23:45").adding(minutes: 15) == nil)
        #expect(time("16:30") < time("17:00"))
    }

    @Test func halfDayDefaultHours() {
        #expect(HalfDay.morning.defaultStart == time("09:00"))
        #expect(HalfDay.morning.defaultEnd == time("12:00"))
        #expect(HalfDay.afternoon.defaultStart == time("13:30"))
        #expect(HalfDay.afternoon.defaultEnd == time("17:00"))
        #expect(HalfDay.afternoon.label == "après-midi")
        #expect(Weekday.workingDays.map(\.label) == ["lundi", "mardi", "mercredi", "jeudi", "vendredi"])
    }
}
