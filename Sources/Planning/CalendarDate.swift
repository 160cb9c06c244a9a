import CivilCalendar

/// A civil date on the proleptic Gregorian calendar, with no time zone.
///
/// Permanences happen on Europe/Paris local dates; keeping the model on plain calendar values means a
/// date never shifts when a server or a test runs in another zone. Arithmetic goes through a day number
/// (days since 1970-01-01) computed by `CivilCalendar` with Howard Hinnant's `days_from_civil`, which is
/// exact, fast and needs no `Foundation.Calendar`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for a date that does not exist (30 February, month 13…), so bad input cannot
    /// silently roll over into another date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
            day <= CalendarDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// For values already known to be valid (constants, results of day arithmetic).
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (negative before it).
    public init(daysSinceEpoch days: Int) {
        let date = CivilCalendar.date(daysSinceEpoch: days)
        self.init(uncheckedYear: date.year, month: date.month, day: date.day)
    }

    /// Days since 1970-01-01 (days_from_civil).
    public var daysSinceEpoch: Int {
        CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    public var weekday: Weekday {
        Weekday(rawValue: CivilCalendar.weekday(daysSinceEpoch: daysSinceEpoch))!
    }

    /// The Monday that starts this date's (ISO 8601) week.
    public var mondayOfWeek: CalendarDate {
        adding(days: 1 - weekday.rawValue)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        CivilCalendar.isLeapYear(year)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        CivilCalendar.daysInMonth(year: year, month: month)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// "YYYY-MM-DD" (ISO 8601 extended), the exchange format with the app and its database.
    public var description: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// "YYYYMMDD" (ISO 8601 basic), used in identifiers and iCalendar values.
    public var basicFormat: String {
        "\(Self.pad(year, 4))\(Self.pad(month, 2))\(Self.pad(day, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
