import Foundation
import Planning

/// The text form of a `Recurrence` in the `permanences.recurrence` column: a small JSON object, so a
/// new kind of recurrence is a new `type` and not a new column.
///
///     {"type":"weekly"}
///     {"type":"every_other_week","start":"2026-01-05"}
///     {"type":"dates","dates":["2026-03-02","2026-03-16"]}
package enum RecurrenceJSON {
    package static func encode(_ recurrence: Recurrence) -> String {
        let object: [String: Any] = switch recurrence {
        case .weekly: ["type": "weekly"]
        case .everyOtherWeek(let start): ["type": "every_other_week", "start": start.description]
        case .dates(let dates): ["type": "dates", "dates": dates.map(\.description)]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{\"type\":\"weekly\"}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Nil for text this version cannot read: the caller skips the row rather than guess a schedule.
    package static func decode(_ text: String) -> Recurrence? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let type = object["type"] as? String else { return nil }
        switch type {
        case "weekly":
            return .weekly
        case "every_other_week":
            guard let start = (object["start"] as? String).flatMap(CalendarDate.init) else { return nil }
            return .everyOtherWeek(startingWeekOf: start)
        case "dates":
            guard let texts = object["dates"] as? [String] else { return nil }
            let dates = texts.compactMap(CalendarDate.init)
            return dates.count == texts.count ? .dates(dates) : nil
        default:
            return nil
        }
    }
}
