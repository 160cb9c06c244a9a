import Orientation

/// A closed range of days ("du … au …", both included) and the optional reception site.
package struct StatisticsPeriod: Sendable, Equatable {
    package let from: LocalDate
    package let to: LocalDate
    package let siteID: String?

    package init?(from: String, to: String, siteID: String?) {
        guard let start = LocalDate(iso: from), let end = LocalDate(iso: to), start <= end else { return nil }
        self.from = start
        self.to = end
        self.siteID = siteID
    }

    package init(from: LocalDate, to: LocalDate, siteID: String?) {
        self.from = from
        self.to = to
        self.siteID = siteID
    }

    package var days: Int { to.daysSinceEpoch - from.daysSinceEpoch + 1 }

    /// The calendar months this period touches, whole: the figures are computed on them (`MonthMasking`).
    package var wholeMonths: StatisticsPeriod {
        StatisticsPeriod(from: LocalDate(year: from.year, month: from.month, day: 1) ?? from, to: to.endOfMonth, siteID: siteID)
    }

    package var isWholeMonths: Bool { from.day == 1 && to == to.endOfMonth }

    /// The period of the same length that ends the day before this one starts; for whole months, the
    /// same number of months.
    package var previous: StatisticsPeriod {
        if isWholeMonths {
            let months = (to.year - from.year) * 12 + to.month - from.month + 1
            let index = from.year * 12 + from.month - 1 - months
            let start = LocalDate(year: index / 12, month: index % 12 + 1, day: 1) ?? from
            return StatisticsPeriod(from: start, to: LocalDate(daysSinceEpoch: from.daysSinceEpoch - 1) ?? from, siteID: siteID)
        }
        let end = LocalDate(daysSinceEpoch: from.daysSinceEpoch - 1) ?? from
        let start = LocalDate(daysSinceEpoch: end.daysSinceEpoch - days + 1) ?? end
        return StatisticsPeriod(from: start, to: end, siteID: siteID)
    }

    /// The same days one year earlier (29 February becomes the 28th).
    package var yearEarlier: StatisticsPeriod {
        func back(_ date: LocalDate) -> LocalDate {
            LocalDate(year: date.year - 1, month: date.month, day: date.day) ?? LocalDate(year: date.year - 1, month: date.month, day: date.day - 1) ?? date
        }
        return StatisticsPeriod(from: back(from), to: back(to), siteID: siteID)
    }

    /// What to read for this period: whole years from `stat_years`, whole months from `stat_months`,
    /// and the remaining days from `stat_days`; the ranges are disjoint and cover the period exactly.
    package var segments: [(table: String, range: ClosedRange<String>)] {
        let firstFullYear = from.month == 1 && from.day == 1 ? from.year : from.year + 1
        let lastFullYear = to.month == 12 && to.day == 31 ? to.year : to.year - 1
        guard firstFullYear <= lastFullYear else { return Self.monthsAndDays(from, to) }
        var out: [(table: String, range: ClosedRange<String>)] = []
        let yearStart = LocalDate(year: firstFullYear, month: 1, day: 1)!, yearEnd = LocalDate(year: lastFullYear, month: 12, day: 31)!
        if from < yearStart { out += Self.monthsAndDays(from, LocalDate(daysSinceEpoch: yearStart.daysSinceEpoch - 1)!) }
        out.append(("stat_years", String(firstFullYear)...String(lastFullYear)))
        if yearEnd < to { out += Self.monthsAndDays(LocalDate(daysSinceEpoch: yearEnd.daysSinceEpoch + 1)!, to) }
        return out
    }

    private static func monthsAndDays(_ from: LocalDate, _ to: LocalDate) -> [(table: String, range: ClosedRange<String>)] {
        let firstFull = from.day == 1 ? from : from.endOfMonth.adding(days: 1)!
        let lastFullEnd = to == to.endOfMonth ? to : to.adding(days: -to.day)!
        guard firstFull < lastFullEnd else { return [("stat_days", from.description...to.description)] }
        var out: [(table: String, range: ClosedRange<String>)] = []
        if from < firstFull { out.append(("stat_days", from.description...firstFull.adding(days: -1)!.description)) }
        out.append(("stat_months", String(firstFull.description.prefix(7))...String(lastFullEnd.description.prefix(7))))
        if lastFullEnd < to { out.append(("stat_days", lastFullEnd.adding(days: 1)!.description...to.description)) }
        return out
    }
}
