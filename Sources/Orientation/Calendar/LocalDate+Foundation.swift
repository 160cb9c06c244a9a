import Foundation

extension LocalDate {
    /// The calendar day that `instant` falls on in `timeZone`.
    ///
    /// The rules never read the clock themselves (they stay pure and testable); the CLI and the
    /// HTTP route compute "today" with this, in Europe/Paris, and pass it in.
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        // A Gregorian calendar always yields a valid triple for a real instant.
        self = LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
