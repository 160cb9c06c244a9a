import SQLiteStore

/// What the managers write in the bilan — the context and the vigilance points — kept with the
/// bilan's period and site: every save is a new version (the latest is read, the earlier ones kept)
/// and a line of the audit trail (who, when, which period).
package struct BilanTexts: Sendable, Equatable {
    package static let maximumLength = 8_000

    package var context = ""
    package var vigilance = ""
    package var updatedAt: Int64?

    package init(context: String = "", vigilance: String = "", updatedAt: Int64? = nil) {
        self.context = context
        self.vigilance = vigilance
        self.updatedAt = updatedAt
    }

    package static func load(_ db: Connection, _ period: StatisticsPeriod) throws -> BilanTexts {
        guard let row = try db.queryOne("SELECT * FROM bilan_texts WHERE period_from = ? AND period_to = ? AND site_id = ? ORDER BY id DESC LIMIT 1",
                                        [period.from.description, period.to.description, period.siteID ?? ""]) else { return BilanTexts() }
        return BilanTexts(context: row.string("context") ?? "", vigilance: row.string("vigilance") ?? "", updatedAt: row.int64("updated_at"))
    }

    /// Saves both texts for the period (the caller's transaction), audited.
    package static func save(_ db: Connection, _ texts: BilanTexts, for period: StatisticsPeriod, by account: Int64, at now: Int64) throws {
        try db.run("""
            INSERT INTO bilan_texts (period_from, period_to, site_id, context, vigilance, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [period.from.description, period.to.description, period.siteID ?? "", texts.context, texts.vigilance, account, now])
        try AuditTrail.record(db, at: now, account: account, .bilanTextsSaved, subjectType: "bilan",
                              subjectID: "\(period.from)…\(period.to)\(period.siteID.map { " " + $0 } ?? "")")
    }
}
