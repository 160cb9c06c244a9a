extension Recurrence {
    /// The dates this recurrence produces between `from` and `to` (inclusive), before validity,
    /// holidays and absences are applied.
    func dates(on weekday: Weekday, from: CalendarDate, to: CalendarDate) -> [CalendarDate] {
        switch self {
        case .dates(let listed):
            return Set(listed).filter { $0 >= from && $0 <= to }.sorted()
        case .weekly:
            return Self.weekdays(weekday, from: from, to: to)
        case .everyOtherWeek(let startDate):
            let startMonday = startDate.mondayOfWeek
            return Self.weekdays(weekday, from: max(from, startMonday), to: to).filter {
                startMonday.days(until: $0.mondayOfWeek) / 7 % 2 == 0
            }
        }
    }

    private static func weekdays(_ weekday: Weekday, from: CalendarDate, to: CalendarDate) -> [CalendarDate] {
        guard from <= to else { return [] }
        let offset = ((weekday.rawValue - from.weekday.rawValue) % 7 + 7) % 7
        return Array(stride(from: from.adding(days: offset).daysSinceEpoch, through: to.daysSinceEpoch, by: 7))
            .map(CalendarDate.init(daysSinceEpoch:))
    }
}
