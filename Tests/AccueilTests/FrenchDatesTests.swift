import Orientation
import Planning
import Testing
@testable import AccueilCore
@testable import AccueilWeb

@Suite struct FrenchDatesTests {
    @Test(arguments: [("2026-03-29", "10:00"), ("2026-10-25", "10:00"), ("2026-11-26", "09:15"), ("2024-02-29", "23:59")])
    func wallClockTimesSurviveDaylightSavingDays(_ day: String, _ time: String) throws {
        let instant = ParisTime(try #require(LocalDate(iso: day)), try #require(TimeOfDay(time)))
        let shown = FrenchDates.dateTime(instant.seconds)
        #expect(shown.hasSuffix(time))
        #expect(instant.day.description == day)
        #expect(instant.time.description == time)
    }

    @Test(arguments: ["2026-13-05", "2026-02-30", "2025-02-29", "26-11-2026", "2026-1-5"])
    func impossibleDaysAreRefused(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func aPeriodEndsAtTheStartOfTheNextParisDayEvenOnA25HourDay() throws {
        let day = try #require(LocalDate(iso: "2026-10-25"))
        let start = ParisTime.start(of: day), end = ParisTime.start(of: try #require(day.adding(days: 1)))
        #expect(end.seconds - start.seconds == 25 * 3600)
        #expect(try #require(LocalDate(iso: "2026-10-20")).days(to: try #require(LocalDate(iso: "2026-10-28"))) == 8)
        #expect(FrenchDates.dateTime(start.seconds) == "25/10/2026 00:00")
    }

    @Test(arguments: ["/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/ /x"])
    func returnPathsThatCouldLeaveTheSiteFallBackToHome(_ candidate: String) {
        #expect(PercentEncoding.safeReturnPath(candidate) == "/")
    }

    @Test func aLocalReturnPathIsKept() {
        #expect(PercentEncoding.safeReturnPath("/admin/journal?compte=agent") == "/admin/journal?compte=agent")
    }
}
