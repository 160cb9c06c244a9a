import CivilCalendar

/// A calendar date with no time and no time zone.
///
/// Eligibility rules speak in days ("under 18 on the reference date", "valid until 2023-12-31"),
/// so using `Date` (an instant) would let a time zone shift a birthday by one day. A `LocalDate`
/// can only be built valid: the initialisers reject 2024-02-30 or 2023-02-29.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil unless the triple names a real day of the proleptic Gregorian calendar
    /// (years 1 to 9999, the range the "YYYY-MM-DD" form can write).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly "YYYY-MM-DD" (ASCII digits, zero-padded, no spaces, no time part).
    /// Strict on purpose: a lenient parser would turn "2024-2-3" or "2024-02-30" into some
    /// other day, and a wrong date silently changes who is a minor.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// True when `text` has the "YYYY-MM-DD" shape, whether or not the day exists.
    /// Lets error messages tell "wrong format" apart from "no such day".
    public static func hasISOShape(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7
                ? byte == UInt8(ascii: "-")
                : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        CivilCalendar.isLeapYear(year)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        CivilCalendar.daysInMonth(year: year, month: month)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The ISO form, "2026-11-26": the form used in JSON and storage.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The French form, "26/11/2026": the form used in sentences shown to agents.
    public var frenchDescription: String {
        let iso = description
        return "\(iso.suffix(2))/\(iso.dropFirst(5).prefix(2))/\(iso.prefix(4))"
    }
}
