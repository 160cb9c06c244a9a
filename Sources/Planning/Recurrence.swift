/// How often a permanence comes back on its weekday.
public enum Recurrence: Sendable, Hashable {
    /// Every week on the permanence's weekday.
    case weekly
    /// One week out of two, counting from the week that contains the given date. Parity is counted in
    /// whole weeks from that week's Monday, not from ISO week numbers, so it survives years of 53 weeks.
    /// Nothing happens before that week.
    case everyOtherWeek(startingWeekOf: CalendarDate)
    /// Only on these dates (taken as listed, whatever their weekday).
    case dates([CalendarDate])

    /// French description for pages ("toutes les semaines"…).
    public var label: String {
        switch self {
        case .weekly: "toutes les semaines"
        case .everyOtherWeek(let start): "une semaine sur deux (à partir de la semaine du \(start.mondayOfWeek.frenchShortLabel))"
        case .dates(let dates): "dates fixées (\(dates.count))"
        }
    }
}
