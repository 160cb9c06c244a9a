import Foundation

/// CSV for French spreadsheets: UTF-8 with a byte-order mark, `;` separator, CRLF rows (RFC 4180 quoting).
package struct CSVWriter {
    private var text = "\u{FEFF}"

    package init(header: [String]) { append(header) }

    package mutating func append(_ fields: [String]) {
        text += fields.map(Self.quote).joined(separator: ";") + "\r\n"
    }

    package var bytes: [UInt8] { Array(text.utf8) }

    /// A field is quoted when it holds the separator, a quote or a line break. A leading `=`, `+`, `-`, `@`,
    /// tab or carriage return is prefixed with an apostrophe so a spreadsheet never runs it as a formula (CSV injection).
    package static func quote(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

