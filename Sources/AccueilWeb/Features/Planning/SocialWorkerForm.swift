import AccueilCore
import Foundation
import HTML
import HTTPCore
import Planning

/// A social worker of the planning: name, institution, circonscription (Département), and the
/// account they sign in with, if any (so their own plannings are one click away).
struct SocialWorkerForm {
    var displayName = ""
    var institution = Planning.Institution.ccas
    var circonscriptionID = ""
    var accountID = ""
    var errors: [(field: String, message: String)] = []

    init() {}

    init(_ worker: SocialWorker, accountID: Int64?) {
        displayName = worker.displayName
        institution = worker.institution
        circonscriptionID = worker.circonscriptionID ?? ""
        self.accountID = accountID.map(String.init) ?? ""
    }

    init(_ form: FormData, circonscriptions: Set<String>, accounts: Set<String>) {
        displayName = (form["nom"] ?? "").trimmed
        let parsed = Planning.Institution(rawValue: form["institution"] ?? "")
        institution = parsed ?? .ccas
        circonscriptionID = form["circonscription"] ?? ""
        accountID = form["compte"] ?? ""
        if displayName.isEmpty || displayName.count > 120 { errors.append(("nom", "Le nom est obligatoire (120 caractères au plus).")) }
        if parsed == nil { errors.append(("institution", "Choisissez l'institution.")) }
        if institution == .departement, !circonscriptions.contains(circonscriptionID) {
            errors.append(("circonscription", "Choisissez la circonscription de ce travailleur social du Département."))
        }
        if !accountID.isEmpty, !accounts.contains(accountID) { errors.append(("compte", "Choisissez un compte de la liste.")) }
    }

    func worker(id: String) -> SocialWorker {
        SocialWorker(id: id, displayName: displayName, institution: institution,
                     circonscriptionID: institution == .departement ? circonscriptionID : nil)
    }

    var account: Int64? { Int64(accountID) }

    /// "ts-karine-temoin", then "-2"… when taken: readable in URLs and calendar file names.
    func newID(existing: Set<String>) -> String {
        // ASCII letters and digits only: the id goes into URLs and a Content-Disposition file name.
        let words = NameKey.normalize(displayName).split(separator: " ")
            .map { String($0.unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }.map(Character.init)) }
            .filter { !$0.isEmpty }
        let base = words.isEmpty ? "ts-travailleur" : "ts-" + words.joined(separator: "-")
        var id = base
        var suffix = 2
        while existing.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        return id
    }

    func fields(circonscriptions: [FormFields.Option], accounts: [FormFields.Option]) -> HTML {
        let error = { (field: String) in errors.first { $0.field == field }?.message }
        return """
            \(FormFields.input("nom", label: "Prénom et nom", value: displayName, error: error("nom"), required: true, autocomplete: "off"))
            \(FormFields.choices("institution", legend: "Institution", options: Planning.Institution.allCases.map { .init($0.rawValue, $0.label) }, checked: [institution.rawValue], multiple: false, error: error("institution")))
            \(FormFields.select("circonscription", label: "Circonscription", options: circonscriptions, selected: circonscriptionID, hint: "Pour les travailleurs sociaux du Département.", error: error("circonscription"), includeBlank: "Aucune (CCAS)"))
            \(FormFields.select("compte", label: "Compte de connexion", options: accounts, selected: accountID, hint: "Facultatif : la personne retrouve alors ses permanences depuis le planning.", error: error("compte"), includeBlank: "Aucun"))
            """
    }
}
