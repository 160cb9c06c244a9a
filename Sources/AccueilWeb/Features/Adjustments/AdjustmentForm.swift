import AccueilCore
import HTTPCore
import Orientation

/// The « nouvel aménagement » form as posted: every field kept as typed (to refill the form), and the
/// adjustment it describes once the fields parse. The rule module then checks the adjustment itself.
struct AdjustmentForm {
    var values: [String: String] = [:]
    var sectors: Set<String> = []
    var errors: [(field: String, message: String)] = []

    static let textFields = ["reference", "texte", "service", "site", "accord_pts", "accord_ccas", "date_accord", "debut", "fin",
                             "sans_domicile", "enfant_mineur", "grossesse", "rsa", "handicap", "adultes_min", "adultes_max", "age_min", "age_max"]

    init() {}

    init(_ form: FormData) {
        for name in Self.textFields { values[name] = String((form[name] ?? "").trimmed.prefix(name == "texte" ? 2000 : 200)) }
        sectors = Set(form.values("secteurs"))
    }

    subscript(_ name: String) -> String { values[name] ?? "" }

    /// The adjustment, or nil with `errors` saying which field to correct.
    mutating func adjustment() -> RuleAdjustment? {
        errors = []
        func day(_ field: String, required: Bool) -> LocalDate? {
            if self[field].isEmpty {
                if required { errors.append((field, "Indiquez la date (AAAA-MM-JJ).")) }
                return nil
            }
            guard let day = LocalDate(iso: self[field]) else { errors.append((field, "Date invalide (AAAA-MM-JJ).")); return nil }
            return day
        }
        func flag(_ field: String) -> Bool? {
            switch self[field] {
            case "oui": return true
            case "non": return false
            default: return nil
            }
        }
        func range(_ low: String, _ high: String, _ bounds: ClosedRange<Int>) -> ClosedRange<Int>? {
            guard !self[low].isEmpty || !self[high].isEmpty else { return nil }
            guard let from = Int(self[low].isEmpty ? String(bounds.lowerBound) : self[low]),
                  let to = Int(self[high].isEmpty ? String(bounds.upperBound) : self[high]),
                  bounds.contains(from), bounds.contains(to), from <= to else {
                errors.append((low, "Bornes invalides : deux nombres entre \(bounds.lowerBound) et \(bounds.upperBound), le premier au plus égal au second."))
                return nil
            }
            return from...to
        }
        let service = Service(rawValue: self["service"])
        if service == nil { errors.append(("service", "Choisissez le service vers lequel l'aménagement oriente.")) }
        let agreedOn = day("date_accord", required: true), validFrom = day("debut", required: true), validTo = day("fin", required: false)
        let conditions = AdjustmentConditions(
            sectors: sectors.isEmpty ? nil : sectors, homeless: flag("sans_domicile"), minorChild: flag("enfant_mineur"),
            pregnant: flag("grossesse"), adults: range("adultes_min", "adultes_max", 1...Household.maximumAdults),
            age: range("age_min", "age_max", 0...130), rsa: flag("rsa"), disability: flag("handicap"))
        guard errors.isEmpty, let service, let agreedOn, let validFrom else { return nil }
        return RuleAdjustment(reference: self["reference"], text: self["texte"], service: service, siteID: self["site"].isEmpty ? nil : self["site"],
                              conditions: conditions, agreedByPTS: self["accord_pts"], agreedByCCAS: self["accord_ccas"],
                              agreedOn: agreedOn, validFrom: validFrom, validTo: validTo)
    }

    /// The rule module's field names, mapped to the form's.
    static func formField(_ field: String) -> String {
        switch field {
        case "reference": "reference"
        case "text": "texte"
        case "agreedByPTS": "accord_pts"
        case "agreedByCCAS": "accord_ccas"
        case "agreedOn": "date_accord"
        case "validTo": "fin"
        case "siteId": "site"
        case "conditions.sectors": "secteurs"
        default: "conditions"
        }
    }
}
