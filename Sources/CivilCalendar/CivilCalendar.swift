/// Day arithmetic on the proleptic Gregorian calendar, with no time zone and no `Foundation.Calendar`.
///
/// Dates are plain (year, month, day) triples and a day number counts the days since 1970-01-01
/// (negative before). The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`:
/// eras of 400 years (146 097 days) starting on 1 March, so the leap day falls at the end of the
/// computational year; exact over the whole calendar without any table.
///
/// Shared by `Orientation` (`LocalDate`) and `Planning` (`CalendarDate`), which stay independent of
/// each other: each keeps its own date type and its own validity rules on top of these functions.
public enum CivilCalendar {
    /// Days since 1970-01-01 of a (valid) civil date.
    @inlinable public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date `days` days after 1970-01-01 (before it when negative).
    @inlinable public static func date(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// ISO 8601 day of the week of a day number: 1 = Monday … 7 = Sunday.
    @inlinable public static func weekday(daysSinceEpoch days: Int) -> Int {
        // 1970-01-01 was a Thursday; floor modulo keeps dates before 1970 right.
        ((days + 3) % 7 + 7) % 7 + 1
    }

    @inlinable public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// 28 to 31 for months 1...12 (31 for any other month number: callers check the month first).
    @inlinable public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
