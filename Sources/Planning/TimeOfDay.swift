/// A local wall-clock time (Europe/Paris), minute precision, with no date and no zone.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.init(uncheckedHour: hour, minute: minute)
    }

    init(uncheckedHour hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Parses "HH:MM" (24-hour clock), the format of HTML time inputs.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// Nil when the result would leave the day: a slot never spills past midnight.
    public func adding(minutes: Int) -> TimeOfDay? {
        let total = minutesSinceMidnight + minutes
        guard (0..<24 * 60).contains(total) else { return nil }
        return TimeOfDay(uncheckedHour: total / 60, minute: total % 60)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    /// "13:30".
    public var description: String {
        "\(CalendarDate.pad(hour, 2)):\(CalendarDate.pad(minute, 2))"
    }

    /// French display form: "13h30", "9h".
    public var frenchLabel: String {
        minute == 0 ? "\(hour)h" : "\(hour)h\(CalendarDate.pad(minute, 2))"
    }
}
