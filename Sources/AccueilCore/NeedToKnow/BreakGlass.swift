import SQLiteStore

/// « Bris de glace »: opening a person outside one's scope, with a stated reason. The grant lasts for
/// that person and the rest of the session; each one is audited and listed for review.
package enum BreakGlass {
    package enum Reason: String, CaseIterable, Sendable {
        case continuity = "continuite"
        case personPresent = "personne_presente"
        case orientation = "orientation"
        case dataRights = "droits_rgpd"
        case other = "autre"

        package var label: String {
            switch self {
            case .continuity: "Continuité de l'accompagnement (remplacement, absence d'un collègue)"
            case .personPresent: "La personne est présente ou appelle, et demande de l'aide"
            case .orientation: "Orientation ou réorientation en cours vers mon service"
            case .dataRights: "Réponse à une demande d'exercice de droits (RGPD)"
            case .other: "Autre motif (à préciser)"
            }
        }
    }

    /// The free text is required whatever the reason: « pourquoi » in the agent's words.
    package static let textLength = 5...500

    /// Written for the agent when an intake is recorded on a known file outside their scope.
    package static let intakeOnChosenFile = "Nouvel accueil enregistré sur ce dossier, choisi parmi les dossiers du même nom."

    package struct Entry: Sendable {
        package let id: Int64
        package let at: Int64
        package let accountID: Int64
        package let accountName: String
        package let login: String
        package let personID: Int64
        package let reason: Reason
        package let text: String
    }

    package static func record(_ db: Connection, account: Int64, person: Int64, sessionHash: [UInt8], reason: Reason, text: String, at now: Int64) throws {
        try db.run("INSERT INTO break_glass (account_id, person_id, session_hash, reason, reason_text, at) VALUES (?, ?, ?, ?, ?, ?)",
                   [account, person, sessionHash, reason, text, now])
        try AuditTrail.record(db, at: now, account: account, .breakGlass, subjectType: "personne", subjectID: String(person), detail: reason.label)
    }

    package struct Filter: Sendable {
        package var from: Int64?
        package var to: Int64?
        package var login: String?
        package var personID: Int64?
        package var limit = 500

        package init() {}
    }

    package static func list(_ db: Connection, _ filter: Filter) throws -> [Entry] {
        try db.query("""
            SELECT g.*, a.display_name, a.login FROM break_glass g JOIN accounts a ON a.id = g.account_id
            WHERE (? IS NULL OR g.at >= ?) AND (? IS NULL OR g.at < ?) AND (? IS NULL OR a.login = ? COLLATE NOCASE) AND (? IS NULL OR g.person_id = ?)
            ORDER BY g.at DESC, g.id DESC LIMIT ?
            """, [filter.from, filter.from, filter.to, filter.to, filter.login, filter.login, filter.personID, filter.personID, filter.limit]).compactMap { row in
            guard let id = row.int64("id"), let reason: Reason = row.value("reason") else { return nil }
            return Entry(id: id, at: row.int64("at") ?? 0, accountID: row.int64("account_id") ?? 0, accountName: row.string("display_name") ?? "",
                         login: row.string("login") ?? "", personID: row.int64("person_id") ?? 0, reason: reason, text: row.string("reason_text") ?? "")
        }
    }

    /// Since `since` (the dashboard's last seven days).
    package static func count(_ db: Connection, since: Int64) throws -> Int {
        try db.int("SELECT count(*) FROM break_glass WHERE at >= ?", [since]) ?? 0
    }
}
