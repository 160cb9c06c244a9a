import Testing
@testable import AccueilCore
@testable import AccueilWeb

@Suite struct FrenchDatesTests {
    @Test(arguments: [("2026-03-29", "10:00"), ("2026-10-25", "10:00"), ("2026-11-26", "09:15"), ("2024-02-29", "23:59")])
    func wallClockTimesSurviveDaylightSavingDays(_ day: String, _ time: String) throws {
        let clock = try #require(FrenchDates.time(time))
        let stamp = try #require(FrenchDates.at(day, hour: clock.hour, minute: clock.minute))
        let shown = FrenchDates.dateTime(stamp)
        #expect(shown.hasSuffix(time))
        #expect(FrenchDates.isoDay(stamp) == day)
    }

    @Test(arguments: ["2026-13-05", "2026-02-30", "2025-02-29", "26-11-2026", "2026-1-5"])
    func impossibleDaysAreRefused(_ text: String) {
        #expect(FrenchDates.startOfDay(text) == nil)
    }

    @Test func aPeriodEndsAtTheStartOfTheNextParisDayEvenOnA25HourDay() throws {
        let start = try #require(FrenchDates.startOfDay("2026-10-25"))
        let end = try #require(FrenchDates.startOfNextDay("2026-10-25"))
        #expect(end - start == 25 * 3600)
        #expect(FrenchDates.daysBetween("2026-10-20", "2026-10-28") == 8)
    }

    @Test(arguments: ["/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/ /x"])
    func returnPathsThatCouldLeaveTheSiteFallBackToHome(_ candidate: String) {
        #expect(PercentEncoding.safeReturnPath(candidate) == "/")
    }

    @Test func aLocalReturnPathIsKept() {
        #expect(PercentEncoding.safeReturnPath("/admin/journal?compte=agent") == "/admin/journal?compte=agent")
    }
}
