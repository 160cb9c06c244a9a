import Orientation

/// A closed range of days ("du … au …", both included) and the optional reception site.
struct StatisticsPeriod: Sendable, Equatable {
    let from: LocalDate
    let to: LocalDate
    let siteID: String?

    init?(from: String, to: String, siteID: String?) {
        guard let start = LocalDate(iso: from), let end = LocalDate(iso: to), start <= end else { return nil }
        self.from = start
        self.to = end
        self.siteID = siteID
    }

    init(from: LocalDate, to: LocalDate, siteID: String?) {
        self.from = from
        self.to = to
        self.siteID = siteID
    }

    var days: Int { to.daysSinceEpoch - from.daysSinceEpoch + 1 }

    /// The period of the same length that ends the day before this one starts.
    var previous: StatisticsPeriod {
        let end = LocalDate(daysSinceEpoch: from.daysSinceEpoch - 1) ?? from
        let start = LocalDate(daysSinceEpoch: end.daysSinceEpoch - days + 1) ?? end
        return StatisticsPeriod(from: start, to: end, siteID: siteID)
    }

    /// Whole months inside the period (read from `stat_months`) and the days around them (from `stat_days`).
    var segments: (months: ClosedRange<String>?, days: [ClosedRange<String>]) {
        let firstFull = from.day == 1 ? from : LocalDate(daysSinceEpoch: LocalDateText.endOfMonth(from).daysSinceEpoch + 1)!
        let lastFullEnd = to == LocalDateText.endOfMonth(to) ? to : LocalDate(daysSinceEpoch: to.daysSinceEpoch - to.day)!
        guard firstFull < lastFullEnd else { return (nil, [from.description...to.description]) }
        var days: [ClosedRange<String>] = []
        if from < firstFull { days.append(from.description...LocalDateText.day(firstFull.daysSinceEpoch - 1)) }
        if lastFullEnd < to { days.append(LocalDateText.day(lastFullEnd.daysSinceEpoch + 1)...to.description) }
        return (String(firstFull.description.prefix(7))...String(lastFullEnd.description.prefix(7)), days)
    }
}
