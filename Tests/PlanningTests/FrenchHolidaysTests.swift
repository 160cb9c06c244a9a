import Testing

@testable import Planning

@Suite("French public holidays")
struct FrenchHolidaysTests {
    @Test(arguments: [
        (2000, "2000-04-23"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
        (1818, "1818-03-22"),  // earliest possible date
        (2285, "2285-03-22"),
        (1943, "1943-04-25"),  // latest possible date
    ])
    func easterSunday(year: Int, expected: String) {
        let easter = FrenchHolidays.easterSunday(in: year)
        #expect(easter == date(expected))
        #expect(easter.weekday == .sunday)
    }

    @Test(arguments: [
        // year, Easter Monday, Ascension (Thursday), Whit Monday
        (2000, "2000-04-24", "2000-06-01", "2000-06-12"),
        (2024, "2024-04-01", "2024-05-09", "2024-05-20"),
        (2025, "2025-04-21", "2025-05-29", "2025-06-09"),
        (2026, "2026-04-06", "2026-05-14", "2026-05-25"),
        (2027, "2027-03-29", "2027-05-06", "2027-05-17"),
        (2038, "2038-04-26", "2038-06-03", "2038-06-14"),
    ])
    func movableHolidays(year: Int, easterMonday: String, ascension: String, whitMonday: String) {
        let holidays = FrenchHolidays.dates(in: year)
        #expect(holidays[date(easterMonday)] == "Lundi de Pâques")
        #expect(holidays[date(ascension)] == "Ascension")
        #expect(holidays[date(whitMonday)] == "Lundi de Pentecôte")
        #expect(date(easterMonday).weekday == .monday)
        #expect(date(ascension).weekday == .thursday)
        #expect(date(whitMonday).weekday == .monday)
    }

    @Test(arguments: [2000, 2024, 2025, 2026, 2027, 2038])
    func elevenHolidaysWithFixedOnes(year: Int) {
        let holidays = FrenchHolidays.dates(in: year)
        #expect(holidays.count == 11)
        let fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
        for (month, day) in fixed {
            #expect(holidays[CalendarDate(year: year, month: month, day: day)!] != nil, "\(year)-\(month)-\(day)")
        }
        #expect(holidays.keys.allSatisfy { $0.year == year })
    }

    @Test func ordinaryDaysAreNotHolidays() {
        #expect(FrenchHolidays.name(of: date("2026-04-07")) == nil)
        #expect(FrenchHolidays.name(of: date("2026-12-26")) == nil)
        #expect(FrenchHolidays.name(of: date("2026-07-14")) == "Fête nationale")
    }
}
