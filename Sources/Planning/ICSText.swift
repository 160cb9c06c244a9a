/// Lexical rules of iCalendar (RFC 5545 §3.1 and §3.3.11) shared by the writer.
enum ICSText {
    /// Escapes a TEXT value: backslash first, so the escapes added next are not escaped again.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": escaped += "\\n"
            // CRLF is one line break, not two.
            case "\n": if !previousWasCR { escaped += "\\n" }
            default:
                // Other control characters are not allowed in TEXT (§3.3.11); drop them.
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { break }
                escaped.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return escaped
    }

    /// Folds a content line into physical lines of at most 75 octets, each ending in CRLF; a
    /// continuation line starts with one space, which counts in its 75 (§3.1). Cuts fall between
    /// Unicode scalars so a multi-octet UTF-8 sequence is never split.
    static func fold(_ line: String, limit: Int = 75) -> String {
        var output = ""
        var currentOctets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if currentOctets + size > limit {
                output += "\r\n "
                currentOctets = 1
            }
            output.unicodeScalars.append(scalar)
            currentOctets += size
        }
        return output + "\r\n"
    }
}
