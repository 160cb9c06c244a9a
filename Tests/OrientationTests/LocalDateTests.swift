import Foundation
import Testing
import Orientation

@Suite("LocalDate")
struct LocalDateTests {
    @Test("parses real dates", arguments: [
        ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29), ("2026-11-26", 2026, 11, 26),
        ("0001-01-01", 1, 1, 1), ("9999-12-31", 9999, 12, 31), ("2023-04-30", 2023, 4, 30),
    ])
    func parsesValid(text: String, year: Int, month: Int, day: Int) throws {
        let date = try #require(LocalDate(iso: text))
        #expect((date.year, date.month, date.day) == (year, month, day))
        #expect(date.description == text)
    }

    @Test("rejects malformed or impossible dates", arguments: [
        "2024-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10",
        "2024-01-00", "2024-1-01", "24-01-01", "2024/01/01", "2024-01-01T00:00", " 2024-01-01",
        "2024-01-01 ", "", "abcd-ef-gh", "0000-01-01", "+024-01-01", "2024-01-0١",
    ])
    func rejectsInvalid(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test("tells a wrong shape from a day that does not exist")
    func isoShape() {
        #expect(LocalDate.hasISOShape("2024-02-30"))
        #expect(!LocalDate.hasISOShape("30/02/2024"))
        #expect(!LocalDate.hasISOShape("2024-2-3"))
    }

    @Test("orders dates chronologically")
    func ordering() {
        #expect(day("2023-12-31") < day("2024-01-01"))
        #expect(day("2024-01-31") < day("2024-02-01"))
        #expect(!(day("2024-01-01") < day("2024-01-01")))
        #expect([day("2025-01-01"), day("2024-06-30"), day("2024-07-01")].sorted()
                == [day("2024-06-30"), day("2024-07-01"), day("2025-01-01")])
    }

    @Test("French form is dd/MM/yyyy")
    func frenchDescription() {
        #expect(day("2024-01-05").frenchDescription == "05/01/2024")
    }

    @Test("age in completed years", arguments: [
        ("2008-11-26", "2026-11-26", 18),  // birthday on the reference date counts as reached
        ("2008-11-26", "2026-11-25", 17),  // the day before
        ("2008-11-27", "2026-11-26", 17),
        ("2008-02-29", "2026-02-28", 17),  // 29 February: not yet on 28 February…
        ("2008-02-29", "2026-03-01", 18),  // …reached on 1 March in a non-leap year
        ("2008-02-29", "2028-02-29", 20),  // and on the day itself in a leap year
        ("2008-02-29", "2028-02-28", 19),
        ("2020-05-10", "2020-05-10", 0),
        ("2020-05-10", "2021-05-09", 0),
        ("1926-01-01", "2026-01-01", 100),
        ("2027-01-01", "2026-12-31", -1),  // not born yet: negative, callers must reject it
    ])
    func years(birth: String, ref: String, expected: Int) {
        #expect(LocalDate.years(from: day(birth), to: day(ref)) == expected)
    }

    @Test("day counting matches known points and round-trips")
    func daysSinceEpoch() throws {
        #expect(day("1970-01-01").daysSinceEpoch == 0)
        #expect(day("2000-03-01").daysSinceEpoch == 11_017)
        #expect(day("1969-12-31").daysSinceEpoch == -1)
        var date = day("1999-12-25")
        for _ in 0..<3_000 {
            let next = try #require(date.adding(days: 1))
            #expect(next > date)
            #expect(next.daysSinceEpoch == date.daysSinceEpoch + 1)
            #expect(LocalDate(iso: next.description) == next)
            date = next
        }
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(day("9999-12-31").adding(days: 1) == nil)
    }

    @Test("today is computed in the caller's time zone")
    func fromInstant() throws {
        let instant = Date(timeIntervalSince1970: -1_800)  // 1969-12-31T23:30:00Z
        #expect(LocalDate(instant, in: try #require(TimeZone(identifier: "UTC"))) == day("1969-12-31"))
        #expect(LocalDate(instant, in: try #require(TimeZone(identifier: "Europe/Paris"))) == day("1970-01-01"))
    }

    @Test("encodes and decodes as an ISO string")
    func codable() throws {
        let data = try JSONEncoder().encode([day("2024-02-29")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-02-29"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [day("2024-02-29")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2024-02-30"]"#.utf8))
        }
    }
}
