import Planning

/// French wording of the planning in plain text, shared by the slot proposals and the planning pages
/// (which add the marked-up phrases in `AccueilWeb`).
package enum PlanningText {
    /// "9h–12h".
    package static func hours(_ start: TimeOfDay, _ end: TimeOfDay) -> String { "\(start.frenchLabel)–\(end.frenchLabel)" }

    /// "Permanence CCAS" / "Permanence MDS Lac".
    package static func sender(_ occurrence: Occurrence, _ directory: PlanningDirectory) -> String {
        let circonscription = occurrence.circonscriptionID.map { " \(directory.circonscriptionName($0))" } ?? ""
        return "Permanence \(occurrence.sendingInstitution.shortLabel)\(circonscription)"
    }

    /// "ccas-mds-centre-20261123|09:00": the value of a slot's radio button.
    package static func slotValue(_ occurrenceID: String, _ start: TimeOfDay) -> String { "\(occurrenceID)|\(start.description)" }

    package static func parseSlotValue(_ value: String) -> (occurrenceID: String, start: TimeOfDay)? {
        let parts = value.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let start = TimeOfDay(parts[1]) else { return nil }
        return (String(parts[0]), start)
    }
}
