import CivilCalendar

extension LocalDate {
    /// Days since 1970-01-01 (negative before), through `CivilCalendar` (Howard Hinnant's
    /// `days_from_civil`, exact over the whole proleptic Gregorian calendar without any table).
    public var daysSinceEpoch: Int {
        CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// The inverse of `daysSinceEpoch`; nil outside years 1...9999.
    public init?(daysSinceEpoch days: Int) {
        let date = CivilCalendar.date(daysSinceEpoch: days)
        self.init(year: date.year, month: date.month, day: date.day)
    }

    /// ISO day of the week: 1 = Monday … 7 = Sunday.
    public var weekday: Int { CivilCalendar.weekday(daysSinceEpoch: daysSinceEpoch) }

    /// The date `count` days later (earlier if negative); nil if it leaves years 1...9999.
    public func adding(days count: Int) -> LocalDate? {
        LocalDate(daysSinceEpoch: daysSinceEpoch + count)
    }
}
