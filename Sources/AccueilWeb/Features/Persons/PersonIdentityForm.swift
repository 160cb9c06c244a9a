import AccueilCore
import HTML
import HTTPCore
import Orientation

/// The identity fields a person may have rectified (GDPR art. 16), parsed and checked like the intake form.
struct PersonIdentityForm {
    var lastName = ""
    var firstName = ""
    var birthDate = ""
    var phone = ""
    var followedBy = ""
    var referent = ""
    var errors: [(field: String, message: String)] = []

    init(_ person: Person) {
        lastName = person.lastName
        firstName = person.firstName
        birthDate = person.birthDate ?? ""
        phone = person.phone ?? ""
        followedBy = person.followedBy?.rawValue ?? ""
        referent = person.referent ?? ""
    }

    init(_ form: FormData, today: LocalDate) {
        func text(_ name: String, max: Int) -> String { String((form[name] ?? "").trimmed.prefix(max)) }
        lastName = text("nom", max: 100)
        firstName = text("prenom", max: 100)
        birthDate = text("naissance", max: 10)
        phone = text("telephone", max: 30)
        followedBy = text("deja_suivi", max: 4)
        referent = text("referent", max: 120)
        if lastName.isEmpty { errors.append(("nom", "Le nom est obligatoire.")) }
        if firstName.isEmpty { errors.append(("prenom", "Le prénom est obligatoire.")) }
        if !birthDate.isEmpty, LocalDate(iso: birthDate).map({ $0 > today }) ?? true { errors.append(("naissance", "La date de naissance est invalide (format AAAA-MM-JJ).")) }
        if !phone.isEmpty, !phone.allSatisfy({ $0.isNumber || " +.-()".contains($0) }) || phone.filter(\.isNumber).count < 6 {
            errors.append(("telephone", "Le numéro de téléphone est invalide."))
        }
        if !followedBy.isEmpty, Service(rawValue: followedBy) == nil { errors.append(("deja_suivi", "Valeur inconnue pour le suivi en cours.")) }
    }

    /// The stored person with these values (empty optional fields become NULL).
    func applied(to person: Person) -> Person {
        var updated = person
        updated.lastName = lastName
        updated.firstName = firstName
        updated.birthDate = birthDate.isEmpty ? nil : birthDate
        updated.phone = phone.isEmpty ? nil : phone
        updated.followedBy = Service(rawValue: followedBy)
        updated.referent = referent.isEmpty ? nil : referent
        return updated
    }

    /// Names of the fields that differ, for the audit trail (never the values).
    static func changedFields(from old: Person, to new: Person) -> [String] {
        var fields: [String] = []
        if old.lastName != new.lastName { fields.append("nom") }
        if old.firstName != new.firstName { fields.append("prenom") }
        if old.birthDate != new.birthDate { fields.append("naissance") }
        if old.phone != new.phone { fields.append("telephone") }
        if old.followedBy != new.followedBy { fields.append("deja_suivi") }
        if old.referent != new.referent { fields.append("referent") }
        return fields
    }

    func fields() -> HTML {
        let error = { (field: String) in errors.first { $0.field == field }?.message }
        return """
            \(FormFields.input("nom", label: "Nom", value: lastName, error: error("nom"), required: true, autocomplete: "off"))
            \(FormFields.input("prenom", label: "Prénom", value: firstName, error: error("prenom"), required: true, autocomplete: "off"))
            \(FormFields.input("naissance", label: "Date de naissance", value: birthDate, type: "date", hint: "Format AAAA-MM-JJ ; laisser vide si inconnue.", error: error("naissance"), autocomplete: "off"))
            \(FormFields.input("telephone", label: "Téléphone", value: phone, type: "tel", error: error("telephone"), autocomplete: "off"))
            \(FormFields.select("deja_suivi", label: "Suivi en cours", options: Service.allCases.map { .init($0.rawValue, $0.shortName) }, selected: followedBy, error: error("deja_suivi"), includeBlank: "Aucun connu"))
            \(FormFields.input("referent", label: "Référent", value: referent, error: error("referent"), autocomplete: "off"))
            """
    }
}
