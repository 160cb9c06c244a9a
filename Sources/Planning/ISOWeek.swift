/// An ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday).
///
/// Used to label weeks in messages and grids. Alternating permanences do *not* use the week number's
/// parity: years with 53 weeks would break the alternation at New Year.
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init(containing date: CalendarDate) {
        // The week belongs to the year of its Thursday.
        let thursday = date.mondayOfWeek.adding(days: 3)
        let firstOfYear = CalendarDate(uncheckedYear: thursday.year, month: 1, day: 1)
        year = thursday.year
        week = firstOfYear.days(until: thursday) / 7 + 1
    }

    /// The Monday of this week.
    public var monday: CalendarDate {
        // 4 January is always in week 1.
        let fourthOfJanuary = CalendarDate(uncheckedYear: year, month: 1, day: 4)
        return fourthOfJanuary.mondayOfWeek.adding(days: (week - 1) * 7)
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }

    /// "2026-W02".
    public var description: String {
        "\(CalendarDate.pad(year, 4))-W\(CalendarDate.pad(week, 2))"
    }
}

extension CalendarDate {
    public var isoWeek: ISOWeek { ISOWeek(containing: self) }
}
