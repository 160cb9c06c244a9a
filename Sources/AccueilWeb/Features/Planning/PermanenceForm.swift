import AccueilCore
import HTML
import HTTPCore
import Planning

/// What a manager may change on an existing permanence: titulaire, suppléant, weekday, half-day, hours
/// and recurrence. Hours left as they were follow the half-day's usual ones when it changes; the id
/// (and so every occurrence id and calendar UID) stays. Also the schedule part of `NewPermanenceForm`.
struct PermanenceForm {
    var people: PermanencePeopleForm
    var weekday = Weekday.monday
    var halfDay = HalfDay.morning
    var recurrence: RecurrenceForm
    /// "HH:MM", or empty for the half-day's usual hours.
    var start = ""
    var end = ""
    /// `PermanenceVersion.token` of the permanence the form was drawn from (empty for a new one).
    var version = ""
    private var ownErrors: [(field: String, message: String)] = []

    var errors: [(field: String, message: String)] {
        get { people.errors + ownErrors + recurrence.errors }
        set { people.errors = []; recurrence.errors = []; ownErrors = newValue }
    }

    init(_ permanence: Permanence) {
        people = PermanencePeopleForm(permanence)
        weekday = permanence.weekday
        halfDay = permanence.halfDay
        recurrence = RecurrenceForm(permanence.recurrence)
        start = permanence.start.description
        end = permanence.end.description
        version = PermanenceVersion.token(permanence)
    }

    init(_ form: FormData, workers: [SocialWorker], institution: Planning.Institution?) {
        people = PermanencePeopleForm(form, workers: workers, institution: institution)
        recurrence = RecurrenceForm(form)
        version = form["version"] ?? ""
        let day = Int(form["jour"] ?? "").flatMap(Weekday.init(rawValue:))
        let half = HalfDay(rawValue: form["demi_journee"] ?? "")
        weekday = day ?? .monday
        halfDay = half ?? .morning
        if day.map({ !Weekday.workingDays.contains($0) }) ?? true { ownErrors.append(("jour", "Choisissez un jour du lundi au vendredi.")) }
        if half == nil { ownErrors.append(("demi_journee", "Choisissez le matin ou l'après-midi.")) }
        start = (form["heure_debut"] ?? "").trimmed
        end = (form["heure_fin"] ?? "").trimmed
        if !start.isEmpty, TimeOfDay(start) == nil { ownErrors.append(("heure_debut", "Indiquez l'heure de début (HH:MM).")) }
        if !end.isEmpty, TimeOfDay(end) == nil { ownErrors.append(("heure_fin", "Indiquez l'heure de fin (HH:MM).")) }
    }

    /// The permanence with the form's values. An hour left empty, or left unchanged while the half-day
    /// changes, becomes the half-day's usual one.
    func applied(to permanence: Permanence) -> Permanence {
        var updated = people.applied(to: permanence)
        updated.weekday = weekday
        if let recurrence = recurrence.recurrence { updated.recurrence = recurrence }
        let moved = halfDay != permanence.halfDay
        updated.halfDay = halfDay
        func hour(_ text: String, old: TimeOfDay, usual: TimeOfDay) -> TimeOfDay {
            guard let chosen = TimeOfDay(text), !(moved && chosen == old) else { return moved || text.isEmpty ? usual : old }
            return chosen
        }
        updated.start = hour(start, old: permanence.start, usual: halfDay.defaultStart)
        updated.end = hour(end, old: permanence.end, usual: halfDay.defaultEnd)
        return updated
    }

    /// Once the fields are valid: the recurrence against the validity period, then the model's rules.
    mutating func check(_ permanence: Permanence) {
        guard errors.isEmpty else { return }
        recurrence.errors += recurrence.rangeErrors(validFrom: permanence.validFrom, validTo: permanence.validTo)
        if errors.isEmpty { ownErrors += permanence.validationErrors.map { ("demi_journee", $0) } }
    }

    /// Audit detail: which fields changed (names of fields, never of people).
    static func changedFields(_ old: Permanence, _ new: Permanence) -> String {
        var fields = PermanencePeopleForm.changedFields(old, new)
        if old.weekday != new.weekday { fields.append("jour") }
        if old.halfDay != new.halfDay { fields.append("demi_journee") }
        if old.start != new.start || old.end != new.end { fields.append("horaires") }
        if old.recurrence != new.recurrence { fields.append("recurrence") }
        return fields.isEmpty ? "aucun changement" : fields.joined(separator: ",")
    }

    /// - Parameter institution: nil when the same form also chooses the institution (new permanence).
    func fields(workers: [SocialWorker], institution: Planning.Institution?) -> HTML {
        let error = { (field: String) in ownErrors.first { $0.field == field }?.message }
        let version: HTML = self.version.isEmpty ? .empty : "<input type=\"hidden\" name=\"version\" value=\"\(self.version)\">"
        return """
            \(version)
            \(people.fields(workers: workers, institution: institution))
            \(FormFields.select("jour", label: "Jour", options: Weekday.workingDays.map { .init(String($0.rawValue), $0.capitalizedLabel) }, selected: String(weekday.rawValue), error: error("jour"), required: true, includeBlank: "Choisir un jour"))
            \(FormFields.choices("demi_journee", legend: "Demi-journée", options: HalfDay.allCases.map { .init($0.rawValue, "\($0.label) (\(PlanningText.hours($0.defaultStart, $0.defaultEnd)))") }, checked: [halfDay.rawValue], multiple: false, error: error("demi_journee")))
            <div class="row">
            \(FormFields.input("heure_debut", label: "Heure de début", value: start, type: "time", hint: "Vide : horaire habituel de la demi-journée.", error: error("heure_debut")))
            \(FormFields.input("heure_fin", label: "Heure de fin", value: end, type: "time", hint: "Vide : horaire habituel de la demi-journée.", error: error("heure_fin")))
            </div>
            \(recurrence.fields())
            """
    }
}
