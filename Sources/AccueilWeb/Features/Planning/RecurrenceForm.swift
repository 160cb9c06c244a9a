import AccueilCore
import HTML
import HTTPCore
import Planning

/// The recurrence fieldset of the permanence forms: every week, one week out of two from a given
/// week, or a list of dates typed by hand (one a line or comma-separated, JJ/MM/AAAA or AAAA-MM-JJ;
/// duplicates collapse, the list is sorted).
struct RecurrenceForm {
    enum Kind: String, CaseIterable {
        case weekly = "hebdomadaire"
        case everyOtherWeek = "quinzaine"
        case dates = "dates"
    }

    static let maximumDates = 60

    var kind = Kind.weekly
    var startWeek = ""
    var datesText = ""
    var errors: [(field: String, message: String)] = []
    /// Parsed when the text is valid.
    private var parsed: Recurrence?

    init(_ recurrence: Recurrence) {
        parsed = recurrence
        switch recurrence {
        case .weekly: kind = .weekly
        case .everyOtherWeek(let start):
            kind = .everyOtherWeek
            startWeek = start.description
        case .dates(let dates):
            kind = .dates
            datesText = dates.map(\.frenchShortLabel).joined(separator: "\n")
        }
    }

    /// Checks the syntax; `rangeErrors` checks the dates against the permanence's validity.
    init(_ form: FormData) {
        let kind = Kind(rawValue: form["recurrence"] ?? "")
        self.kind = kind ?? .weekly
        startWeek = (form["semaine_depart"] ?? "").trimmed
        datesText = (form["dates"] ?? "").trimmed
        switch kind {
        case nil:
            errors.append(("recurrence", "Choisissez la fréquence de la permanence."))
        case .weekly:
            parsed = .weekly
        case .everyOtherWeek:
            if let start = CalendarDate.parse(frenchOrISO: startWeek) {
                parsed = .everyOtherWeek(startingWeekOf: start)
            } else {
                errors.append(("semaine_depart", "Indiquez une date de la première semaine (JJ/MM/AAAA)."))
            }
        case .dates:
            parseDates()
        }
    }

    private mutating func parseDates() {
        let pieces = datesText.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "," || $0 == ";" })
            .map { String($0).trimmed }.filter { !$0.isEmpty }
        let invalid = pieces.filter { CalendarDate.parse(frenchOrISO: $0) == nil }
        let dates = Set(pieces.compactMap { CalendarDate.parse(frenchOrISO: $0) }).sorted()
        if let first = invalid.first {
            let more = invalid.count > 1 ? " (et \(invalid.count - 1) autre\(invalid.count > 2 ? "s" : ""))" : ""
            errors.append(("dates", "« \(first) »\(more) n'est pas une date : écrivez JJ/MM/AAAA ou AAAA-MM-JJ."))
        } else if dates.isEmpty {
            errors.append(("dates", "Indiquez au moins une date."))
        } else if dates.count > Self.maximumDates {
            errors.append(("dates", "Indiquez \(Self.maximumDates) dates au plus (\(dates.count) saisies) ; au-delà, créez une autre permanence."))
        } else {
            parsed = .dates(dates)
        }
    }

    /// The recurrence, when the form is valid.
    var recurrence: Recurrence? { errors.isEmpty ? parsed : nil }

    /// Listed dates and the alternation's start must fall in the validity period.
    func rangeErrors(validFrom: CalendarDate, validTo: CalendarDate?) -> [(field: String, message: String)] {
        let period = validTo.map { "du \(validFrom.frenchShortLabel) au \($0.frenchShortLabel)" } ?? "à partir du \(validFrom.frenchShortLabel)"
        let outside = { (date: CalendarDate) in date < validFrom || validTo.map { date > $0 } ?? false }
        switch recurrence {
        case .dates(let dates):
            let out = dates.filter(outside)
            guard let first = out.first else { return [] }
            let list = out.prefix(3).map(\.frenchShortLabel).joined(separator: ", ") + (out.count > 3 ? "…" : "")
            return [("dates", out.count == 1
                ? "Le \(first.frenchShortLabel) est hors de la période de validité (\(period))."
                : "\(out.count) dates sont hors de la période de validité (\(period)) : \(list).")]
        case .everyOtherWeek(let start) where validTo.map({ start.mondayOfWeek > $0 }) ?? false:
            return [("semaine_depart", "La première semaine doit tomber dans la période de validité (\(period)).")]
        default:
            return []
        }
    }

    func fields() -> HTML {
        let error = { (field: String) in errors.first { $0.field == field }?.message }
        let option = { (kind: Kind, label: HTML) -> HTML in
            let id = FormFields.id("recurrence") + "-" + kind.rawValue
            return "<label class=\"choice\" for=\"\(id)\"><input type=\"radio\" id=\"\(id)\" name=\"recurrence\" value=\"\(kind.rawValue)\"\(Attr.checked(self.kind == kind))> \(label)</label>"
        }
        let groupError: HTML = error("recurrence").map { "<p class=\"field-error\" id=\"f-recurrence-erreur\">\($0)</p>" } ?? .empty
        return """
            <fieldset class="field" id="f-recurrence"\(error("recurrence") == nil ? "" : " aria-describedby=\"f-recurrence-erreur\"")>
            <legend>Fréquence</legend>
            \(groupError)\(option(.weekly, "Toutes les semaines"))
            \(option(.everyOtherWeek, "Une semaine sur deux, à partir de la semaine du jour indiqué ci-dessous"))
            \(FormFields.input("semaine_depart", label: "Première semaine (une semaine sur deux)", value: startWeek, type: "date", hint: "N'importe quel jour de la semaine où la permanence a lieu la première fois.", error: error("semaine_depart")))
            \(option(.dates, "À des dates fixées, listées ci-dessous"))
            \(FormFields.textarea("dates", label: "Dates fixées", value: datesText, hint: "Une date par ligne ou séparées par des virgules, au format JJ/MM/AAAA ou AAAA-MM-JJ ; \(Self.maximumDates) au plus.", error: error("dates"), rows: 3))
            </fieldset>
            """
    }
}
