import Orientation

/// One line of the street table: which sector a street (or part of it) belongs to during a period.
/// A long street can cross sectors: its numbers are split into ranges, each on one side or both.
package struct StreetSegment: Sendable, Equatable {
    package enum Parity: String, Sendable, CaseIterable {
        case all = "tous"
        case even = "pair"
        case odd = "impair"

        package var label: String {
            switch self {
            case .all: "tous les numéros"
            case .even: "numéros pairs"
            case .odd: "numéros impairs"
            }
        }

        func admits(_ number: Int) -> Bool {
            switch self {
            case .all: true
            case .even: number % 2 == 0
            case .odd: number % 2 != 0
            }
        }
    }

    /// The street as the file names it, shown to agents.
    package let street: String
    package let streetKey: String
    /// Nil ends: from the first number, or to the last.
    package let numberFrom: Int?
    package let numberTo: Int?
    package let parity: Parity
    package let postcode: String
    package let sector: String
    package let period: Period

    package init(street: String, numberFrom: Int?, numberTo: Int?, parity: Parity, postcode: String, sector: String, period: Period) {
        self.street = street
        self.streetKey = StreetName.key(street)
        self.numberFrom = numberFrom
        self.numberTo = numberTo
        self.parity = parity
        self.postcode = postcode
        self.sector = sector
        self.period = period
    }

    private var lowest: Int { numberFrom ?? 0 }
    private var highest: Int { numberTo ?? Int.max }

    /// Whether the segment holds this number; without a number only a whole street answers for sure.
    package func holds(_ number: Int?) -> Bool {
        guard let number else { return numberFrom == nil && numberTo == nil && parity == .all }
        return lowest <= number && number <= highest && parity.admits(number)
    }

    /// Two segments that would give one address two sectors on one day: the same street and
    /// postcode, a house number both hold, and a day both are in force.
    package func overlaps(_ other: StreetSegment) -> Bool {
        guard streetKey == other.streetKey, postcode == other.postcode, period.overlaps(other.period) else { return false }
        let low = max(lowest, other.lowest), high = min(highest, other.highest)
        guard low <= high else { return false }
        switch (parity, other.parity) {
        case (.all, .all): return true
        case (.even, .odd), (.odd, .even): return false
        case (.even, _), (_, .even): return low % 2 == 0 || low < high
        case (.odd, _), (_, .odd): return low % 2 != 0 || low < high
        }
    }

    /// « 1 à 99, numéros impairs » as agents read it.
    package var numbersLabel: String {
        let range: String
        switch (numberFrom, numberTo) {
        case (nil, nil): range = "toute la voie"
        case (let from?, nil): range = "à partir du \(from)"
        case (nil, let to?): range = "jusqu'au \(to)"
        case (let from?, let to?): range = "du \(from) au \(to)"
        }
        return parity == .all ? range : "\(range), \(parity.label)"
    }
}

/// The street table's CSV: one segment per line, checked line by line.
package enum StreetTableFile {
    package static let columns = ["voie", "numero_debut", "numero_fin", "parite", "code_postal", "secteur", "debut", "fin"]
    static let required = ["voie", "code_postal", "secteur", "debut"]

    /// The segments, or every error found (a file is taken whole or not at all).
    package static func read(_ csv: CSVReader, sectors: Set<String>) -> Result<[(line: Int, segment: StreetSegment)], ImportRefusal> {
        let (segments, errors) = readLines(csv, sectors: sectors)
        return errors.isEmpty ? .success(segments) : .failure(ImportRefusal(lines: errors))
    }

    /// The lines that read well and the errors of the others, so that the overlaps of the good ones
    /// can be reported with the rest in one pass.
    package static func readLines(_ csv: CSVReader, sectors: Set<String>) -> (lines: [(line: Int, segment: StreetSegment)], errors: [ImportLineError]) {
        if let missing = csv.missingColumns(required: required, expected: columns) { return ([], [missing]) }
        var errors: [ImportLineError] = [], segments: [(line: Int, segment: StreetSegment)] = []
        for record in csv.records {
            let before = errors.count
            let street = record["voie"]
            if StreetName.key(street).isEmpty { errors.append(ImportLineError(line: record.line, "nom de voie manquant.")) }
            let from = number(record, "numero_debut", &errors), to = number(record, "numero_fin", &errors)
            if let from, let to, from > to { errors.append(ImportLineError(line: record.line, "le numéro de début dépasse le numéro de fin.")) }
            let parityText = record["parite"].lowercased()
            let parity = parityText.isEmpty ? .all : StreetSegment.Parity(rawValue: parityText)
            if parity == nil { errors.append(ImportLineError(line: record.line, "parité « \(record["parite"]) » inconnue (tous, pair, impair ou vide).")) }
            let postcode = record["code_postal"]
            if !(postcode.count == 5 && postcode.hasPrefix("33") && postcode.allSatisfy(\.isNumber)) {
                errors.append(ImportLineError(line: record.line, "code postal « \(postcode) » invalide (5 chiffres de la Gironde, par exemple 33100)."))
            }
            let sector = record["secteur"].lowercased()
            if !sectors.contains(sector) {
                errors.append(ImportLineError(line: record.line, "secteur « \(record["secteur"]) » inconnu (secteurs du référentiel : \(sectors.sorted().joined(separator: ", ")))."))
            }
            let period = record.period(into: &errors)
            guard errors.count == before, let parity, let period else { continue }
            segments.append((record.line, StreetSegment(street: street, numberFrom: from, numberTo: to, parity: parity,
                                                        postcode: postcode, sector: sector, period: period)))
        }
        if errors.isEmpty, segments.isEmpty { errors.append(ImportLineError(line: 0, "Le fichier ne contient aucune ligne de données.")) }
        return (segments, errors)
    }

    private static func number(_ record: CSVReader.Record, _ column: String, _ errors: inout [ImportLineError]) -> Int? {
        let text = record[column]
        guard !text.isEmpty else { return nil }
        guard let value = Int(text), value > 0 else {
            errors.append(ImportLineError(line: record.line, "\(column == "numero_debut" ? "numéro de début" : "numéro de fin") « \(text) » invalide (nombre entier positif, ou vide)."))
            return nil
        }
        return value
    }
}
