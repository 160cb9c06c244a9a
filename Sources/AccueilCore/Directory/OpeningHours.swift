/// The subset of the OpenStreetMap `opening_hours` syntax the directory accepts (the schema's own
/// syntax for hours): rules separated by « ; », each days (Mo…Su, PH, ranges and lists) then time
/// ranges (« 08:30-12:30,13:30-17:00 ») or « off ». Written out in French for people and pages.
package enum OpeningHours {
    static let days = ["Mo": "lundi", "Tu": "mardi", "We": "mercredi", "Th": "jeudi", "Fr": "vendredi", "Sa": "samedi", "Su": "dimanche"]
    static let order = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    struct Rule {
        let days: [String]
        let times: [(String, String)]?
    }

    static func parse(_ text: String) -> [Rule]? {
        let rules = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !rules.isEmpty else { return nil }
        var parsed: [Rule] = []
        for rule in rules {
            let parts = rule.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let days = dayList(parts[0]) else { return nil }
            if parts[1] == "off" || parts[1] == "closed" { parsed.append(Rule(days: days, times: nil)); continue }
            var times: [(String, String)] = []
            for range in parts[1].split(separator: ",") {
                let ends = range.split(separator: "-").map(String.init)
                guard ends.count == 2, isTime(ends[0]), isTime(ends[1]), ends[0] < ends[1] else { return nil }
                times.append((ends[0], ends[1]))
            }
            parsed.append(Rule(days: days, times: times))
        }
        return parsed
    }

    package static func isValid(_ text: String) -> Bool { parse(text) != nil }

    /// « du lundi au vendredi : 8 h 30 – 12 h 30, 13 h 30 – 17 h ; fermé les jours fériés ».
    package static func french(_ text: String) -> String? {
        guard let rules = parse(text) else { return nil }
        return rules.map { rule in
            let days = describe(rule.days)
            guard let times = rule.times else { return "fermé \(days == "jours fériés" ? "les jours fériés" : days)" }
            return "\(days) : " + times.map { "\(hour($0.0)) – \(hour($0.1))" }.joined(separator: ", ")
        }.joined(separator: " ; ")
    }

    private static func dayList(_ text: String) -> [String]? {
        var result: [String] = []
        for item in text.split(separator: ",").map(String.init) {
            if item == "PH" { result.append("PH"); continue }
            let ends = item.split(separator: "-").map(String.init)
            guard (1...2).contains(ends.count), let first = order.firstIndex(of: ends[0]),
                  let last = ends.count == 2 ? order.firstIndex(of: ends[1]) : first, first <= last else { return nil }
            result += order[first...last]
        }
        return result.isEmpty ? nil : result
    }

    private static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return (0...24).contains(h) && (0...59).contains(m)
    }

    private static func hour(_ time: String) -> String {
        let parts = time.split(separator: ":")
        let h = Int(parts[0]) ?? 0, m = parts[1]
        return m == "00" ? "\(h) h" : "\(h) h \(m)"
    }

    private static func describe(_ days: [String]) -> String {
        if days == ["PH"] { return "jours fériés" }
        let week = days.filter { $0 != "PH" }
        if week.count >= 3, let first = order.firstIndex(of: week[0]), first + week.count <= order.count,
           order[first..<first + week.count].elementsEqual(week) {
            return "du \(Self.days[week[0]]!) au \(Self.days[week.last!]!)"
        }
        return week.compactMap { Self.days[$0] }.joined(separator: ", ")
    }
}
