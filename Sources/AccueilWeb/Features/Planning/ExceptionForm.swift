import AccueilCore
import HTML
import HTTPCore
import Planning

/// An absence (social worker) or a closure (site) over whole days, as a manager enters it.
struct ExceptionForm {
    enum Kind { case absence, closure }

    let kind: Kind
    var subjectID = ""
    var first = ""
    var last = ""
    var reason = ""
    var errors: [(field: String, message: String)] = []

    init(_ kind: Kind) { self.kind = kind }

    init(_ kind: Kind, _ form: FormData, known: Set<String>) {
        self.kind = kind
        subjectID = form[subjectField] ?? ""
        first = (form[prefix + "debut"] ?? "").trimmed
        last = (form[prefix + "fin"] ?? "").trimmed
        reason = (form[prefix + "motif"] ?? "").trimmed
        if !known.contains(subjectID) {
            errors.append((subjectField, kind == .absence ? "Choisissez le travailleur social absent." : "Choisissez le site fermé."))
        }
        let from = CalendarDate(first), to = CalendarDate(last.isEmpty ? first : last)
        if from == nil { errors.append((prefix + "debut", "Indiquez le premier jour (JJ/MM/AAAA).")) }
        if !last.isEmpty, to == nil { errors.append((prefix + "fin", "Le dernier jour n'est pas une date valide.")) }
        if let from, let to, to < from { errors.append((prefix + "fin", "Le dernier jour précède le premier.")) }
        if reason.count > 200 { errors.append((prefix + "motif", "Le motif est trop long (200 caractères au plus).")) }
        if kind == .closure, reason.isEmpty { errors.append((prefix + "motif", "Indiquez le motif de la fermeture : il est affiché aux agents.")) }
    }

    /// The whole days entered (a single day when the last is left empty).
    var dates: ClosedRange<CalendarDate>? {
        guard let from = CalendarDate(first), let to = CalendarDate(last.isEmpty ? first : last), from <= to else { return nil }
        return from...to
    }

    private var prefix: String { kind == .absence ? "absence_" : "fermeture_" }
    private var subjectField: String { kind == .absence ? "travailleur" : "site" }

    func fields(options: [FormFields.Option]) -> HTML {
        let error = { (field: String) in errors.first { $0.field == field }?.message }
        let subject: HTML = kind == .absence
            ? FormFields.select(subjectField, label: "Travailleur social", options: options, selected: subjectID, error: error(subjectField), required: true, includeBlank: "Choisir une personne")
            : FormFields.select(subjectField, label: "Site", options: options, selected: subjectID, error: error(subjectField), required: true, includeBlank: "Choisir un site")
        let reasonHint = kind == .absence
            ? "Facultatif. Visible des seuls responsables : n'indiquez pas de raison de santé."
            : "Affiché aux agents et dans les agendas (par exemple « Travaux »)."
        return """
            \(subject)
            <div class="row">
            \(FormFields.input(prefix + "debut", label: "Premier jour", value: first, type: "date", error: error(prefix + "debut"), required: true))
            \(FormFields.input(prefix + "fin", label: "Dernier jour", value: last, type: "date", hint: "Vide pour un seul jour.", error: error(prefix + "fin")))
            </div>
            \(FormFields.input(prefix + "motif", label: "Motif", value: reason, hint: reasonHint, error: error(prefix + "motif"), required: kind == .closure, autocomplete: "off"))
            """
    }
}
