import Foundation

/// Figures written the French way: "1 234", "12,5 %", "masqué" for a masked group.
package enum NumberFormat {
    package static func value(_ value: Double) -> String {
        if value == value.rounded() { return grouped(Int(value)) }
        return String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }

    package static func grouped(_ number: Int) -> String {
        let digits = String(abs(number))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "\u{202F}" }
            out.append(character)
        }
        return (number < 0 ? "-" : "") + out
    }

    /// "12,5 %" (one decimal), or "" when there is no base to compute a share on.
    package static func percent(_ share: Double?) -> String {
        guard let share else { return "" }
        return String(format: "%.1f", share * 100).replacingOccurrences(of: ".", with: ",") + "\u{00A0}%"
    }

    /// A count, or the mask (« masqué »).
    package static func cell(_ value: Double?, mask: String?) -> String {
        guard let value else { return "" }
        return mask ?? Self.value(value)
    }

    /// A share: never shown for a masked count (it would give the count back).
    package static func shareCell(_ share: Double?, mask: String?) -> String {
        mask == nil ? percent(share) : Masking.label
    }
}
