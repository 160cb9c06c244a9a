/// A social worker away for whole days (leave, training, sickness). The reason stays with the
/// managers: it is never written into occurrences, calendars or conflict messages.
public struct Absence: Sendable, Hashable {
    public var workerID: String
    /// Inclusive on both ends.
    public var dates: ClosedRange<CalendarDate>
    public var reason: String

    public init(workerID: String, dates: ClosedRange<CalendarDate>, reason: String = "") {
        self.workerID = workerID
        self.dates = dates
        self.reason = reason
    }
}
