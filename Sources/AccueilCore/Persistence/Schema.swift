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
        Migration(3, "persons, intakes, orientations", sql: """
            -- A person received at the desk. name_key is the name without accents, case or punctuation,
            -- for finding a known person ("double sollicitation").
            CREATE TABLE persons (
                id INTEGER PRIMARY KEY,
                last_name TEXT NOT NULL,
                first_name TEXT NOT NULL,
                birth_date TEXT,
                phone TEXT,
                name_key TEXT NOT NULL,
                followed_by TEXT CHECK (followed_by IN ('CCAS', 'MDS')),
                referent TEXT,
                merged_into INTEGER REFERENCES persons(id),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX persons_by_name ON persons(name_key, birth_date) WHERE merged_into IS NULL;
            CREATE TABLE intakes (
                id INTEGER PRIMARY KEY,
                person_id INTEGER REFERENCES persons(id),
                at INTEGER NOT NULL,
                site_id TEXT NOT NULL REFERENCES sites(id),
                account_id INTEGER NOT NULL REFERENCES accounts(id),
                channel TEXT NOT NULL CHECK (channel IN ('sur_place', 'telephone', 'courriel')),
                level INTEGER NOT NULL CHECK (level IN (1, 2)),
                information_only INTEGER NOT NULL DEFAULT 0,
                household TEXT,
                age INTEGER,
                interpreter_language TEXT,
                accessibility_needs TEXT,
                consent_orientation INTEGER NOT NULL DEFAULT 0,
                consent_sharing INTEGER NOT NULL DEFAULT 0,
                known_person INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            CREATE INDEX intakes_by_person ON intakes(person_id, at);
            CREATE INDEX intakes_by_time ON intakes(at);
            CREATE TABLE intake_motives (
                intake_id INTEGER NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
                motive TEXT NOT NULL,
                PRIMARY KEY (intake_id, motive)
            ) STRICT, WITHOUT ROWID;
            -- Notes are readable by the social workers of the writer's institution only.
            CREATE TABLE intake_notes (
                id INTEGER PRIMARY KEY,
                intake_id INTEGER NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
                institution TEXT NOT NULL,
                account_id INTEGER NOT NULL REFERENCES accounts(id),
                at INTEGER NOT NULL,
                text TEXT NOT NULL
            ) STRICT;
            CREATE TABLE orientations (
                id INTEGER PRIMARY KEY,
                reference TEXT NOT NULL UNIQUE,
                intake_id INTEGER NOT NULL REFERENCES intakes(id),
                person_id INTEGER REFERENCES persons(id),
                created_at INTEGER NOT NULL,
                account_id INTEGER NOT NULL REFERENCES accounts(id),
                service TEXT NOT NULL CHECK (service IN ('CCAS', 'MDS')),
                site_id TEXT REFERENCES sites(id),
                circonscription TEXT,
                reasons TEXT NOT NULL,
                suggestions TEXT NOT NULL DEFAULT '',
                is_derogation INTEGER NOT NULL DEFAULT 0,
                derogation_justification TEXT,
                derogation_agreed_by TEXT,
                booking_kind TEXT CHECK (booking_kind IN ('rendez_vous', 'permanence')),
                booking_date TEXT,
                booking_time TEXT,
                booking_place TEXT,
                status TEXT NOT NULL DEFAULT 'ouverte' CHECK (status IN ('ouverte', 'honoree', 'non_honoree', 'excusee', 'reorientee')),
                status_at INTEGER,
                status_account_id INTEGER REFERENCES accounts(id),
                reoriented_to INTEGER REFERENCES orientations(id)
            ) STRICT;
            CREATE INDEX orientations_by_destination ON orientations(site_id, status, booking_date);
            CREATE INDEX orientations_by_person ON orientations(person_id, created_at);
            """),
        Migration(4, "permanence planning and bookings", sql: """
            -- Social workers who hold permanences (Planning.SocialWorker); linked to an account when they have one.
            CREATE TABLE social_workers (
                id TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                institution TEXT NOT NULL CHECK (institution IN ('ccas', 'departement')),
                circonscription TEXT,
                account_id INTEGER UNIQUE REFERENCES accounts(id),
                active INTEGER NOT NULL DEFAULT 1
            ) STRICT;
            -- One line of the Annexe 4 grids (Planning.Permanence). The id never changes: occurrence ids,
            -- bookings and calendar UIDs derive from it. recurrence is JSON (see RecurrenceJSON).
            CREATE TABLE permanences (
                id TEXT PRIMARY KEY,
                host_site_id TEXT NOT NULL REFERENCES sites(id),
                sending_institution TEXT NOT NULL CHECK (sending_institution IN ('ccas', 'departement')),
                circonscription TEXT,
                weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
                half_day TEXT NOT NULL CHECK (half_day IN ('morning', 'afternoon')),
                start_time TEXT NOT NULL,
                end_time TEXT NOT NULL CHECK (end_time > start_time),
                recurrence TEXT NOT NULL,
                valid_from TEXT NOT NULL,
                valid_to TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
                titulaire_id TEXT NOT NULL REFERENCES social_workers(id),
                suppleant_id TEXT REFERENCES social_workers(id),
                mode TEXT NOT NULL CHECK (mode IN ('rendez_vous', 'sans_rendez_vous')),
                slot_minutes INTEGER CHECK (slot_minutes IS NULL OR slot_minutes > 0),
                capacity INTEGER NOT NULL CHECK (capacity >= 0),
                updated_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX permanences_by_site ON permanences(host_site_id);
            CREATE TABLE site_closures (
                id INTEGER PRIMARY KEY,
                site_id TEXT NOT NULL REFERENCES sites(id),
                first_day TEXT NOT NULL,
                last_day TEXT NOT NULL CHECK (last_day >= first_day),
                reason TEXT NOT NULL DEFAULT ''
            ) STRICT;
            -- The reason stays here (health, leave): it never reaches pages other than the managers', nor calendars.
            CREATE TABLE worker_absences (
                id INTEGER PRIMARY KEY,
                worker_id TEXT NOT NULL REFERENCES social_workers(id),
                first_day TEXT NOT NULL,
                last_day TEXT NOT NULL CHECK (last_day >= first_day),
                reason TEXT NOT NULL DEFAULT ''
            ) STRICT;
            -- A person holding a place in a slot of an occurrence ("<permanence id>-<YYYYMMDD>").
            -- place numbers the places of the slot (1…capacity for appointments): the partial unique
            -- index makes two live bookings of the same place impossible, whatever the code above does.
            CREATE TABLE bookings (
                id INTEGER PRIMARY KEY,
                occurrence_id TEXT NOT NULL,
                permanence_id TEXT NOT NULL REFERENCES permanences(id),
                occurrence_date TEXT NOT NULL,
                slot_start TEXT NOT NULL,
                place INTEGER NOT NULL CHECK (place >= 1),
                orientation_id INTEGER REFERENCES orientations(id),
                person_id INTEGER NOT NULL REFERENCES persons(id),
                account_id INTEGER REFERENCES accounts(id),
                created_at INTEGER NOT NULL,
                cancelled_at INTEGER,
                cancelled_by INTEGER REFERENCES accounts(id)
            ) STRICT;
            CREATE UNIQUE INDEX bookings_one_per_place ON bookings(occurrence_id, slot_start, place) WHERE cancelled_at IS NULL;
            CREATE UNIQUE INDEX bookings_once_per_person ON bookings(occurrence_id, person_id) WHERE cancelled_at IS NULL;
            CREATE INDEX bookings_by_date ON bookings(occurrence_date) WHERE cancelled_at IS NULL;
            CREATE INDEX bookings_by_orientation ON bookings(orientation_id);
            """),
        Migration(5, "activity figures: denormalised facts and summary counters") { db in
            try db.execute("""
                -- Paris day of the contact, and household facts derived once from the household JSON.
                ALTER TABLE intakes ADD COLUMN day TEXT;
                ALTER TABLE intakes ADD COLUMN household_type TEXT
                    CHECK (household_type IN ('seul', 'couple', 'monoparental', 'couple_enfants'));
                ALTER TABLE intakes ADD COLUMN pregnant INTEGER NOT NULL DEFAULT 0;
                -- Paris day of the orientation and the site where the person was received.
                ALTER TABLE orientations ADD COLUMN day TEXT;
                ALTER TABLE orientations ADD COLUMN reception_site_id TEXT;
                -- The orientations of an intake (decision page, re-orientation link on insert) without a table scan.
                CREATE INDEX orientations_by_intake ON orientations(intake_id);
                -- Overdue orientations are counted on open rows only, which stay few; covering (status included, or SQLite reads the rows).
                CREATE INDEX orientations_open_by_day ON orientations(day, reception_site_id, booking_date, status) WHERE status = 'ouverte';
                -- Counters kept in the transaction of each write (see StatisticsCounters), per reception site and
                -- for all sites together (site_id '*'), by day ("2026-11-16"), month ("2026-11") and year ("2026").
                CREATE TABLE stat_days (
                    site_id TEXT NOT NULL,
                    period TEXT NOT NULL,
                    dimension TEXT NOT NULL,
                    key TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (site_id, period, dimension, key)
                ) STRICT, WITHOUT ROWID;
                CREATE TABLE stat_months (
                    site_id TEXT NOT NULL,
                    period TEXT NOT NULL,
                    dimension TEXT NOT NULL,
                    key TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (site_id, period, dimension, key)
                ) STRICT, WITHOUT ROWID;
                CREATE TABLE stat_years (
                    site_id TEXT NOT NULL,
                    period TEXT NOT NULL,
                    dimension TEXT NOT NULL,
                    key TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (site_id, period, dimension, key)
                ) STRICT, WITHOUT ROWID;
                """)
            try StatisticsBackfill.run(db)
        },
        Migration(6, "data protection: retention periods, audit purge window", sql: """
            -- Retention per data category, in months after the person's last contact (the audit trail:
            -- after each entry). Defaults and their reasons: docs/retention.md.
            CREATE TABLE retention_settings (
                category TEXT PRIMARY KEY CHECK (category IN ('identite', 'foyer', 'notes', 'orientations', 'journal')),
                months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 120),
                updated_at INTEGER,
                account_id INTEGER REFERENCES accounts(id)
            ) STRICT;
            INSERT INTO retention_settings (category, months) VALUES
                ('identite', 24), ('foyer', 12), ('notes', 24), ('orientations', 24), ('journal', 12);
            -- Deleting a person checks every table that points at it: without these indexes each deletion
            -- scans persons (merged_into) and bookings, and a first purge of 100,000 files takes hours.
            -- Partial: it serves "who was merged into this file", and must not tempt the planner for the
            -- common "merged_into IS NULL" filter of the name search (persons_by_name serves that).
            CREATE INDEX persons_by_merged_into ON persons(merged_into) WHERE merged_into IS NOT NULL;
            CREATE INDEX bookings_by_person ON bookings(person_id);
            -- When an intake's household details were reduced to what the figures need.
            ALTER TABLE intakes ADD COLUMN household_purged_at INTEGER;
            -- The audit trail stays append-only for the application: the purge opens this one-row window
            -- inside its own transaction and closes it before committing. Even with the window open, the
            -- trigger below refuses rows younger than the window or than 183 days by the database's own
            -- clock, so neither a bug nor a misconfigured retention can erase recent traces.
            CREATE TABLE audit_purge_window (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                before INTEGER NOT NULL
            ) STRICT;
            DROP TRIGGER audit_log_is_append_only_delete;
            CREATE TRIGGER audit_log_delete_only_expired BEFORE DELETE ON audit_log
                WHEN old.at >= coalesce((SELECT min(before, unixepoch() - 183 * 86400) FROM audit_purge_window WHERE id = 1), -9223372036854775808)
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: only entries past the retention limit may be purged'); END;
            """),
        Migration(7, "permanence figures: places booked, people received") { db in
            try db.execute("""
                -- One row per booking whose person came (see PermanenceFacts): where and when, who sent the
                -- social worker, and the two facts the experiment's figures split on. person_key tells people
                -- apart within a period: the person's id while the file exists; when the file is deleted,
                -- minus the id of that person's first row here (rows are never deleted, so no id comes back),
                -- and booking_id becomes NULL (a deleted booking's id may be given again).
                CREATE TABLE permanence_receptions (
                    id INTEGER PRIMARY KEY,
                    booking_id INTEGER UNIQUE,
                    permanence_id TEXT NOT NULL,
                    occurrence_date TEXT NOT NULL,
                    host_site_id TEXT NOT NULL,
                    sending_institution TEXT NOT NULL,
                    circonscription TEXT,
                    person_key INTEGER NOT NULL,
                    known_person INTEGER NOT NULL,
                    without_minor_children INTEGER NOT NULL
                ) STRICT;
                -- Covering: the figures read a range of days and count people without touching the rows.
                CREATE INDEX permanence_receptions_by_day ON permanence_receptions(occurrence_date, host_site_id, sending_institution,
                    person_key, known_person, without_minor_children, permanence_id);
                CREATE INDEX permanence_receptions_by_person ON permanence_receptions(person_key);
                -- Past sessions as they were (see PermanenceSessions): once a day is over, its occurrences are
                -- written here, so that editing a permanence or an absence later does not rewrite history.
                -- outcome: 'tenue', or why it did not take place ('ferie', 'fermeture', 'absences').
                CREATE TABLE permanence_sessions (
                    permanence_id TEXT NOT NULL,
                    date TEXT NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('tenue', 'ferie', 'fermeture', 'absences')),
                    places INTEGER NOT NULL,
                    PRIMARY KEY (date, permanence_id)
                ) STRICT, WITHOUT ROWID;
                """)
            try PermanenceFacts.backfill(db)
        },
        Migration(8, "calendar subscription links", sql: """
            -- Secret subscription URLs (/agenda/<token>.ics) for calendar clients that cannot sign in.
            -- Only the BLAKE2b hash of the 256-bit token is kept (as for sessions): a copy of the
            -- database does not hold working links. kind + subject_id name the feed (a site or a
            -- social worker); a revoked row stays for the record.
            CREATE TABLE calendar_subscriptions (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('site', 'travailleur')),
                subject_id TEXT NOT NULL,
                token_hash BLOB NOT NULL UNIQUE,
                created_by INTEGER NOT NULL REFERENCES accounts(id),
                created_at INTEGER NOT NULL,
                revoked_at INTEGER,
                revoked_by INTEGER REFERENCES accounts(id),
                last_used_at INTEGER
            ) STRICT;
            CREATE INDEX calendar_subscriptions_by_creator ON calendar_subscriptions(created_by);
            """),
        Migration(9, "slip for the person: languages, rules kept, no placeholder site data") { db in
            try SlipDataMigration.apply(db)
        },
        Migration(10, "the rule as agreed: derogations by both institutions, standing adjustments") { db in
            try db.execute("""
            -- A derogation names who agreed for the PTS and for the CCAS; rows recorded before keep
            -- their single derogation_agreed_by. `adjustment` is the reference of the standing
            -- adjustment the rule applied, if any.
            ALTER TABLE orientations ADD COLUMN derogation_agreed_by_pts TEXT;
            ALTER TABLE orientations ADD COLUMN derogation_agreed_by_ccas TEXT;
            ALTER TABLE orientations ADD COLUMN adjustment TEXT;
            -- Standing adjustments of the rule (convention, Article 3). The agreed content is never
            -- edited: an adjustment is recorded, then possibly ended (valid_to, ended_by, ended_at).
            CREATE TABLE rule_adjustments (
                id INTEGER PRIMARY KEY,
                reference TEXT NOT NULL UNIQUE,
                text TEXT NOT NULL,
                service TEXT NOT NULL CHECK (service IN ('CCAS', 'MDS')),
                site_id TEXT REFERENCES sites(id),
                conditions TEXT NOT NULL,
                agreed_by_pts TEXT NOT NULL,
                agreed_by_ccas TEXT NOT NULL,
                agreed_on TEXT NOT NULL,
                valid_from TEXT NOT NULL,
                valid_to TEXT,
                recorded_by INTEGER NOT NULL REFERENCES accounts(id),
                recorded_at INTEGER NOT NULL,
                ended_by INTEGER REFERENCES accounts(id),
                ended_at INTEGER
            ) STRICT;
            """)
            // The convention lists the Trois-Conils antenna from 1 January 2023 (Annexe 2); earlier
            // versions seeded 2024. An administrator's own date stays.
            try db.run("UPDATE sites SET valid_from = '2023-01-01' WHERE id = 'antenne-trois-conils' AND valid_from = '2024-01-01'")
            // Derogations recorded before are counted by service too, as new ones are. A database
            // migrated from before version 5 was just counted by today's code: start afresh.
            for table in ["stat_days", "stat_months", "stat_years"] {
                try db.run("DELETE FROM \(table) WHERE dimension = ?", [StatisticsCounters.derogationByService])
            }
            try StatisticsCounters.batching(db) {
                for row in try db.query("SELECT service, day, reception_site_id FROM orientations WHERE is_derogation = 1 AND day IS NOT NULL") {
                    try StatisticsCounters.add(db, day: row.string("day") ?? "", siteID: row.string("reception_site_id") ?? "",
                                               keys: [(StatisticsCounters.derogationByService, row.string("service") ?? "")])
                }
            }
        },
        Migration(11, "protection alerts: information préoccupante, vulnerable adults", sql: """
            -- Raised at the desk, read on a need-to-know basis (author, MDS concerned, and the CCAS for
            -- an adult), every read audited. The note is short and factual.
            CREATE TABLE protection_reports (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('information_preoccupante', 'adulte_vulnerable')),
                intake_id INTEGER NOT NULL REFERENCES intakes(id),
                person_id INTEGER REFERENCES persons(id),
                raised_by INTEGER NOT NULL REFERENCES accounts(id),
                raised_at INTEGER NOT NULL,
                note TEXT NOT NULL,
                site_id TEXT NOT NULL REFERENCES sites(id),
                sent_to_crip INTEGER NOT NULL DEFAULT 0,
                acknowledged_by INTEGER REFERENCES accounts(id),
                acknowledged_at INTEGER,
                forwarded_to_crip_by INTEGER REFERENCES accounts(id),
                forwarded_to_crip_at INTEGER
            ) STRICT;
            CREATE INDEX protection_reports_open ON protection_reports(raised_at) WHERE acknowledged_at IS NULL;
            CREATE INDEX protection_reports_by_intake ON protection_reports(intake_id);
            CREATE INDEX protection_reports_by_person ON protection_reports(person_id);
            """),
        Migration(12, "street table and communes of the Gironde; orientations outside Bordeaux", sql: """
            -- Each import of a table is kept, with who imported it from which file. Rows are never
            -- deleted: an import that replaces the table from a day ends the rows then in force
            -- (valid_to, ended_by_import), so the sector or commune of a past date can be read back.
            CREATE TABLE territory_imports (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('voies', 'communes')),
                file_name TEXT NOT NULL,
                source TEXT NOT NULL,
                line_count INTEGER NOT NULL,
                replaces_from TEXT,
                imported_by INTEGER REFERENCES accounts(id),
                imported_at INTEGER NOT NULL
            ) STRICT;
            CREATE TABLE street_segments (
                id INTEGER PRIMARY KEY,
                import_id INTEGER NOT NULL REFERENCES territory_imports(id),
                line INTEGER NOT NULL,
                street TEXT NOT NULL,
                street_key TEXT NOT NULL,
                number_from INTEGER,
                number_to INTEGER,
                parity TEXT NOT NULL CHECK (parity IN ('tous', 'pair', 'impair')),
                postcode TEXT NOT NULL,
                sector TEXT NOT NULL,
                valid_from TEXT NOT NULL,
                valid_to TEXT,
                ended_by_import INTEGER REFERENCES territory_imports(id)
            ) STRICT;
            CREATE INDEX street_segments_by_key ON street_segments(street_key);
            CREATE TABLE commune_services (
                id INTEGER PRIMARY KEY,
                import_id INTEGER NOT NULL REFERENCES territory_imports(id),
                line INTEGER NOT NULL,
                insee_code TEXT NOT NULL,
                name TEXT NOT NULL,
                ccas_name TEXT,
                ccas_address TEXT,
                ccas_phone TEXT,
                ccas_email TEXT,
                mds_name TEXT,
                mds_address TEXT,
                mds_phone TEXT,
                mds_email TEXT,
                to_confirm INTEGER NOT NULL,
                valid_from TEXT NOT NULL,
                valid_to TEXT,
                ended_by_import INTEGER REFERENCES territory_imports(id)
            ) STRICT;
            CREATE INDEX commune_services_by_code ON commune_services(insee_code);
            -- The INSEE code of the commune whose services a resident of another commune was sent to
            -- (« hors Bordeaux »); NULL for Bordeaux's own services.
            ALTER TABLE orientations ADD COLUMN commune TEXT;
            """),
        Migration(13, "need-to-know: break-glass access; reversible merges", sql: """
            -- An account opening a person outside its scope states why (« bris de glace »): granted for
            -- that person for the rest of the session (session_hash), reviewed by the administrators and
            -- the data-protection contact. Kept as long as the audit trail.
            CREATE TABLE break_glass (
                id INTEGER PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES accounts(id),
                person_id INTEGER NOT NULL,
                session_hash BLOB NOT NULL,
                reason TEXT NOT NULL CHECK (reason IN ('continuite', 'personne_presente', 'orientation', 'droits_rgpd', 'autre')),
                reason_text TEXT NOT NULL,
                at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX break_glass_by_session ON break_glass(session_hash, person_id);
            CREATE INDEX break_glass_by_at ON break_glass(at);
            -- A merge moves the duplicate's rows onto the kept file and lists them here, so that an
            -- unmerge moves exactly those back (what was recorded after the merge stays with the kept
            -- file). kept_phone / kept_birth_date: the kept file's values before the merge filled them.
            CREATE TABLE person_merges (
                id INTEGER PRIMARY KEY,
                kept_id INTEGER NOT NULL,
                duplicate_id INTEGER NOT NULL,
                moved TEXT NOT NULL,
                kept_phone TEXT,
                kept_birth_date TEXT,
                filled TEXT NOT NULL,
                after_rectification INTEGER NOT NULL DEFAULT 0,
                merged_by INTEGER NOT NULL REFERENCES accounts(id),
                merged_at INTEGER NOT NULL,
                unmerged_by INTEGER REFERENCES accounts(id),
                unmerged_at INTEGER
            ) STRICT;
            CREATE INDEX person_merges_by_kept ON person_merges(kept_id);
            CREATE INDEX person_merges_by_duplicate ON person_merges(duplicate_id);
            """),
        Migration(14, "tamper-evident audit trail: a hash chain from a recorded genesis") { db in
            try db.execute("""
                -- chain: BLAKE2b-256(previous link ‖ canonical row), see AuditChain. A checkpoint records
                -- the last link the retention purge removed; the first one, written here, is the genesis.
                ALTER TABLE audit_log ADD COLUMN chain BLOB;
                CREATE TABLE audit_checkpoints (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    last_removed_id INTEGER NOT NULL,
                    last_removed_link BLOB NOT NULL,
                    removed INTEGER NOT NULL
                ) STRICT;
                """)
            // The rows written before join the chain, in order, from the genesis: the append-only
            // trigger is lifted for this one rewrite, inside the migration's transaction.
            let first = Int64(try db.int("SELECT min(id) FROM audit_log") ?? 1)
            try db.run("INSERT INTO audit_checkpoints (at, last_removed_id, last_removed_link, removed) VALUES (unixepoch(), ?, zeroblob(32), 0)", [first - 1])
            try db.execute("DROP TRIGGER audit_log_is_append_only_update")
            var previous = AuditChain.genesis
            for row in try db.query("SELECT * FROM audit_log ORDER BY id") {
                guard let id = row.int64("id") else { continue }
                let link = AuditChain.link(previous: previous, row: row)
                try db.run("UPDATE audit_log SET chain = ? WHERE id = ?", [link, id])
                previous = link
            }
            try db.execute("""
                CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                """)
        },
        Migration(15, "audit checkpoints are append-only", sql: """
            -- A checkpoint is where the verified chain starts: changing or removing one would let old
            -- rows vanish unseen (the log's « audit-checkpoint » lines are the outside proof).
            CREATE TRIGGER audit_checkpoints_are_append_only_update BEFORE UPDATE ON audit_checkpoints
                BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
            CREATE TRIGGER audit_checkpoints_are_append_only_delete BEFORE DELETE ON audit_checkpoints
                BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
            """),
        Migration(16, "partner directory in the data·inclusion schema; suggestions pointing to its services", sql: """
            -- Each record is stored as its data·inclusion v1 JSON (DirectoryStructure, DirectoryService):
            -- the export is what is stored. Every version is kept (directory_versions), with who and how.
            CREATE TABLE directory_structures (
                id TEXT PRIMARY KEY,
                data TEXT NOT NULL CHECK (json_valid(data)),
                updated_at INTEGER NOT NULL,
                updated_by INTEGER REFERENCES accounts(id)
            ) STRICT;
            CREATE TABLE directory_services (
                id TEXT PRIMARY KEY,
                structure_id TEXT NOT NULL REFERENCES directory_structures(id),
                data TEXT NOT NULL CHECK (json_valid(data)),
                updated_at INTEGER NOT NULL,
                updated_by INTEGER REFERENCES accounts(id)
            ) STRICT;
            CREATE INDEX directory_services_by_structure ON directory_services(structure_id);
            CREATE TABLE directory_versions (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('structure', 'service')),
                record_id TEXT NOT NULL,
                data TEXT NOT NULL,
                origin TEXT NOT NULL,
                at INTEGER NOT NULL,
                account_id INTEGER REFERENCES accounts(id)
            ) STRICT;
            CREATE INDEX directory_versions_by_record ON directory_versions(kind, record_id, at);
            -- Which services answer a suggestion of the rule (CAIO, PLAJE…): the decision page and the slip show them.
            CREATE TABLE suggestion_services (
                suggestion TEXT NOT NULL,
                service_id TEXT NOT NULL REFERENCES directory_services(id),
                PRIMARY KEY (suggestion, service_id)
            ) STRICT, WITHOUT ROWID;
            """),
        Migration(17, "« où vous adresser » sheets of information-only contacts, counted by theme", sql: """
            -- The services printed for an anonymous information contact (one to three), and the schema's
            -- theme categories they answer, kept so that the figures' counters and the direct query agree
            -- whatever the directory becomes. No personal data: the contact itself has none.
            CREATE TABLE information_sheets (
                intake_id INTEGER NOT NULL REFERENCES intakes(id),
                position INTEGER NOT NULL,
                service_id TEXT NOT NULL,
                PRIMARY KEY (intake_id, position)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE information_sheet_themes (
                intake_id INTEGER NOT NULL REFERENCES intakes(id),
                category TEXT NOT NULL,
                PRIMARY KEY (intake_id, category)
            ) STRICT, WITHOUT ROWID;
            """),
        Migration(18, "API tokens for partner software, with scopes, expiry, revocation and a log of uses", sql: """
            -- The secret is never stored: only its BLAKE2b-256 hash, looked up on each call.
            CREATE TABLE api_tokens (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                scopes TEXT NOT NULL CHECK (json_valid(scopes)),
                token_hash BLOB NOT NULL UNIQUE,
                created_by INTEGER REFERENCES accounts(id),
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                revoked_at INTEGER,
                revoked_by INTEGER REFERENCES accounts(id),
                last_used_at INTEGER
            ) STRICT;
            -- Every use, by token id (kept as long as the audit trail): the route's shape and the status.
            CREATE TABLE api_token_uses (
                token_id INTEGER NOT NULL REFERENCES api_tokens(id),
                at INTEGER NOT NULL,
                route TEXT NOT NULL,
                status INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX api_token_uses_by_token ON api_token_uses(token_id, at);
            CREATE INDEX api_token_uses_by_time ON api_token_uses(at);
            """),
        Migration(19, "partners without an account close the loop: one-orientation links, and a mail queue", sql: """
            -- A link for one partner service about one orientation: its secret is stored hashed; it opens
            -- until its final answer or its expiry. `shows_name`: false when the person refused that
            -- their first elements be shared (the link is then printed for them, without identity).
            CREATE TABLE partner_referrals (
                id INTEGER PRIMARY KEY,
                orientation_id INTEGER NOT NULL REFERENCES orientations(id),
                service_id TEXT NOT NULL,
                service_name TEXT NOT NULL,
                token_hash BLOB NOT NULL UNIQUE,
                delivery TEXT NOT NULL CHECK (delivery IN ('envoi', 'papier')),
                shows_name INTEGER NOT NULL,
                created_by INTEGER REFERENCES accounts(id),
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                received_at INTEGER,
                outcome TEXT CHECK (outcome IN ('venue', 'non_venue', 'vers_autre_service')),
                outcome_detail TEXT,
                outcome_at INTEGER
            ) STRICT;
            CREATE INDEX partner_referrals_by_orientation ON partner_referrals(orientation_id);
            -- Mails waiting for the SMTP relay: sent by a worker, never by a request; retried with back-off.
            CREATE TABLE mail_queue (
                id INTEGER PRIMARY KEY,
                referral_id INTEGER REFERENCES partner_referrals(id),
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('en_attente', 'envoye', 'echec')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                last_error TEXT,
                created_at INTEGER NOT NULL,
                sent_at INTEGER
            ) STRICT;
            CREATE INDEX mail_queue_due ON mail_queue(status, next_attempt_at);
            """),
        Migration(20, "masking that survives differencing: month cells read by month, a version per month", sql: """
            -- The month cells of every site are read together to decide which are hidden (MonthMasking);
            -- the decision is cached per month until that month's counters change (its version).
            CREATE INDEX stat_months_by_period ON stat_months(period);
            CREATE TABLE stat_month_versions (period TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT, WITHOUT ROWID;
            INSERT INTO stat_month_versions (period, version) SELECT DISTINCT period, 1 FROM stat_months;
            CREATE TRIGGER stat_months_inserted AFTER INSERT ON stat_months BEGIN
                INSERT INTO stat_month_versions (period, version) VALUES (NEW.period, 1)
                ON CONFLICT (period) DO UPDATE SET version = version + 1;
            END;
            CREATE TRIGGER stat_months_updated AFTER UPDATE ON stat_months BEGIN
                INSERT INTO stat_month_versions (period, version) VALUES (NEW.period, 1)
                ON CONFLICT (period) DO UPDATE SET version = version + 1;
            END;
            CREATE TRIGGER stat_months_deleted AFTER DELETE ON stat_months BEGIN
                INSERT INTO stat_month_versions (period, version) VALUES (OLD.period, 1)
                ON CONFLICT (period) DO UPDATE SET version = version + 1;
            END;
            """),
        Migration(21, "intakes outside the sites (place kind, team, place of the planning); the stage of an eviction procedure; who was received in permanences") { db in
            try db.execute("""
            ALTER TABLE intakes ADD COLUMN outreach_place TEXT CHECK (outreach_place IN ('permanence', 'domicile', 'partenaire', 'rue'));
            ALTER TABLE intakes ADD COLUMN outreach_team TEXT CHECK (outreach_team IN ('CCAS', 'MDS', 'commune'));
            ALTER TABLE intakes ADD COLUMN outreach_site_id TEXT;
            ALTER TABLE intakes ADD COLUMN expulsion_stage TEXT
                CHECK (expulsion_stage IN ('impaye', 'assignation', 'commandement', 'concours_force_publique'));
            -- Who was received in permanences, for the bilan: the age bracket, motives and residence sector of
            -- the intake, kept with the reception (they outlive the booking and the file, like the rest of the row).
            ALTER TABLE permanence_receptions ADD COLUMN age_bracket TEXT;
            ALTER TABLE permanence_receptions ADD COLUMN motives TEXT;
            ALTER TABLE permanence_receptions ADD COLUMN residence_sector TEXT;
            UPDATE permanence_receptions SET
                age_bracket = (SELECT CASE WHEN i.age IS NULL THEN 'inconnu' WHEN i.age < 18 THEN '0-17' WHEN i.age <= 25 THEN '18-25'
                                    WHEN i.age <= 59 THEN '26-59' WHEN i.age <= 65 THEN '60-65' ELSE '66+' END FROM bookings b JOIN orientations o ON o.id = b.orientation_id
                               JOIN intakes i ON i.id = o.intake_id WHERE b.id = permanence_receptions.booking_id),
                motives = (SELECT json_group_array(m.motive) FROM bookings b JOIN orientations o ON o.id = b.orientation_id
                           JOIN intake_motives m ON m.intake_id = o.intake_id WHERE b.id = permanence_receptions.booking_id),
                residence_sector = (SELECT json_extract(i.household, '$.sector') FROM bookings b JOIN orientations o ON o.id = b.orientation_id
                                    JOIN intakes i ON i.id = o.intake_id WHERE b.id = permanence_receptions.booking_id)
            WHERE booking_id IS NOT NULL;
            """)
            // Receptions counted like the other figures, by month and host site (ReceptionCounters).
            try ReceptionCounters.backfill(db)
        },
        Migration(22, "the bilan's context and vigilance points, written by the managers for a period", sql: """
            -- The texts of a period and site ('' for all sites): each save a new row, the latest read, the
            -- earlier ones kept; each save also in the audit trail.
            CREATE TABLE bilan_texts (
                id INTEGER PRIMARY KEY,
                period_from TEXT NOT NULL,
                period_to TEXT NOT NULL,
                site_id TEXT NOT NULL,
                context TEXT NOT NULL,
                vigilance TEXT NOT NULL,
                updated_by INTEGER REFERENCES accounts(id),
                updated_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX bilan_texts_by_period ON bilan_texts(period_from, period_to, site_id, id);
            """),
        Migration(23, "people received at a permanence without a booking", sql: """
            -- The occurrence of a permanence an intake was made at, for a person who walked in.
            ALTER TABLE intakes ADD COLUMN walk_in_occurrence TEXT;
            -- Their reception is a booking row marked walk_in: it takes no place (the one-per-place index
            -- leaves it out) and is not counted among the places booked; the reception is counted as any.
            ALTER TABLE bookings ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE permanence_receptions ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0;
            DROP INDEX bookings_one_per_place;
            CREATE UNIQUE INDEX bookings_one_per_place ON bookings(occurrence_id, slot_start, place) WHERE cancelled_at IS NULL AND walk_in = 0;
            """),
    ]

    public static var migrator: Migrator { Migrator(migrations) }
}
