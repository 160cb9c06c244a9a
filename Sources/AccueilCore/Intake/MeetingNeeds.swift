import SQLiteStore

/// What the destination prepares before the meeting: an interpreter in the person's language, and
/// accessibility needs. Read from the intake behind each orientation.
package struct MeetingNeeds: Sendable, Equatable {
    package let language: IntakeLanguage?
    package let interpreterNeeded: Bool
    package let accessibility: String?

    package init(language: IntakeLanguage?, interpreterNeeded: Bool, accessibility: String?) {
        self.language = language
        self.interpreterNeeded = interpreterNeeded
        self.accessibility = accessibility.nonBlank
    }

    package init(_ intake: IntakeRecord) {
        self.init(language: intake.language, interpreterNeeded: intake.interpreterNeeded, accessibility: intake.accessibilityNeeds)
    }

    package var isEmpty: Bool { !interpreterNeeded && accessibility == nil }

    /// « Besoin d'un interprète (arabe) · Accessibilité : fauteuil roulant », for staff.
    package var label: String {
        var parts: [String] = []
        if interpreterNeeded { parts.append("Besoin d'un interprète" + (language.map { " (\($0.frenchName))" } ?? "")) }
        if let accessibility { parts.append("Accessibilité : \(accessibility)") }
        return parts.joined(separator: " · ")
    }

    /// The needs behind each of these orientations, by orientation id (those without any are left out).
    package static func forOrientations(_ db: Connection, _ ids: [Int64]) throws -> [Int64: MeetingNeeds] {
        guard !ids.isEmpty else { return [:] }
        let rows = try db.query("""
            SELECT o.id, i.language, i.language_other, i.interpreter_needed, i.accessibility_needs
            FROM orientations o JOIN intakes i ON i.id = o.intake_id
            WHERE o.id IN (SELECT value FROM json_each(?)) AND (i.interpreter_needed = 1 OR i.accessibility_needs IS NOT NULL)
            """, [JSONText.array(ids)])
        var needs: [Int64: MeetingNeeds] = [:]
        for row in rows {
            guard let id = row.int64("id") else { continue }
            let value = MeetingNeeds(language: IntakeRepository.language(row),
                                     interpreterNeeded: row.bool("interpreter_needed") ?? false, accessibility: row.string("accessibility_needs"))
            if !value.isEmpty { needs[id] = value }
        }
        return needs
    }
}
