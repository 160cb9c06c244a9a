import AccueilCore
import HTML
import Planning

/// The marked-up phrases of the planning pages: who holds an occurrence, a permanence in a sentence.
extension PlanningText {
    /// Who is there, or why nobody is; a takeover says whom it replaces.
    static func holder(_ occurrence: Occurrence, _ directory: PlanningDirectory) -> HTML {
        switch occurrence.holder {
        case .titulaire(let id):
            return "\(directory.workerName(id)) <span class=\"muted\">(titulaire)</span>"
        case .suppleant(let id):
            return "\(directory.workerName(id)) <span class=\"badge\">suppléance</span> <span class=\"muted\">(remplace \(directory.workerName(occurrence.titulaireID)))</span>"
        case .cancelled(let reason):
            return "<strong class=\"\(reason.needsAttention ? "alert-text" : "muted")\">Annulée : \(reason.label)</strong>"
        }
    }

    /// "Permanence CCAS à <strong>MDS Lac</strong>, le lundi matin (9h–12h)": a permanence in a sentence.
    static func permanence(_ permanence: Permanence, _ directory: PlanningDirectory) -> HTML {
        let sender = permanence.circonscriptionID.map { "\(permanence.sendingInstitution.shortLabel) \(directory.circonscriptionName($0))" }
            ?? permanence.sendingInstitution.shortLabel
        return "Permanence \(sender) à <strong>\(directory.siteName(permanence.hostSiteID))</strong>, le \(permanence.weekday.label) \(permanence.halfDay.label) (\(hours(permanence.start, permanence.end)))"
    }
}
