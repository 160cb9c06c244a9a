import Foundation
import Orientation

/// Checks records against the data·inclusion v1 schema's rules (required fields, lengths, formats,
/// the lists of admitted values) and this project's own: a description of at least 50 characters,
/// hours in the accepted `opening_hours` subset, a service's structure known. Messages in French,
/// naming the record and the field.
package struct DirectoryCheck {
    package let vocabulary: DirectoryVocabulary
    /// Today (AAAA-MM-JJ): a record cannot have changed in the future.
    package let today: String

    package static let descriptionMinimum = 50

    package init(vocabulary: DirectoryVocabulary, today: String) {
        self.vocabulary = vocabulary
        self.today = today
    }

    package func problems(_ structure: DirectoryStructure) -> [String] {
        var out: [String] = []
        let who = "Structure « \(structure.id) »"
        common(who, source: structure.source, id: structure.id, name: structure.name, updatedOn: structure.updatedOn, into: &out)
        if let description = structure.description { describe(who, description, into: &out) }
        place(who, structure, into: &out)
        for (field, url) in [("site_web", structure.website), ("accessibilite_lieu", structure.accessibility)] {
            if let url, !Self.isWebAddress(url) { out.append("\(who) : \(field) « \(url) » n'est pas une adresse web (https://…).") }
        }
        for network in structure.networks ?? [] where !vocabulary.networks.contains(network) {
            out.append("\(who) : réseau porteur « \(network) » inconnu du schéma.")
        }
        return out
    }

    package func problems(_ service: DirectoryService, structures: Set<String>) -> [String] {
        var out: [String] = []
        let who = "Service « \(service.id) »"
        common(who, source: service.source, id: service.id, name: service.name, updatedOn: service.updatedOn, into: &out)
        if !structures.contains(service.structureID) { out.append("\(who) : structure « \(service.structureID) » inconnue.") }
        describe(who, service.description, into: &out)
        place(who, service, into: &out)
        func admitted(_ values: [String]?, _ terms: [DirectoryVocabulary.Term], _ field: String) {
            for value in values ?? [] where !terms.contains(where: { $0.value == value }) {
                out.append("\(who) : \(field) « \(value) » n'est pas une valeur du schéma.")
            }
        }
        admitted(service.themes, vocabulary.themes, "thématique")
        admitted(service.audiences, vocabulary.audiences, "public")
        admitted(service.receptionModes, vocabulary.receptionModes, "mode d'accueil")
        admitted(service.type.map { [$0] }, vocabulary.types, "type")
        admitted(service.fees.map { [$0] }, vocabulary.fees, "frais")
        if let audiences = service.audiences, audiences.contains("tous-publics"), audiences.count > 1 {
            out.append("\(who) : « tous-publics » ne se combine avec aucun autre public.")
        }
        for list in [service.audiences, service.themes, service.receptionModes] where list?.isEmpty == true {
            out.append("\(who) : une liste vide s'écrit en omettant le champ.")
            break
        }
        for language in service.languages ?? [] where !(2...3).contains(language.count) || !language.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            out.append("\(who) : langue « \(language) » : code ISO 639 attendu (fr, en, ar…).")
        }
        return out
    }

    static let reservedIDs: Set<String> = ["nouvelle", "nouveau", "import", ".", ".."]

    private func common(_ who: String, source: String, id: String, name: String, updatedOn: String, into out: inout [String]) {
        if source.trimmingCharacters(in: .whitespaces).isEmpty { out.append("\(who) : source manquante.") }
        if id.isEmpty || id.count > 150 || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_:.".contains($0)) }) {
            out.append("\(who) : identifiant invalide (lettres sans accent, chiffres, - _ : .).")
        } else if Self.reservedIDs.contains(id) {
            // Taken by the pages' own addresses (/admin/partenaires/structures/nouvelle…) or by the path itself.
            out.append("\(who) : identifiant réservé (« \(id) »).")
        }
        if !(3...150).contains(name.count) { out.append("\(who) : le nom doit compter de 3 à 150 caractères.") }
        if name.hasSuffix(".") && !name.hasSuffix("etc.") { out.append("\(who) : le nom ne se termine pas par un point.") }
        if LocalDate(iso: updatedOn) == nil || updatedOn < "2000-01-01" || updatedOn > today {
            out.append("\(who) : date_maj « \(updatedOn) » invalide (AAAA-MM-JJ, au plus tard aujourd'hui).")
        }
    }

    private func describe(_ who: String, _ description: String, into out: inout [String]) {
        if description.trimmingCharacters(in: .whitespacesAndNewlines).count < Self.descriptionMinimum {
            out.append("\(who) : la description doit compter au moins \(Self.descriptionMinimum) caractères.")
        } else if description.count > 10_000 {
            out.append("\(who) : la description dépasse 10 000 caractères.")
        }
    }

    private func place(_ who: String, _ record: some DirectoryRecord, into out: inout [String]) {
        let (postcode, insee, phone, email, hours) = (record.postcode, record.inseeCode, record.phone, record.email, record.openingHours)
        if let postcode, postcode.count != 5 || !postcode.allSatisfy(\.isASCII) || !postcode.allSatisfy(\.isNumber) {
            out.append("\(who) : code postal « \(postcode) » invalide (5 chiffres).")
        }
        if let insee, insee.count != 5 || !insee.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            out.append("\(who) : code INSEE « \(insee) » invalide (5 caractères).")
        }
        if let phone, !Self.isPhone(phone) { out.append("\(who) : téléphone « \(phone) » invalide (un seul numéro).") }
        if let email, !Self.isEmail(email) { out.append("\(who) : courriel « \(email) » invalide.") }
        if let hours, !OpeningHours.isValid(hours) {
            out.append("\(who) : horaires « \(hours) » illisibles (syntaxe OpenStreetMap, par exemple « Mo-Fr 08:30-12:30,13:30-17:00; PH off »).")
        }
    }

    package static func isPhone(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber)
        return (10...15).contains(digits.count) && text.allSatisfy { $0.isNumber || " .+-()".contains($0) }
    }

    package static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              text.count <= 254, !text.contains(where: { $0.isWhitespace || "<>(),;:\"[]\\".contains($0) }) else { return false }
        return true
    }

    package static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host?.contains(".") == true else { return false }
        return true
    }
}
