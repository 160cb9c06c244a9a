import HTML
import HTTPCore
import Planning

/// What a manager may change on an existing permanence: titulaire, suppléant, weekday, half-day and
/// recurrence. Hours follow the half-day's usual ones when it changes; the id (and so every occurrence
/// id and calendar UID) stays. Also the schedule part of `NewPermanenceForm`.
struct PermanenceForm {
    var people: PermanencePeopleForm
    var weekday = Weekday.monday
    var halfDay = HalfDay.morning
    var recurrence: RecurrenceForm
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
    }

    /// The permanence with the form's values; hours move with the half-day.
    func applied(to permanence: Permanence) -> Permanence {
        var updated = people.applied(to: permanence)
        updated.weekday = weekday
        if let recurrence = recurrence.recurrence { updated.recurrence = recurrence }
        if halfDay != permanence.halfDay {
            updated.halfDay = halfDay
            updated.start = halfDay.defaultStart
            updated.end = halfDay.defaultEnd
        }
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
            \(recurrence.fields())
            """
    }
}
