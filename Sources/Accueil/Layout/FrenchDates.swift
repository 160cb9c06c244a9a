import Foundation

/// Dates as the desk reads them: Europe/Paris wall time, French format.
enum FrenchDates {
    static let timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// "26/11/2026 14:05"
    static func dateTime(_ unixSeconds: Int64) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// "2026-11-26" in Paris for a Unix time.
    static func isoDay(_ unixSeconds: Int64) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Midnight in Paris of a "YYYY-MM-DD" day, as Unix seconds; nil if malformed.
    static func startOfDay(_ iso: String) -> Int64? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, iso.count == 10 else { return nil }
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              calendar.component(.day, from: date) == parts[2] else { return nil }
        return Int64(date.timeIntervalSince1970)
    }
}
