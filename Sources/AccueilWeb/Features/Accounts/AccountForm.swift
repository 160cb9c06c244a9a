import AccueilCore
import HTML
import HTTPCore

/// The fields of the account form, parsed and checked; the same for creation and edition.
struct AccountForm {
    var login = ""
    var displayName = ""
    var institution: Institution = .ccas
    var roles: Set<Role> = []
    var siteIDs: [String] = []
    var errors: [(field: String, message: String)] = []

    init() {}

    init(_ form: FormData, knownSites: Set<String>, creating: Bool) {
        login = (form["identifiant"] ?? "").trimmed
        displayName = (form["nom"] ?? "").trimmed
        institution = Institution(rawValue: form["institution"] ?? "") ?? .ccas
        roles = Set(form.values("roles").compactMap(Role.init))
        siteIDs = form.values("sites").filter(knownSites.contains)
        if creating {
            if login.isEmpty || login.count > 64 || !login.allSatisfy({ $0.isLetter || $0.isNumber || ".-_@".contains($0) }) {
                errors.append(("identifiant", "L'identifiant est obligatoire : lettres, chiffres, point, tiret, arobase (64 caractères au plus)."))
            }
        }
        if displayName.isEmpty || displayName.count > 120 { errors.append(("nom", "Le nom affiché est obligatoire (120 caractères au plus).")) }
        if Institution(rawValue: form["institution"] ?? "") == nil { errors.append(("institution", "Choisissez l'institution du compte.")) }
        if roles.isEmpty { errors.append(("roles", "Choisissez au moins un rôle.")) }
        if siteIDs.isEmpty { errors.append(("sites", "Choisissez au moins un site de rattachement.")) }
    }

    func fields(sites: [DirectorySite], creating: Bool) -> HTML {
        let error = { (field: String) in errors.first { $0.field == field }?.message }
        let loginField: HTML = creating
            ? FormFields.input("identifiant", label: "Identifiant de connexion", value: login, hint: "Par exemple prenom.nom ou l'adresse électronique professionnelle.", error: error("identifiant"), required: true, autocomplete: "off")
            : "<p><strong>Identifiant :</strong> \(login)</p>"
        return """
            \(loginField)
            \(FormFields.input("nom", label: "Nom affiché", value: displayName, error: error("nom"), required: true, autocomplete: "off"))
            \(FormFields.select("institution", label: "Institution", options: Institution.allCases.map { .init($0.rawValue, $0.label) }, selected: institution.rawValue, error: error("institution"), required: true, includeBlank: "— Choisir —"))
            \(FormFields.choices("roles", legend: "Rôles", options: Role.allCases.map { .init($0.rawValue, $0.label) }, checked: Set(roles.map(\.rawValue)), multiple: true, error: error("roles")))
            \(FormFields.choices("sites", legend: "Sites de rattachement", options: sites.map { .init($0.id, $0.name) }, checked: Set(siteIDs), multiple: true, hint: "Le premier site coché est le site proposé par défaut à l'accueil.", error: error("sites")))
            """
    }
}

