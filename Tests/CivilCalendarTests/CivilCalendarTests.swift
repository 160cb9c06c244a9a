import Testing

import CivilCalendar

@Suite("CivilCalendar")
struct CivilCalendarTests {
    @Test(arguments: [
        (1970, 1, 1, 0),
        (1969, 12, 31, -1),
        (2000, 3, 1, 11_017),
        (2000, 2, 29, 11_016),
        (2024, 2, 29, 19_782),
        (2026, 1, 5, 20_458),
        (1900, 1, 1, -25_567),
        (1, 1, 1, -719_162),
        (9999, 12, 31, 2_932_896),
    ])
    func knownDayNumbers(year: Int, month: Int, day: Int, days: Int) {
        #expect(CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) == days)
        let date = CivilCalendar.date(daysSinceEpoch: days)
        #expect((date.year, date.month, date.day) == (year, month, day))
    }

    @Test func dayNumbersRoundTripAndFollowEachOtherOverFourCenturies() {
        var previous = CivilCalendar.date(daysSinceEpoch: -146_098)
        for days in -146_097...146_097 {
            let date = CivilCalendar.date(daysSinceEpoch: days)
            #expect(CivilCalendar.daysSinceEpoch(year: date.year, month: date.month, day: date.day) == days)
            // The next day is the next in the month, or the first of the next month / year.
            let expected = previous.day < CivilCalendar.daysInMonth(year: previous.year, month: previous.month)
                ? (previous.year, previous.month, previous.day + 1)
                : previous.month < 12 ? (previous.year, previous.month + 1, 1) : (previous.year + 1, 1, 1)
            #expect((date.year, date.month, date.day) == expected)
            previous = date
        }
    }

    @Test(arguments: [
        (0, 4),  // 1970-01-01, Thursday
        (-1, 3),  // 1969-12-31, Wednesday
        (4, 1),  // 1970-01-05, Monday
        (3, 7),  // 1970-01-04, Sunday
        (20_458, 1),  // 2026-01-05, Monday
        (-25_567, 1),  // 1900-01-01, Monday
        (10_957, 6),  // 2000-01-01, Saturday
    ])
    func weekdays(days: Int, isoWeekday: Int) {
        #expect(CivilCalendar.weekday(daysSinceEpoch: days) == isoWeekday)
    }

    @Test func leapYearsAndMonthLengths() {
        #expect(CivilCalendar.isLeapYear(2024))
        #expect(CivilCalendar.isLeapYear(2000))
        #expect(!CivilCalendar.isLeapYear(2100))
        #expect(!CivilCalendar.isLeapYear(2025))
        #expect(CivilCalendar.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 2100, month: 2) == 28)
        #expect((1...12).map { CivilCalendar.daysInMonth(year: 2025, month: $0) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    }
}
