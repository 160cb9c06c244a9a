import AccueilCore
import HTTPCore
import Orientation

/// The administrators' forms, read into records: empty fields become absent (never an empty string
/// in the export), lists come from checkboxes or comma/line-separated text, `date_maj` is today.
enum DirectoryForm {
    static func text(_ form: FormData, _ name: String, max: Int = 10_000) -> String? {
        let value = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : String(value.prefix(max))
    }

    static func list(_ values: [String]) -> [String]? {
        let kept = values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept
    }

    static func structure(_ form: FormData, id: String, existing: DirectoryStructure?, today: String) -> DirectoryStructure {
        var s = existing ?? DirectoryStructure(id: id, name: "", updatedOn: today)
        s.name = text(form, "nom", max: 200) ?? ""
        s.updatedOn = today
        s.description = text(form, "description")
        place(form, into: &s)
        s.website = text(form, "site_web", max: 500)
        s.accessibility = text(form, "accessibilite_lieu", max: 500)
        return s
    }

    static func service(_ form: FormData, id: String, structureID: String, existing: DirectoryService?, today: String) -> DirectoryService {
        var s = existing ?? DirectoryService(structureID: structureID, id: id, name: "", description: "", updatedOn: today)
        s.name = text(form, "nom", max: 200) ?? ""
        s.description = text(form, "description") ?? ""
        s.updatedOn = today
        s.type = text(form, "type", max: 50)
        s.themes = list(form.values("thematiques"))
        s.audiences = list(form.values("publics"))
        s.receptionModes = list(form.values("modes_accueil"))
        s.fees = text(form, "frais", max: 20)
        s.audienceDetails = text(form, "publics_precisions", max: 2000)
        s.accessConditions = text(form, "conditions_acces", max: 2000)
        place(form, into: &s)
        s.languages = list((form["langues"] ?? "").lowercased().split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init))
        s.documents = list((form["pieces"] ?? "").split(whereSeparator: \.isNewline).map(String.init))
        return s
    }

    /// The place and contact fields both kinds of record have.
    static func place<R: DirectoryRecord>(_ form: FormData, into record: inout R) {
        record.address = text(form, "adresse", max: 300)
        record.addressComplement = text(form, "complement_adresse", max: 300)
        record.postcode = text(form, "code_postal", max: 10)
        record.commune = text(form, "commune", max: 100)
        record.inseeCode = text(form, "code_insee", max: 10)
        record.phone = text(form, "telephone", max: 40)
        record.email = text(form, "adresse_courriel", max: 254)
        record.openingHours = text(form, "horaires_accueil", max: 500)
    }

    static func suggestions(_ form: FormData) -> [Suggestion] {
        form.values("suggestions").compactMap(Suggestion.init(rawValue:)).filter { !$0.isAlert }
    }
}
