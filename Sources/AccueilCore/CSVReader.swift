import Foundation

/// CSV as administrators produce it: UTF-8 (with or without byte-order mark) or the Windows-1252 a
/// French spreadsheet saves by default; `;` or `,` separated (whichever the header uses); RFC 4180
/// quotes. The first line names the columns; each record keeps its line number for error messages.
package struct CSVReader {
    package struct Record {
        /// Line number in the file (the header is line 1).
        package let line: Int
        let values: [String: String]

        /// The trimmed value of a column; "" when absent.
        package subscript(_ column: String) -> String { values[column] ?? "" }
    }

    package let columns: [String]
    package let records: [Record]

    package struct Malformed: Error { package let message: String }

    package init(bytes: [UInt8]) throws(Malformed) {
        var text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else if let legacy = String(data: Data(bytes), encoding: .windowsCP1252) {
            text = legacy
        } else {
            throw Malformed(message: "Le fichier n'est ni en UTF-8 ni en Windows-1252.")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rows = try Self.rows(text)
        guard let header = rows.first, !header.fields.allSatisfy({ $0.isEmpty }) else {
            throw Malformed(message: "Le fichier est vide : la première ligne doit nommer les colonnes.")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        columns = names
        records = rows.dropFirst().compactMap { row in
            // Blank lines (often at the end of a file) are not records.
            guard row.fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
            var values: [String: String] = [:]
            for (index, column) in names.enumerated() where index < row.fields.count {
                values[column] = row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            return Record(line: row.line, values: values)
        }
    }

    /// The columns of `required` the header lacks.
    package func missing(_ required: [String]) -> [String] { required.filter { !columns.contains($0) } }

    /// Splits into rows of fields; the separator is the first `;` or `,` found outside quotes.
    private static func rows(_ text: String) throws(Malformed) -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = [], field = "", quoted = false, separator: Character?
        var line = 1, rowStart = 1
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        func endRow() {
            fields.append(field)
            rows.append((rowStart, fields))
            fields = []; field = ""
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowStart = line
            case ";", ",":
                if separator == nil { separator = character }
                if character == separator { fields.append(field); field = "" } else { field.append(character) }
            default: field.append(character)
            }
        }
        // A quote opened and never closed would swallow the rest of the file into one field.
        if quoted { throw Malformed(message: "Ligne \(rowStart) : guillemet ouvert et jamais fermé.") }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
