import Foundation

/// An address as typed at the desk (« 12 bis, rue de la Benauge 33100 »), read into what the street
/// table is searched by: the house number, the street's key and the postcode when given.
package struct StreetAddress: Equatable, Sendable {
    package let number: Int?
    package let streetKey: String
    package let postcode: String?

    /// Nil when no street name is left once the number and postcode are taken out.
    package init?(_ typed: String) {
        var words = StreetName.words(typed)
        var postcode: String?
        // A postcode ends the street part; the commune's name may follow it.
        if let index = words.firstIndex(where: { $0.count == 5 && $0.allSatisfy(\.isNumber) }) {
            postcode = words[index]
            words = Array(words[..<index])
        }
        var number: Int?
        if let first = words.first, let value = Int(first.prefix(while: \.isNumber)), value > 0, value < 100_000 {
            number = value
            words.removeFirst()
            // « 12 bis », « 12 b », « 12 ter »: the suffix does not change the side of the street.
            if let next = words.first, StreetName.numberSuffixes.contains(next) { words.removeFirst() }
        }
        let key = StreetName.key(words)
        guard !key.isEmpty else { return nil }
        self.number = number
        self.streetKey = key
        self.postcode = postcode
    }
}

/// How street names are compared: case, accents, punctuation, articles and the usual abbreviations
/// of the street type do not matter (« Av. de la Libération » and « avenue Liberation » are one key).
package enum StreetName {
    static let numberSuffixes: Set<String> = ["bis", "ter", "quater", "b", "t", "q", "a", "c", "d"]

    private static let abbreviations: [String: String] = [
        "r": "rue", "av": "avenue", "ave": "avenue", "bd": "boulevard", "bld": "boulevard", "boul": "boulevard", "crs": "cours",
        "pl": "place", "qu": "quai", "qai": "quai", "all": "allee", "imp": "impasse", "ch": "chemin", "chem": "chemin",
        "sq": "square", "pass": "passage", "pas": "passage", "rte": "route", "res": "residence", "prom": "promenade",
        "st": "saint", "ste": "sainte", "gal": "general", "gen": "general", "mal": "marechal", "pdt": "president",
    ]
    private static let articles: Set<String> = ["de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux", "et"]

    /// Lower-case words without accents or punctuation.
    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "fr_FR"))
        return folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The comparison key of a street name.
    package static func key(_ name: String) -> String { key(words(name)) }

    static func key(_ words: [String]) -> String {
        words.map { abbreviations[$0] ?? $0 }.filter { !articles.contains($0) }.joined(separator: " ")
    }
}
