/// Instants as the desk reads them: Paris wall time, French format. Days are written by
/// `LocalDate.frenchDescription` and the planning's `frenchLabel`; conversions live in `ParisTime`.
package enum FrenchDates {
    /// "26/11/2026 14:05"
    package static func dateTime(_ unixSeconds: Int64) -> String {
        let instant = ParisTime(unixSeconds), day = instant.day
        return "\(pad(day.day))/\(pad(day.month))/\(day.year) \(instant.time.description)"
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
