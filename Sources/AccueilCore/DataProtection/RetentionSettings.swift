import SQLiteStore

/// The retention period of each category, in months, as the administrator set it.
public struct RetentionSettings: Sendable, Equatable {
    public var months: [RetentionCategory: Int]

    public static let defaults = RetentionSettings(months: Dictionary(uniqueKeysWithValues: RetentionCategory.allCases.map { ($0, $0.defaultMonths) }))

    public subscript(_ category: RetentionCategory) -> Int { months[category] ?? category.defaultMonths }

    /// One month is a twelfth of an average Gregorian year, so periods do not depend on the calendar.
    package static let secondsPerMonth: Int64 = 2_629_746

    /// Rows whose reference date is before this instant are due.
    public func cutoff(_ category: RetentionCategory, now: Int64) -> Int64 { now - Int64(self[category]) * Self.secondsPerMonth }

    /// French messages, by field name. The identity must outlive the other person-linked categories:
    /// once the person is gone, nothing can tell the last contact of what remains.
    public func validationErrors() -> [(field: String, message: String)] {
        var errors: [(field: String, message: String)] = []
        for category in RetentionCategory.allCases {
            let value = self[category]
            if value < category.minimumMonths || value > RetentionCategory.maximumMonths {
                errors.append((category.rawValue, "\(category.label) : la durée doit être comprise entre \(category.minimumMonths) et \(RetentionCategory.maximumMonths) mois."))
            }
        }
        for category in [RetentionCategory.household, .notes, .orientations] where self[category] > self[.identity] {
            errors.append((category.rawValue, "\(category.label) : la durée ne peut pas dépasser celle de l'identité (\(self[.identity]) mois)."))
        }
        return errors
    }

    package static func load(_ db: Connection) throws -> RetentionSettings {
        var settings = RetentionSettings.defaults
        for row in try db.query("SELECT category, months FROM retention_settings") {
            if let category = RetentionCategory(rawValue: row.string("category") ?? ""), let months = row.int("months") {
                settings.months[category] = months
            }
        }
        return settings
    }

    package func save(_ db: Connection, account: Int64?, at now: Int64) throws {
        for category in RetentionCategory.allCases {
            try db.run("""
                INSERT INTO retention_settings (category, months, updated_at, account_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (category) DO UPDATE SET months = excluded.months, updated_at = excluded.updated_at, account_id = excluded.account_id
                """, [category.rawValue, self[category], now, account])
        }
    }

    /// "identite=24,foyer=12,…" for the audit trail (no personal data).
    package var auditDetail: String { RetentionCategory.allCases.map { "\($0.rawValue)=\(self[$0])" }.joined(separator: ",") }
}
