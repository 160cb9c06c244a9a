import Foundation


/// The directory as a file: an object `{"structures": […], "services": […], "suggestions": {…}}`, or
/// one of the two arrays the export gives (`GET /api/v1/directory/structures` or `…/services`), told
/// apart by the services' `structure_id`.
package enum DirectoryFile {
    package static func read(_ bytes: [UInt8]) -> Result<PartnerDirectory.Contents, PartnerDirectory.Refusal> {
        let data = Data(bytes)
        struct Whole: Decodable {
            var structures: [DirectoryStructure]?
            var services: [DirectoryService]?
            var suggestions: [String: [String]]?
        }
        do {
            guard let top = try? JSONSerialization.jsonObject(with: data) else {
                return .failure(.init(problems: ["Le fichier n'est pas du JSON lisible (UTF-8)."]))
            }
            if let array = top as? [[String: Any]] {
                if array.contains(where: { $0["structure_id"] != nil }) {
                    return .success(.init(structures: [], services: try JSONDecoder().decode([DirectoryService].self, from: data)))
                }
                return .success(.init(structures: try JSONDecoder().decode([DirectoryStructure].self, from: data), services: []))
            }
            guard top is [String: Any] else { return .failure(.init(problems: ["Le fichier doit contenir un objet ou une liste de fiches."])) }
            let whole = try JSONDecoder().decode(Whole.self, from: data)
            return .success(.init(structures: whole.structures ?? [], services: whole.services ?? [], suggestions: whole.suggestions ?? [:]))
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure(.init(problems: ["\(where_(context)) : champ requis « \(key.stringValue) » manquant."]))
        } catch let DecodingError.typeMismatch(_, context) {
            return .failure(.init(problems: ["\(where_(context)) : valeur de type inattendu."]))
        } catch let DecodingError.valueNotFound(_, context) {
            return .failure(.init(problems: ["\(where_(context)) : valeur manquante (null)."]))
        } catch {
            return .failure(.init(problems: ["Le fichier ne suit pas le schéma data·inclusion v1."]))
        }
    }

    /// « services, fiche n° 3, champ nom » from a decoding path.
    private static func where_(_ context: DecodingError.Context) -> String {
        var words: [String] = []
        for key in context.codingPath {
            if let index = key.intValue { words.append("fiche n° \(index + 1)") } else { words.append("champ \(key.stringValue)") }
        }
        return words.isEmpty ? "Fichier" : words.joined(separator: ", ")
    }
}
