import Foundation
import Orientation

/// The texts of the slip in one language (`Resources/slip/<tag>.json`): keys to sentences with
/// `{name}` placeholders. French is the reference; every other catalogue has the same keys and the
/// same placeholders, or none of them is loaded (a half-translated slip never reaches anyone).
public struct SlipCatalogue: Sendable {
    /// BCP 47 tag of the language (the file name).
    public let tag: String
    package let texts: [String: String]

    public init(tag: String, json: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw SlipCatalogueError.notAnObject(tag)
        }
        var texts: [String: String] = [:]
        for (key, value) in object where !key.hasPrefix("_") {
            guard let text = value as? String else { throw SlipCatalogueError.notAText(tag, key) }
            texts[key] = text
        }
        self.tag = tag
        self.texts = texts
    }

    public var keys: Set<String> { Set(texts.keys) }
    /// "rtl" for Arabic, "ltr" otherwise.
    public var direction: String { texts["meta.dir"] == "rtl" ? "rtl" : "ltr" }
    /// The language's own name, as it reads in « un interprète en … ».
    public var languageName: String { texts["meta.language"] ?? tag }

    /// The text of a key with its placeholders filled. A key missing here is a defect the loader
    /// refuses; the key itself is never shown to the person.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Self.fill(texts[key] ?? "") { values[$0] }
    }

    /// One pass over a template: each `{name}` is replaced by `value(name)`, or kept when that is nil.
    /// A value that happens to contain « {date} » stays as it is.
    private static func fill(_ template: String, _ value: (String) -> String?) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[..<open]
            output += value(String(rest[rest.index(after: open)..<close])) ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// Keys of the documents to bring for a motive, in order: `document.<code>.1`, `.2`, …
    public func documentKeys(motive: String) -> [String] {
        var keys: [String] = []
        while true {
            let key = "document.\(motive).\(keys.count + 1)"
            guard texts[key] != nil else { return keys }
            keys.append(key)
        }
    }

    /// A day written out in this language (« mardi 8 décembre 2026 »).
    public func date(_ day: LocalDate) -> String {
        // French writes the first of the month « 1er ».
        text("date.format", ["weekday": text("weekday.\(day.weekday)"), "day": tag == "fr" && day.day == 1 ? "1er" : String(day.day),
                             "month": text("month.\(day.month)"), "year": String(day.year)])
    }

    /// Placeholder names of a text, sorted, with repeats: `{date}` and `{time}` → ["date", "time"].
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        _ = fill(text) { names.append($0); return nil }
        return names.sorted()
    }

    /// What makes `other` unusable beside `reference`: keys missing or extra, placeholders that differ.
    public static func mismatches(_ other: SlipCatalogue, reference: SlipCatalogue) -> [String] {
        var problems: [String] = []
        for key in reference.keys.subtracting(other.keys).sorted() { problems.append("\(other.tag): clé manquante \(key)") }
        for key in other.keys.subtracting(reference.keys).sorted() { problems.append("\(other.tag): clé inconnue \(key)") }
        for key in reference.keys.intersection(other.keys).sorted()
        where placeholders(in: reference.texts[key]!) != placeholders(in: other.texts[key]!) {
            problems.append("\(other.tag): variables différentes pour \(key)")
        }
        return problems
    }
}

public enum SlipCatalogueError: Error, CustomStringConvertible {
    case notAnObject(String)
    case notAText(String, String)
    case inconsistent([String])
    case missingFrench

    public var description: String {
        switch self {
        case .notAnObject(let tag): "catalogue \(tag) : un objet JSON est attendu"
        case .notAText(let tag, let key): "catalogue \(tag) : la valeur de \(key) doit être un texte"
        case .inconsistent(let problems): "catalogues de la fiche incohérents : " + problems.joined(separator: " ; ")
        case .missingFrench: "catalogue de référence fr.json introuvable"
        }
    }
}

/// Every catalogue of a folder, French first; loading fails when one of them does not match French.
public struct SlipCatalogues: Sendable {
    public let french: SlipCatalogue
    package let translations: [String: SlipCatalogue]

    public init(french: SlipCatalogue, translations: [SlipCatalogue]) throws {
        let problems = translations.flatMap { SlipCatalogue.mismatches($0, reference: french) }
        guard problems.isEmpty else { throw SlipCatalogueError.inconsistent(problems) }
        self.french = french
        self.translations = Dictionary(uniqueKeysWithValues: translations.map { ($0.tag, $0) })
    }

    public static func load(directory: String) throws -> SlipCatalogues {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var catalogues: [SlipCatalogue] = []
        for file in files.sorted() where file.hasSuffix(".json") {
            let tag = String(file.dropLast(5))
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else { continue }
            catalogues.append(try SlipCatalogue(tag: tag, json: data))
        }
        guard let french = catalogues.first(where: { $0.tag == "fr" }) else { throw SlipCatalogueError.missingFrench }
        return try SlipCatalogues(french: french, translations: catalogues.filter { $0.tag != "fr" })
    }

    /// Tags the slip can be printed in beside the French.
    public var translatedTags: [String] { translations.keys.sorted() }

    public func translation(_ tag: String) -> SlipCatalogue? { translations[tag] }
}
