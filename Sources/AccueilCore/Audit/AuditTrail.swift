import SQLiteStore

/// Appends to the audit trail, inside the caller's transaction, so the change and its trace commit together.
public struct AuditEntry: Sendable {
    public let id: Int64
    public let at: Int64
    public let accountID: Int64?
    public let accountLogin: String?
    public let action: String
    public let subjectType: String?
    public let subjectID: String?
    public let detail: String?
}

public enum AuditTrail {
    /// - Parameter detail: non-personal context only (role names, a field list), never names or notes.
    public static func record(_ db: Connection, at: Int64, account: Int64?, _ action: AuditAction,
                              subjectType: String? = nil, subjectID: String? = nil, detail: String? = nil) throws {
        try AuditChain.append(db, at: at, account: account, action: action.rawValue, subjectType: subjectType, subjectID: subjectID, detail: detail)
    }

    public struct Filter: Sendable {
        public var subjectType: String?
        public var subjectID: String?
        public var accountID: Int64?
        public var action: String?
        public var from: Int64?
        public var to: Int64?
        public var limit = 500

        public init() {}
    }

    public static func entries(_ db: Connection, _ filter: Filter) throws -> [AuditEntry] {
        var conditions: [String] = []
        var parameters: [any SQLBindable] = []
        if let value = filter.subjectType { conditions.append("l.subject_type = ?"); parameters.append(value) }
        if let value = filter.subjectID { conditions.append("l.subject_id = ?"); parameters.append(value) }
        if let value = filter.accountID { conditions.append("l.account_id = ?"); parameters.append(value) }
        if let value = filter.action { conditions.append("l.action = ?"); parameters.append(value) }
        if let value = filter.from { conditions.append("l.at >= ?"); parameters.append(value) }
        if let value = filter.to { conditions.append("l.at < ?"); parameters.append(value) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        parameters.append(filter.limit)
        return try db.query("""
            SELECT l.id, l.at, l.account_id, a.login, l.action, l.subject_type, l.subject_id, l.detail
            FROM audit_log l LEFT JOIN accounts a ON a.id = l.account_id
            \(whereClause) ORDER BY l.id DESC LIMIT ?
            """, parameters).map { row in
            AuditEntry(id: row.int64("id") ?? 0, at: row.int64("at") ?? 0, accountID: row.int64("account_id"),
                       accountLogin: row.string("login"), action: row.string("action") ?? "",
                       subjectType: row.string("subject_type"), subjectID: row.string("subject_id"), detail: row.string("detail"))
        }
    }
}
