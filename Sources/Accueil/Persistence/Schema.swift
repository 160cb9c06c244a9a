import SQLiteStore

/// Every migration of the application's database, in order. Once shipped, a migration never changes:
/// a correction is a new migration.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(1, "instance", sql: """
            CREATE TABLE instance_settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT;
            """),
        Migration(2, "accounts, sessions, audit trail", sql: """
            CREATE TABLE sites (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                circonscription TEXT,
                address TEXT,
                phone TEXT,
                opening_hours TEXT,
                accessibility TEXT,
                valid_from TEXT NOT NULL,
                valid_to TEXT
            ) STRICT;
            CREATE TABLE accounts (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE COLLATE NOCASE,
                display_name TEXT NOT NULL,
                institution TEXT NOT NULL CHECK (institution IN ('CCAS', 'MDS', 'PARTENAIRE')),
                password_hash TEXT NOT NULL,
                must_change_password INTEGER NOT NULL DEFAULT 0,
                disabled INTEGER NOT NULL DEFAULT 0,
                is_demo INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE TABLE account_roles (
                account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('agent', 'travailleur_social', 'responsable', 'administrateur')),
                PRIMARY KEY (account_id, role)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE account_sites (
                account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                site_id TEXT NOT NULL REFERENCES sites(id),
                position INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (account_id, site_id)
            ) STRICT, WITHOUT ROWID;
            -- Session identifiers are stored hashed (BLAKE2b): a copy of the database holds no live session.
            CREATE TABLE sessions (
                token_hash BLOB PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX sessions_by_account ON sessions(account_id);
            -- Append-only: who did what to which record, and when. Identifiers only, never personal data.
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                account_id INTEGER REFERENCES accounts(id),
                action TEXT NOT NULL,
                subject_type TEXT,
                subject_id TEXT,
                detail TEXT
            ) STRICT;
            CREATE INDEX audit_by_subject ON audit_log(subject_type, subject_id, at);
            CREATE INDEX audit_by_account ON audit_log(account_id, at);
            CREATE INDEX audit_by_action ON audit_log(action, at);
            CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            """),
    ]

    public static var migrator: Migrator { Migrator(migrations) }
}
