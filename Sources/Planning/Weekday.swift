/// Day of the week, numbered as in ISO 8601 (Monday = 1) so arithmetic on day numbers stays simple.
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The columns of the Annexe 4 grids: permanences are held on working days only.
    public static let workingDays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// French label, lower case as written inside a sentence ("lundi").
    public var label: String {
        switch self {
        case .monday: "lundi"
        case .tuesday: "mardi"
        case .wednesday: "mercredi"
        case .thursday: "jeudi"
        case .friday: "vendredi"
        case .saturday: "samedi"
        case .sunday: "dimanche"
        }
    }

    /// Label for column headers ("Lundi").
    public var capitalizedLabel: String { label.prefix(1).uppercased() + label.dropFirst() }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
