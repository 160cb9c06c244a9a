import SQLiteStore

/// Migration 9, for the person's slip:
/// - the intake's language becomes a BCP 47 tag (or « autre » with its name), kept whether or not an
///   interpreter is needed; the free text written before is mapped where it names a listed language;
/// - an orientation keeps the rules that fired, from which the slip words the reason for the person;
/// - the placeholder site details seeded by earlier versions (« à confirmer », « indicatifs ») are
///   removed: a detail nobody can source is missing, shown as such to staff, never printed.
package enum SlipDataMigration {
    package static func apply(_ db: Connection) throws {
        try db.execute("""
            ALTER TABLE intakes ADD COLUMN language TEXT;
            ALTER TABLE intakes ADD COLUMN language_other TEXT;
            ALTER TABLE intakes ADD COLUMN interpreter_needed INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE orientations ADD COLUMN rules TEXT NOT NULL DEFAULT '';
            """)
        let written = try db.query("SELECT DISTINCT interpreter_language FROM intakes WHERE interpreter_language IS NOT NULL")
            .compactMap { $0.string("interpreter_language") }
        for text in written {
            let language = IntakeLanguage.mapping(freeText: text)
            try db.run("""
                UPDATE intakes SET language = ?, language_other = ?, interpreter_needed = 1 WHERE interpreter_language = ?
                """, [language?.tag, language?.otherName, text])
        }
        try db.execute("ALTER TABLE intakes DROP COLUMN interpreter_language")
        try cleanSitePlaceholders(db)
    }

    /// Values are matched against the shapes earlier versions seeded (their fixed endings), so an
    /// administrator's own entry stays, even one that says « étage à confirmer ».
    package static func cleanSitePlaceholders(_ db: Connection) throws {
        try db.execute("""
            UPDATE sites SET address = NULL WHERE address LIKE '%(adresse exacte à confirmer)' OR address LIKE '%(numéro à confirmer)';
            UPDATE sites SET opening_hours = NULL WHERE opening_hours LIKE '%(horaires indicatifs, à confirmer)';
            UPDATE sites SET accessibility = NULL WHERE accessibility = 'Accessibilité PMR à confirmer';
            """)
        for column in ["address", "phone", "opening_hours", "accessibility"] {
            try db.run("UPDATE sites SET \(column) = NULL WHERE trim(\(column)) IN ('', '—', '-')")
        }
        // The addresses the convention gives are filled in at start-up by SiteDirectory.seed.
    }
}
