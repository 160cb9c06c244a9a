import Foundation

/// Names compared the way a tired agent would: no accents, no case, no hyphens or doubled spaces.
/// "Élodie-Marie  DURAND" and "elodie marie durand" have the same key.
package enum NameKey {
    package static func make(lastName: String, firstName: String) -> String {
        normalize(lastName) + "|" + normalize(firstName)
    }

    package static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "fr_FR"))
        let words = folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(words).split(separator: " ").joined(separator: " ")
    }
}
