import HTML
import Planning

/// French wording shared by the planning pages: who holds an occurrence, its hours, its links.
enum PlanningText {
    /// "9h–12h".
    static func hours(_ start: TimeOfDay, _ end: TimeOfDay) -> String { "\(start.frenchLabel)–\(end.frenchLabel)" }

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

    /// "Permanence CCAS" / "Permanence MDS Lac".
    static func sender(_ occurrence: Occurrence, _ directory: PlanningDirectory) -> String {
        let circonscription = occurrence.circonscriptionID.map { " \(directory.circonscriptionName($0))" } ?? ""
        return "Permanence \(occurrence.sendingInstitution.shortLabel)\(circonscription)"
    }

    /// "Permanence CCAS à <strong>MDS Lac</strong>, le lundi matin (9h–12h)": a permanence in a sentence.
    static func permanence(_ permanence: Permanence, _ directory: PlanningDirectory) -> HTML {
        let sender = permanence.circonscriptionID.map { "\(permanence.sendingInstitution.shortLabel) \(directory.circonscriptionName($0))" }
            ?? permanence.sendingInstitution.shortLabel
        return "Permanence \(sender) à <strong>\(directory.siteName(permanence.hostSiteID))</strong>, le \(permanence.weekday.label) \(permanence.halfDay.label) (\(hours(permanence.start, permanence.end)))"
    }

    /// "ccas-mds-centre-20261123|09:00": the value of a slot's radio button.
    static func slotValue(_ occurrenceID: String, _ start: TimeOfDay) -> String { "\(occurrenceID)|\(start.description)" }

    static func parseSlotValue(_ value: String) -> (occurrenceID: String, start: TimeOfDay)? {
        let parts = value.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let start = TimeOfDay(parts[1]) else { return nil }
        return (String(parts[0]), start)
    }
}
