import AccueilCore
import HTML
import HTTPCore
import Planning

/// Titulaire and suppléant of a permanence: the part every permanence form shares (a grid cell's
/// in-place form, the full edit page, the new-permanence pages). Both must be among the workers the
/// form offers (the active ones, plus, on an edit page, the people the permanence already names), of
/// the institution that holds the permanence, and two different people.
struct PermanencePeopleForm {
    var titulaireID = ""
    var suppleantID = ""
    var errors: [(field: String, message: String)] = []

    init(_ permanence: Permanence) {
        titulaireID = permanence.titulaireID
        suppleantID = permanence.suppleantID ?? ""
    }

    /// - Parameters:
    ///   - workers: the workers the form may name (`PlanningSnapshot.selectableWorkers`).
    ///   - institution: the permanence's sending institution, when known.
    init(_ form: FormData, workers: [SocialWorker], institution: Planning.Institution?) {
        titulaireID = form["titulaire"] ?? ""
        suppleantID = form["suppleant"] ?? ""
        let byID = Dictionary(workers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if let message = Self.problem(byID[titulaireID], role: "le ou la titulaire", institution: institution) {
            errors.append(("titulaire", message))
        }
        if !suppleantID.isEmpty, let message = Self.problem(byID[suppleantID], role: "le ou la suppléant·e", institution: institution) {
            errors.append(("suppleant", message))
        }
        if !suppleantID.isEmpty, suppleantID == titulaireID {
            errors.append(("suppleant", "Le ou la suppléant·e doit être une autre personne que le ou la titulaire."))
        }
    }

    private static func problem(_ worker: SocialWorker?, role: String, institution: Planning.Institution?) -> String? {
        guard let worker else { return "Choisissez \(role) dans la liste des travailleurs sociaux en activité." }
        guard let institution, worker.institution != institution else { return nil }
        let (member, holder) = institution == .ccas ? ("du CCAS", "le CCAS") : ("du Département", "le Département")
        return "\(worker.displayName) n'est pas \(member) : la permanence est assurée par \(holder)."
    }

    func applied(to permanence: Permanence) -> Permanence {
        var updated = permanence
        updated.titulaireID = titulaireID
        updated.suppleantID = suppleantID.isEmpty ? nil : suppleantID
        return updated
    }

    /// The two selects. `institution` narrows the lists to that institution's workers (and drops the
    /// institution from each option: shorter markup in the 13 cells of the grid page); `idSuffix`
    /// keeps ids unique when a page holds several of these forms.
    func fields(workers: [SocialWorker], institution: Planning.Institution?, idSuffix: String = "", hint: Bool = true) -> HTML {
        let error = { (field: String) in errors.first { $0.field == field }?.message }
        let people = workers.filter { institution == nil || $0.institution == institution }
            .map { FormFields.Option($0.id, institution == nil ? "\($0.displayName) (\($0.institution.shortLabel))" : $0.displayName) }
        return """
            \(FormFields.select("titulaire", label: "Titulaire", options: people, selected: titulaireID, error: error("titulaire"), required: true, includeBlank: "Choisir une personne", idSuffix: idSuffix))
            \(FormFields.select("suppleant", label: "Suppléant·e", options: people, selected: suppleantID, hint: hint ? "Prend le relais quand le ou la titulaire est absent·e." : nil, error: error("suppleant"), includeBlank: "Aucun·e", idSuffix: idSuffix))
            """
    }

    /// Audit detail: which of the two changed.
    static func changedFields(_ old: Permanence, _ new: Permanence) -> [String] {
        (old.titulaireID != new.titulaireID ? ["titulaire"] : []) + (old.suppleantID != new.suppleantID ? ["suppleant"] : [])
    }
}
