import Foundation
import Planning

/// "Now" as the planning reads it: the Europe/Paris wall date and time of a Unix time.
package struct ParisNow: Sendable {
    package let date: CalendarDate
    package let time: TimeOfDay

    package init(_ unixSeconds: Int64) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = FrenchDates.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
        date = CalendarDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? CalendarDate(daysSinceEpoch: 0)
        time = TimeOfDay(hour: c.hour ?? 0, minute: c.minute ?? 0) ?? TimeOfDay(hour: 0)!
    }
}
