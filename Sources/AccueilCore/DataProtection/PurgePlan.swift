import SQLiteStore

/// Exactly what a purge would delete or anonymise at one instant: row identifiers per category. The
/// preview (admin page, `purge --dry-run`) counts this plan and the purge executes this same plan, so
/// what was announced is what goes.
public struct PurgePlan: Sendable, Equatable {
    /// Person files to delete (their merged duplicates included).
    public var persons: [Int64] = []
    /// Intakes whose household details are reduced.
    public var households: [Int64] = []
    public var notes: [Int64] = []
    /// Orientations that lose their link to the person.
    public var orientations: [Int64] = []
    /// Audit entries before this instant are deleted.
    public var auditBefore: Int64 = 0
    public var auditEntries = 0

    public func count(_ category: RetentionCategory) -> Int {
        switch category {
        case .identity: persons.count
        case .household: households.count
        case .notes: notes.count
        case .orientations: orientations.count
        case .audit: auditEntries
        }
    }

    public var isEmpty: Bool { RetentionCategory.allCases.allSatisfy { count($0) == 0 } }

    /// "identite=3,foyer=5,…", for the audit trail and the command line.
    public var summary: String { RetentionCategory.allCases.map { "\($0.rawValue)=\(count($0))" }.joined(separator: ",") }

    /// The person's last contact: the latest of an intake, an orientation or its outcome, and a change
    /// to the file (a merge or a rectification asked by the person counts as contact).
    package static let lastContact = """
        max(p.updated_at,
            coalesce((SELECT max(i.at) FROM intakes i WHERE i.person_id = p.id), 0),
            coalesce((SELECT max(coalesce(o.status_at, o.created_at)) FROM orientations o WHERE o.person_id = p.id), 0))
        """

    package static func make(_ db: Connection, settings: RetentionSettings, now: Int64) throws -> PurgePlan {
        func ids(_ sql: String, _ parameters: [any SQLBindable]) throws -> [Int64] {
            try db.query(sql, parameters).compactMap { $0.int64("id") }
        }
        var plan = PurgePlan()
        plan.persons = try ids("SELECT p.id FROM persons p WHERE \(lastContact) < ? ORDER BY p.id", [settings.cutoff(.identity, now: now)])
        plan.households = try ids("""
            SELECT id FROM intakes WHERE household_purged_at IS NULL AND person_id IN (SELECT p.id FROM persons p WHERE \(lastContact) < ?) ORDER BY id
            """, [settings.cutoff(.household, now: now)])
        plan.notes = try ids("""
            SELECT n.id FROM intake_notes n JOIN intakes i ON i.id = n.intake_id
            WHERE i.person_id IN (SELECT p.id FROM persons p WHERE \(lastContact) < ?) ORDER BY n.id
            """, [settings.cutoff(.notes, now: now)])
        plan.orientations = try ids("""
            SELECT id FROM orientations WHERE person_id IN (SELECT p.id FROM persons p WHERE \(lastContact) < ?) ORDER BY id
            """, [settings.cutoff(.orientations, now: now)])
        plan.auditBefore = settings.cutoff(.audit, now: now)
        plan.auditEntries = try db.int("SELECT count(*) FROM audit_log WHERE at < ?", [plan.auditBefore]) ?? 0
        return plan
    }
}
