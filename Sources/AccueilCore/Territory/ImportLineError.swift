import Orientation

/// Why a line of an imported table was refused, in French, with its line number: the administrator
/// corrects the file and imports it again (nothing of a refused file is kept).
package struct ImportLineError: Error, Equatable, Sendable {
    /// Line in the file (the header is line 1); 0 for the file as a whole.
    package let line: Int
    package let message: String

    package init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    package var text: String { line == 0 ? message : "Ligne \(line) : \(message)" }
}

/// A refused file: every line at fault.
package struct ImportRefusal: Error, Sendable {
    package let lines: [ImportLineError]

    package init(lines: [ImportLineError]) { self.lines = lines }
}

extension CSVReader {
    /// The header's problem, if it lacks a required column: named on line 1 with the expected header.
    func missingColumns(required: [String], expected: [String]) -> ImportLineError? {
        let missing = self.missing(required)
        guard !missing.isEmpty else { return nil }
        return ImportLineError(line: 1, "colonne(s) manquante(s) : \(missing.joined(separator: ", ")). Colonnes attendues : \(expected.joined(separator: ";")).")
    }
}

/// Reading the columns every imported table shares: the effective period.
extension CSVReader.Record {
    /// `debut` (required) and `fin` (optional), both AAAA-MM-JJ or JJ/MM/AAAA, `fin` not before `debut`.
    func period(into errors: inout [ImportLineError]) -> Period? {
        guard let from = Self.day(self["debut"]) else {
            errors.append(ImportLineError(line: line, "date de début « \(self["debut"]) » invalide (AAAA-MM-JJ ou JJ/MM/AAAA, obligatoire)."))
            return nil
        }
        var to: LocalDate?
        if !self["fin"].isEmpty {
            guard let end = Self.day(self["fin"]) else {
                errors.append(ImportLineError(line: line, "date de fin « \(self["fin"]) » invalide (AAAA-MM-JJ ou JJ/MM/AAAA, ou vide)."))
                return nil
            }
            guard from <= end else {
                errors.append(ImportLineError(line: line, "la date de fin précède la date de début."))
                return nil
            }
            to = end
        }
        return Period(from: from, to: to)
    }

    /// A day as spreadsheets write it in France, or in ISO form.
    static func day(_ text: String) -> LocalDate? {
        if let iso = LocalDate(iso: text) { return iso }
        let parts = text.split(separator: "/")
        guard parts.count == 3, parts[2].count == 4 else { return nil }
        return LocalDate(iso: "\(parts[2])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-\(parts[0].count == 1 ? "0" : "")\(parts[0])")
    }
}
