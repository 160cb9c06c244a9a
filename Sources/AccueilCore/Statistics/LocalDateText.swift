import Orientation

/// Day arithmetic on "YYYY-MM-DD" strings (calendar days, no time zone involved).
package enum LocalDateText {
    package static func days(_ iso: String) -> Int? { LocalDate(iso: iso)?.daysSinceEpoch }

    package static func day(_ days: Int) -> String { LocalDate(daysSinceEpoch: days)?.description ?? "" }

    package static func adding(_ count: Int, to iso: String) -> String? { days(iso).map { day($0 + count) } }

    /// The last day of the month of `iso`.
    package static func endOfMonth(_ date: LocalDate) -> LocalDate {
        LocalDate(year: date.year, month: date.month, day: LocalDate.daysIn(month: date.month, year: date.year)) ?? date
    }
}
