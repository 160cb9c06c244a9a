/// Minimal JSON text helpers for hand-built API answers (RFC 8259 §7 string escaping).
package enum JSONText {
    package static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON array of strings, e.g. for `json_each(?)` in SQL.
    package static func array(_ texts: [String]) -> String {
        "[" + texts.map(quote).joined(separator: ",") + "]"
    }

    /// A JSON array of ids, e.g. for `id IN (SELECT value FROM json_each(?))`.
    package static func array(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
