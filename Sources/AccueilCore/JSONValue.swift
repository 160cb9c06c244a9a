/// A JSON document built in code and written with sorted keys: the figures' answers are large (ten
/// years of tables), and Foundation's serializer spends most of their time bridging and sorting.
package indirect enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    /// A string, or null.
    package static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// The compact text, keys in byte order (as `JSONSerialization`'s `.sortedKeys` gave them).
    package var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    package var bytes: [UInt8] { Array(text.utf8) }

    private func write(into out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                out += JSONText.quote(key) + ":"
                members[key]?.write(into: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .string(let text): out += JSONText.quote(text)
        case .int(let number): out += String(number)
        // Shortest text that reads back the same number; JSON has no NaN or infinity.
        case .double(let number): out += number.isFinite ? (number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)) : "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }
}
