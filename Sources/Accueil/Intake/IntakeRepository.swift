import SQLiteStore

/// One intake as stored.
struct IntakeRecord: Sendable {
    let id: Int64
    let personID: Int64?
    let at: Int64
    let siteID: String
    let accountID: Int64
    let channel: String
    let level: Int
    let informationOnly: Bool
    let household: String?
    let language: IntakeLanguage?
    let interpreterNeeded: Bool
    let accessibilityNeeds: String?
    let consentOrientation: Bool
    let consentSharing: Bool
    let knownPerson: Bool
    var motives: [String]
}

enum IntakeRepository {
    struct New {
        var personID: Int64?
        var at: Int64
        var siteID: String
        var accountID: Int64
        var channel: String
        var level: Int
        var informationOnly = false
        var household: String?
        var age: Int?
        var language: IntakeLanguage?
        var interpreterNeeded = false
        var accessibilityNeeds: String?
        var consentOrientation = false
        var consentSharing = false
        var knownPerson = false
        var motives: [String]
    }

    /// Saves an intake with its motives, and counts it in the activity figures in the same transaction.
    static func insert(_ db: Connection, _ new: New) throws -> Int64 {
        let day = FrenchDates.isoDay(new.at)
        let facts = new.informationOnly ? nil : IntakeFacts.fromStoredHousehold(new.household)
        try db.run("""
            INSERT INTO intakes (person_id, at, site_id, account_id, channel, level, information_only, household, age,
                                 language, language_other, interpreter_needed, accessibility_needs, consent_orientation, consent_sharing, known_person,
                                 day, household_type, pregnant)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [new.personID, new.at, new.siteID, new.accountID, new.channel, new.level, new.informationOnly, new.household, new.age,
                  new.language?.tag, new.language?.otherName, new.interpreterNeeded, new.accessibilityNeeds, new.consentOrientation, new.consentSharing, new.knownPerson,
                  day, facts?.type, facts?.pregnant ?? false])
        let id = db.lastInsertRowID
        let motives = Set(new.motives).sorted()
        for motive in motives { try db.run("INSERT INTO intake_motives (intake_id, motive) VALUES (?, ?)", [id, motive]) }
        try StatisticsCounters.add(db, day: day, siteID: new.siteID, keys: StatisticsCounters.intakeKeys(
            channel: new.channel, level: new.level, informationOnly: new.informationOnly, knownPerson: new.knownPerson, age: new.age,
            householdType: facts?.type, pregnant: facts?.pregnant ?? false, motives: motives))
        return id
    }

    static func addNote(_ db: Connection, intakeID: Int64, institution: Institution, accountID: Int64, text: String, at: Int64) throws {
        try db.run("INSERT INTO intake_notes (intake_id, institution, account_id, at, text) VALUES (?, ?, ?, ?, ?)",
                   [intakeID, institution.rawValue, accountID, at, text])
    }

    static func find(_ db: Connection, id: Int64) throws -> IntakeRecord? {
        guard let row = try db.queryOne("SELECT * FROM intakes WHERE id = ?", [id]) else { return nil }
        var record = record(row)
        record.motives = try db.query("SELECT motive FROM intake_motives WHERE intake_id = ?", [id]).compactMap { $0.string("motive") }
        return record
    }

    static func forPerson(_ db: Connection, _ personID: Int64) throws -> [IntakeRecord] {
        try db.query("SELECT * FROM intakes WHERE person_id = ? ORDER BY at DESC", [personID]).map { row in
            var intake = record(row)
            intake.motives = try db.query("SELECT motive FROM intake_motives WHERE intake_id = ?", [intake.id]).compactMap { $0.string("motive") }
            return intake
        }
    }

    /// Notes the reader may see: social workers of the note's institution only.
    static func notes(_ db: Connection, intakeIDs: [Int64], readableBy account: Account) throws -> [(intakeID: Int64, at: Int64, author: String, text: String)] {
        guard account.can(.readSocialNotes), !intakeIDs.isEmpty else { return [] }
        return try intakeIDs.flatMap { id in
            try db.query("""
                SELECT n.intake_id, n.at, n.text, a.display_name FROM intake_notes n JOIN accounts a ON a.id = n.account_id
                WHERE n.intake_id = ? AND n.institution = ? ORDER BY n.at
                """, [id, account.institution.rawValue]).map { row in
                (row.int64("intake_id") ?? 0, row.int64("at") ?? 0, row.string("display_name") ?? "", row.string("text") ?? "")
            }
        }
    }

    /// The language columns of an intake row (`language`, `language_other`).
    static func language(_ row: Row) -> IntakeLanguage? {
        row.string("language").flatMap { IntakeLanguage(tag: $0, otherName: row.string("language_other")) }
    }

    private static func record(_ row: Row) -> IntakeRecord {
        IntakeRecord(id: row.int64("id") ?? 0, personID: row.int64("person_id"), at: row.int64("at") ?? 0, siteID: row.string("site_id") ?? "",
                     accountID: row.int64("account_id") ?? 0, channel: row.string("channel") ?? "", level: row.int("level") ?? 1,
                     informationOnly: row.bool("information_only") ?? false, household: row.string("household"),
                     language: language(row),
                     interpreterNeeded: row.bool("interpreter_needed") ?? false, accessibilityNeeds: row.string("accessibility_needs"),
                     consentOrientation: row.bool("consent_orientation") ?? false, consentSharing: row.bool("consent_sharing") ?? false,
                     knownPerson: row.bool("known_person") ?? false, motives: [])
    }
}
