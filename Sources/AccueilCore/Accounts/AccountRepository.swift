import SQLiteStore

/// Reads and writes accounts, their roles and sites. Callers hold the transaction and write the audit row.
package enum AccountRepository {
    package static func find(_ db: Connection, id: Int64) throws -> Account? {
        guard let row = try db.queryOne("SELECT * FROM accounts WHERE id = ?", [id]) else { return nil }
        return try account(db, row)
    }

    package static func find(_ db: Connection, login: String) throws -> (account: Account, passwordHash: String)? {
        guard let row = try db.queryOne("SELECT * FROM accounts WHERE login = ?", [login]) else { return nil }
        return (try account(db, row), row.string("password_hash") ?? "")
    }

    package static func all(_ db: Connection) throws -> [Account] {
        try db.query("SELECT * FROM accounts ORDER BY disabled, display_name COLLATE NOCASE").map { try account(db, $0) }
    }

    package static func count(_ db: Connection) throws -> Int { try db.int("SELECT count(*) FROM accounts") ?? 0 }

    package static func countActiveAdministrators(_ db: Connection) throws -> Int {
        try db.int("""
            SELECT count(*) FROM accounts a JOIN account_roles r ON r.account_id = a.id
            WHERE r.role = 'administrateur' AND a.disabled = 0 AND a.is_demo = 0
            """) ?? 0
    }

    package static func countDemoAccounts(_ db: Connection) throws -> Int {
        try db.int("SELECT count(*) FROM accounts WHERE is_demo = 1 AND disabled = 0") ?? 0
    }

    package struct NewAccount {
        package var login: String
        package var displayName: String
        package var institution: Institution
        package var roles: Set<Role>
        package var siteIDs: [String]
        package var passwordHash: String
        package var mustChangePassword = false
        package var isDemo = false

        package init(login: String, displayName: String, institution: Institution, roles: Set<Role>, siteIDs: [String], passwordHash: String,
                     mustChangePassword: Bool = false, isDemo: Bool = false) {
            self.login = login
            self.displayName = displayName
            self.institution = institution
            self.roles = roles
            self.siteIDs = siteIDs
            self.passwordHash = passwordHash
            self.mustChangePassword = mustChangePassword
            self.isDemo = isDemo
        }
    }

    package static func insert(_ db: Connection, _ new: NewAccount, at: Int64) throws -> Int64 {
        try db.run("""
            INSERT INTO accounts (login, display_name, institution, password_hash, must_change_password, is_demo, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [new.login, new.displayName, new.institution.rawValue, new.passwordHash, new.mustChangePassword, new.isDemo, at])
        let id = db.lastInsertRowID
        try setRolesAndSites(db, id: id, roles: new.roles, siteIDs: new.siteIDs)
        return id
    }

    package static func setRolesAndSites(_ db: Connection, id: Int64, roles: Set<Role>, siteIDs: [String]) throws {
        try db.run("DELETE FROM account_roles WHERE account_id = ?", [id])
        for role in roles.sorted() { try db.run("INSERT INTO account_roles (account_id, role) VALUES (?, ?)", [id, role.rawValue]) }
        try db.run("DELETE FROM account_sites WHERE account_id = ?", [id])
        for (position, site) in siteIDs.enumerated() {
            try db.run("INSERT INTO account_sites (account_id, site_id, position) VALUES (?, ?, ?)", [id, site, position])
        }
    }

    package static func update(_ db: Connection, id: Int64, displayName: String, institution: Institution) throws {
        try db.run("UPDATE accounts SET display_name = ?, institution = ? WHERE id = ?", [displayName, institution.rawValue, id])
    }

    package static func setPassword(_ db: Connection, id: Int64, hash: String, mustChange: Bool) throws {
        try db.run("UPDATE accounts SET password_hash = ?, must_change_password = ? WHERE id = ?", [hash, mustChange, id])
    }

    /// Disabling also ends every session of the account, at once.
    /// Disabling ends the account's sessions and revokes its calendar links for good: enabling the
    /// account again gives back the sign-in, not links that were in other hands meanwhile.
    package static func setDisabled(_ db: Connection, id: Int64, _ disabled: Bool, by actor: Int64, at now: Int64) throws {
        try db.run("UPDATE accounts SET disabled = ? WHERE id = ?", [disabled, id])
        if disabled {
            try SessionRepository.endAll(db, accountID: id)
            try CalendarSubscriptionRepository.revokeAll(db, createdBy: id, by: actor, at: now)
        }
    }

    private static func account(_ db: Connection, _ row: Row) throws -> Account {
        let id = row.int64("id") ?? 0
        let roles = try db.query("SELECT role FROM account_roles WHERE account_id = ?", [id]).compactMap { $0.string("role").flatMap(Role.init) }
        let sites = try db.query("SELECT site_id FROM account_sites WHERE account_id = ? ORDER BY position", [id]).compactMap { $0.string("site_id") }
        return Account(id: id, login: row.string("login") ?? "", displayName: row.string("display_name") ?? "",
                       institution: Institution(rawValue: row.string("institution") ?? "") ?? .ccas,
                       roles: Set(roles), siteIDs: sites, disabled: row.bool("disabled") ?? false,
                       mustChangePassword: row.bool("must_change_password") ?? false, isDemo: row.bool("is_demo") ?? false)
    }
}
