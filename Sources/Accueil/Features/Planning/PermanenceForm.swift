import HTML
import HTTPCore
import Planning

/// What a manager may change on a grid cell: titulaire, suppléant, weekday and half-day. Hours follow
/// the half-day's usual ones when it changes; the id (and so every occurrence id and calendar UID) stays.
struct PermanenceForm {
    var titulaireID = ""
    var suppleantID = ""
    var weekday = Weekday.monday
    var halfDay = HalfDay.morning
    var errors: [(field: String, message: String)] = []

    init(_ permanence: Permanence) {
        titulaireID = permanence.titulaireID
        suppleantID = permanence.suppleantID ?? ""
        weekday = permanence.weekday
        halfDay = permanence.halfDay
    }

    init(_ form: FormData, workers: [SocialWorker]) {
        let known = Set(workers.map(\.id))
        titulaireID = form["titulaire"] ?? ""
        suppleantID = form["suppleant"] ?? ""
        let day = Int(form["jour"] ?? "").flatMap(Weekday.init(rawValue:))
        let half = HalfDay(rawValue: form["demi_journee"] ?? "")
        weekday = day ?? .monday
        halfDay = half ?? .morning
        if !known.contains(titulaireID) { errors.append(("titulaire", "Choisissez le ou la titulaire dans la liste.")) }
        if !suppleantID.isEmpty, !known.contains(suppleantID) { errors.append(("suppleant", "Choisissez le ou la suppléant·e dans la liste.")) }
        if !suppleantID.isEmpty, suppleantID == titulaireID {
            errors.append(("suppleant", "Le ou la suppléant·e doit être une autre personne que le ou la titulaire."))
        }
        if day.map({ !Weekday.workingDays.contains($0) }) ?? true { errors.append(("jour", "Choisissez un jour du lundi au vendredi.")) }
        if half == nil { errors.append(("demi_journee", "Choisissez le matin ou l'après-midi.")) }
    }

    /// The permanence with the form's values; hours move with the half-day.
    func applied(to permanence: Permanence) -> Permanence {
        var updated = permanence
        updated.titulaireID = titulaireID
        updated.suppleantID = suppleantID.isEmpty ? nil : suppleantID
        updated.weekday = weekday
        if halfDay != permanence.halfDay {
            updated.halfDay = halfDay
            updated.start = halfDay.defaultStart
            updated.end = halfDay.defaultEnd
        }
        return updated
    }

    /// Audit detail: which fields changed (names of fields, never of people).
    static func changedFields(_ old: Permanence, _ new: Permanence) -> String {
        var fields: [String] = []
        if old.titulaireID != new.titulaireID { fields.append("titulaire") }
        if old.suppleantID != new.suppleantID { fields.append("suppleant") }
        if old.weekday != new.weekday { fields.append("jour") }
        if old.halfDay != new.halfDay { fields.append("demi_journee") }
        return fields.isEmpty ? "aucun changement" : fields.joined(separator: ",")
    }

    func fields(workers: [SocialWorker]) -> HTML {
        let error = { (field: String) in errors.first { $0.field == field }?.message }
        let people = workers.map { FormFields.Option($0.id, "\($0.displayName) (\($0.institution.shortLabel))") }
        return """
            \(FormFields.select("titulaire", label: "Titulaire", options: people, selected: titulaireID, error: error("titulaire"), required: true, includeBlank: "Choisir une personne"))
            \(FormFields.select("suppleant", label: "Suppléant·e", options: people, selected: suppleantID, hint: "Prend le relais quand le ou la titulaire est absent·e.", error: error("suppleant"), includeBlank: "Aucun·e"))
            \(FormFields.select("jour", label: "Jour", options: Weekday.workingDays.map { .init(String($0.rawValue), $0.capitalizedLabel) }, selected: String(weekday.rawValue), error: error("jour"), required: true, includeBlank: "Choisir un jour"))
            \(FormFields.choices("demi_journee", legend: "Demi-journée", options: HalfDay.allCases.map { .init($0.rawValue, "\($0.label) (\(PlanningText.hours($0.defaultStart, $0.defaultEnd)))") }, checked: [halfDay.rawValue], multiple: false, error: error("demi_journee")))
            """
    }
}
