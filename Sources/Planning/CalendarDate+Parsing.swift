extension CalendarDate {
    /// Parses exactly "YYYY-MM-DD"; anything else (other separators, missing zero padding, an
    /// impossible day) is rejected so a typo in a form never becomes a different date.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses "JJ/MM/AAAA" (the French way, one or two digits for day and month) or "YYYY-MM-DD",
    /// for dates typed by hand in a list; an impossible day is rejected.
    /// (A static function: a second unlabeled-looking initialiser would make `CalendarDate.init` ambiguous.)
    public static func parse(frenchOrISO text: some StringProtocol) -> CalendarDate? {
        if let iso = CalendarDate(text) { return iso }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// French long form for messages and pages, e.g. "lundi 5 janvier 2026".
    public var frenchLabel: String {
        let day = self.day == 1 ? "1er" : String(self.day)
        return "\(weekday.label) \(day) \(Self.frenchMonths[month - 1]) \(year)"
    }

    /// French short form, e.g. "05/01/2026".
    public var frenchShortLabel: String {
        "\(Self.pad(day, 2))/\(Self.pad(month, 2))/\(Self.pad(year, 4))"
    }

    /// "octobre 2026".
    public var frenchMonthLabel: String { "\(Self.frenchMonths[month - 1]) \(year)" }

    public static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
