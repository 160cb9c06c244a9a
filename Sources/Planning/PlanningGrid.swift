/// One of the Annexe 4 paper grids (planning prévisionnel): rows × Monday–Friday, each cell listing
/// the permanences held there with titulaire and suppléant. Names are resolved so the app only lays
/// it out.
public struct PlanningGrid: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let permanenceID: String
        public let siteName: String
        public let halfDay: HalfDay
        public let start: TimeOfDay
        public let end: TimeOfDay
        public let recurrence: Recurrence
        public let titulaireName: String
        /// Nil when nobody is named: the page should show it as missing.
        public let suppleantName: String?
    }

    public struct Cell: Sendable, Hashable {
        public let weekday: Weekday
        public let entries: [Entry]
        /// "Jour de présence" in the paper grid.
        public var isPresenceDay: Bool { !entries.isEmpty }
    }

    public struct Row: Sendable, Hashable {
        /// A circonscription id or a host site id, depending on the grid.
        public let id: String
        public let label: String
        /// One per column, in column order.
        public let cells: [Cell]
    }

    public let title: String
    public let columns: [Weekday]
    public let rows: [Row]

    /// Every permanence the grid shows, row by row.
    public var permanenceIDs: [String] {
        rows.flatMap { $0.cells.flatMap { $0.entries.map(\.permanenceID) } }
    }

    public init(title: String, columns: [Weekday] = Weekday.workingDays, rows: [Row]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
