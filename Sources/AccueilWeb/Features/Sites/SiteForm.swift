import AccueilCore
import HTML
import HTTPCore

/// The editable fields of a directory site, parsed and checked. Form names are French and are
/// also what the audit trail lists as changed (never the values).
struct SiteForm {
    /// One editable field: its form name, French label, length bound, and whether it may span lines.
    struct Field {
        let name: String
        let label: String
        let maximumLength: Int
        let multiline: Bool
    }

    static let name = Field(name: "nom", label: "Nom", maximumLength: 120, multiline: false)
    static let address = Field(name: "adresse", label: "Adresse", maximumLength: 200, multiline: false)
    static let phone = Field(name: "telephone", label: "Téléphone", maximumLength: 30, multiline: false)
    static let openingHours = Field(name: "horaires", label: "Horaires d'ouverture", maximumLength: 500, multiline: true)
    static let accessibility = Field(name: "accessibilite", label: "Accessibilité", maximumLength: 500, multiline: true)

    var values: [String: String] = [:]
    var errors: [(field: String, message: String)] = []

    init(_ site: DirectorySite) {
        values = [Self.name.name: site.name, Self.address.name: site.address ?? "", Self.phone.name: site.phone ?? "",
                  Self.openingHours.name: site.openingHours ?? "", Self.accessibility.name: site.accessibility ?? ""]
    }

    init(_ form: FormData) {
        for field in [Self.name, Self.address, Self.phone, Self.openingHours, Self.accessibility] {
            let value = Self.normalized(form[field.name] ?? "")
            values[field.name] = value
            if let error = Self.check(value, field) { errors.append((field.name, error)) }
        }
        if values[Self.name.name, default: ""].isEmpty, !errors.contains(where: { $0.field == Self.name.name }) {
            errors.insert((Self.name.name, "Le nom du site est obligatoire."), at: 0)
        }
    }

    /// The site with this form's values; an empty optional field is stored as unknown (NULL).
    func applied(to site: DirectorySite) -> DirectorySite {
        var updated = site
        updated.name = values[Self.name.name, default: ""]
        updated.address = optional(Self.address)
        updated.phone = optional(Self.phone)
        updated.openingHours = optional(Self.openingHours)
        updated.accessibility = optional(Self.accessibility)
        return updated
    }

    /// Form names of the fields that differ, in form order: what the audit trail records.
    static func changedFields(from old: DirectorySite, to new: DirectorySite) -> [String] {
        [(name, old.name != new.name), (address, old.address != new.address), (phone, old.phone != new.phone),
         (openingHours, old.openingHours != new.openingHours), (accessibility, old.accessibility != new.accessibility)]
            .filter(\.1).map(\.0.name)
    }

    func fields() -> HTML {
        let error = { (field: Field) in errors.first { $0.field == field.name }?.message }
        let value = { (field: Field) in values[field.name, default: ""] }
        return """
            \(FormFields.input(Self.name.name, label: Self.name.label, value: value(Self.name),
                               hint: "Nom affiché dans l'annuaire (\(Self.name.maximumLength) caractères au plus). Les décisions d'orientation gardent le nom du référentiel territorial.",
                               error: error(Self.name), required: true, autocomplete: "off"))
            \(FormFields.input(Self.address.name, label: Self.address.label, value: value(Self.address),
                               hint: "\(Self.address.maximumLength) caractères au plus.", error: error(Self.address), autocomplete: "off"))
            \(FormFields.input(Self.phone.name, label: Self.phone.label, value: value(Self.phone), type: "tel",
                               hint: "Par exemple 05 56 00 00 00. Laissez vide si le numéro n'est pas confirmé : un numéro inventé enverrait les personnes chez un inconnu.",
                               error: error(Self.phone), autocomplete: "off"))
            \(FormFields.textarea(Self.openingHours.name, label: Self.openingHours.label, value: value(Self.openingHours),
                                  hint: "\(Self.openingHours.maximumLength) caractères au plus ; une ligne par jour ou par créneau si besoin.", error: error(Self.openingHours)))
            \(FormFields.textarea(Self.accessibility.name, label: Self.accessibility.label, value: value(Self.accessibility),
                                  hint: "Accès en fauteuil, ascenseur, boucle magnétique… (\(Self.accessibility.maximumLength) caractères au plus).", error: error(Self.accessibility)))
            """
    }

    private func optional(_ field: Field) -> String? {
        let value = values[field.name, default: ""]
        return value.isEmpty ? nil : value
    }

    /// Trimmed, with every line break stored as "\n": browsers send "\r\n" from a textarea, and an
    /// unchanged text must compare equal to what was saved, or re-saving would audit a change.
    /// (Splitting on the character "\n" would not do: "\r\n" is a single `Character`.)
    private static func normalized(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "\n").trimmed
    }

    private static func check(_ value: String, _ field: Field) -> String? {
        // Unicode scalars, not grapheme clusters: a cluster can hide any number of combining marks.
        let length = value.unicodeScalars.count
        if length > field.maximumLength {
            return "Le champ « \(field.label) » ne doit pas dépasser \(field.maximumLength) caractères (\(length) saisis)."
        }
        let forbidden = value.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control && !(field.multiline && scalar == "\n")
        }
        if forbidden {
            return field.multiline
                ? "Le champ « \(field.label) » contient des caractères de contrôle non autorisés."
                : "Le champ « \(field.label) » doit tenir sur une ligne, sans caractère de contrôle."
        }
        if field.name == phone.name, !value.isEmpty, !isPhoneNumber(value) {
            return "Le téléphone ne peut contenir que des chiffres, des espaces et les signes + . - ( ), avec au moins 3 chiffres. Laissez-le vide s'il n'est pas connu."
        }
        return nil
    }

    /// Loose on purpose: "05 56 00 00 00", "+33 5 56 00 00 00", "115". The point is to keep text
    /// ("voir accueil") out of a field that people will dial.
    private static func isPhoneNumber(_ text: String) -> Bool {
        let digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        return digits >= 3 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || " +.-()\u{00A0}".unicodeScalars.contains($0) }
    }
}
