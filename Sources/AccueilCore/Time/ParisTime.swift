import Foundation
import Orientation
import Planning

/// An instant as the desk lives it: Unix seconds (what the database keeps), read on the Europe/Paris
/// wall clock. With `LocalDate` for a calendar day, it is how the application holds time; the
/// planning's `CalendarDate` is reached through `LocalDate.calendarDate`, its one mapping.
package struct ParisTime: Sendable, Hashable, Comparable {
    package let seconds: Int64

    package init(_ seconds: Int64) { self.seconds = seconds }

    package static let timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    private var components: DateComponents {
        Self.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The Paris calendar day of the instant.
    package var day: LocalDate {
        let c = components
        return LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? LocalDate(daysSinceEpoch: 0)!
    }

    /// The Paris wall-clock time of the instant, to the minute.
    package var time: TimeOfDay {
        let c = components
        return TimeOfDay(hour: c.hour ?? 0, minute: c.minute ?? 0) ?? TimeOfDay(hour: 0)!
    }

    /// A Paris wall-clock time on a day: built from calendar components, so a daylight-saving day
    /// (23 or 25 hours) gives the time people read on the clock.
    package init(_ day: LocalDate, _ time: TimeOfDay) {
        let date = Self.calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute))
        self.init(Int64(date?.timeIntervalSince1970 ?? 0))
    }

    /// Midnight in Paris at the start of `day`.
    package static func start(of day: LocalDate) -> ParisTime { ParisTime(day, TimeOfDay(hour: 0)!) }

    package static func < (a: ParisTime, b: ParisTime) -> Bool { a.seconds < b.seconds }
}

extension LocalDate {
    /// The same day as the planning counts it.
    package var calendarDate: CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch) }

    /// Whole days from this day to `other`, whatever the clock changes between them.
    package func days(to other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// The last day of the month.
    package var endOfMonth: LocalDate {
        LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year)) ?? self
    }
}

extension AppContext {
    /// Now, on the Paris clock.
    package var parisNow: ParisTime { ParisTime(now()) }
    /// Today in Paris.
    package var today: LocalDate { parisNow.day }
}
