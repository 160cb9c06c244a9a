import Foundation
import Orientation

/// Dates as the desk reads them: Europe/Paris wall time, French format.
package enum FrenchDates {
    package static let timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// "26/11/2026 14:05"
    package static func dateTime(_ unixSeconds: Int64) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// "2026-11-26" in Paris for a Unix time.
    package static func isoDay(_ unixSeconds: Int64) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Midnight in Paris of a "YYYY-MM-DD" day, as Unix seconds; nil unless it is a real day.
    package static func startOfDay(_ iso: String) -> Int64? { at(iso, hour: 0, minute: 0) }

    /// A Paris wall-clock time on a day, as Unix seconds: built from calendar components, so a
    /// daylight-saving day (23 or 25 hours) gives the time people read on the clock.
    package static func at(_ iso: String, hour: Int, minute: Int) -> Int64? {
        guard let day = LocalDate(iso: iso), (0...23).contains(hour), (0...59).contains(minute),
              let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
        else { return nil }
        return Int64(date.timeIntervalSince1970)
    }

    /// The start of the next day in Paris (the exclusive end of a period that includes `iso`).
    package static func startOfNextDay(_ iso: String) -> Int64? {
        LocalDate(iso: iso).flatMap { $0.adding(days: 1) }.flatMap { startOfDay($0.description) }
    }

    /// Whole days from one Paris day to another ("YYYY-MM-DD"), whatever the clock changes between them.
    package static func daysBetween(_ from: String, _ to: String) -> Int? {
        guard let a = LocalDate(iso: from), let b = LocalDate(iso: to) else { return nil }
        return b.daysSinceEpoch - a.daysSinceEpoch
    }

    /// "HH:MM" as hour and minute, or nil.
    package static func time(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":")
        guard text.count == 5, parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        return (h, m)
    }
}
