import Orientation
import SQLiteStore

/// One intake as stored.
package struct IntakeRecord: Sendable {
    package let id: Int64
    package let personID: Int64?
    package let at: Int64
    package let siteID: String
    package let accountID: Int64
    package let channel: IntakeChannel
    package let level: Int
    package let informationOnly: Bool
    /// The household and the day the rule reads it on (nil for an information-only contact).
    package let household: OrientationRequest?
    package let language: IntakeLanguage?
    package let interpreterNeeded: Bool
    package let accessibilityNeeds: String?
    package let consentOrientation: Bool
    package let consentSharing: Bool
    package let knownPerson: Bool
    package var motives: [String]
    package var outreach: Outreach? = nil
    package var expulsionStage: ExpulsionStage? = nil
    /// The permanence occurrence the person walked into, without a booking (`WalkIns`).
    package var walkInOccurrence: String? = nil

    /// The channel as staff read it: « Hors les murs » says where and by whom.
    package var channelDescription: String {
        guard let outreach else { return channel.label }
        return "\(Outreach.channelLabel) : \(outreach.place.label), \(outreach.team.label)"
    }
}

package enum IntakeRepository {
    package struct New {
        package var personID: Int64?
        package var at: Int64
        package var siteID: String
        package var accountID: Int64
        package var channel: IntakeChannel
        package var level: Int
        package var informationOnly = false
        package var household: OrientationRequest?
        package var age: Int?
        package var language: IntakeLanguage?
        package var interpreterNeeded = false
        package var accessibilityNeeds: String?
        package var consentOrientation = false
        package var consentSharing = false
        package var knownPerson = false
        package var motives: [String]
        package var outreach: Outreach?
        package var expulsionStage: ExpulsionStage?
        package var walkInOccurrence: String?

        package init(personID: Int64? = nil, at: Int64, siteID: String, accountID: Int64, channel: IntakeChannel, level: Int, informationOnly: Bool = false,
                     household: OrientationRequest? = nil, age: Int? = nil, language: IntakeLanguage? = nil, interpreterNeeded: Bool = false,
                     accessibilityNeeds: String? = nil, consentOrientation: Bool = false, consentSharing: Bool = false, knownPerson: Bool = false,
                     motives: [String], outreach: Outreach? = nil, expulsionStage: ExpulsionStage? = nil, walkInOccurrence: String? = nil) {
            self.walkInOccurrence = walkInOccurrence
            self.outreach = outreach
            self.expulsionStage = expulsionStage
            self.personID = personID
            self.at = at
            self.siteID = siteID
            self.accountID = accountID
            self.channel = channel
            self.level = level
            self.household = household
            self.age = age
            self.language = language
            self.accessibilityNeeds = accessibilityNeeds
            self.motives = motives
            self.informationOnly = informationOnly
            self.interpreterNeeded = interpreterNeeded
            self.consentOrientation = consentOrientation
            self.consentSharing = consentSharing
            self.knownPerson = knownPerson
        }
    }

    /// Saves an intake with its motives, and counts it in the activity figures in the same transaction.
    package static func insert(_ db: Connection, _ new: New) throws -> Int64 {
        let day = ParisTime(new.at).day.description
        let facts = new.informationOnly ? nil : new.household.flatMap(IntakeFacts.of)
        try db.run("""
            INSERT INTO intakes (person_id, at, site_id, account_id, channel, level, information_only, household, age,
                                 language, language_other, interpreter_needed, accessibility_needs, consent_orientation, consent_sharing, known_person,
                                 day, household_type, pregnant, outreach_place, outreach_team, outreach_site_id, expulsion_stage, walk_in_occurrence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [new.personID, new.at, new.siteID, new.accountID, new.channel, new.level, new.informationOnly, new.household?.jsonText, new.age,
                  new.language?.tag, new.language?.otherName, new.interpreterNeeded, new.accessibilityNeeds, new.consentOrientation, new.consentSharing, new.knownPerson,
                  day, facts?.type, facts?.pregnant ?? false, new.outreach?.place, new.outreach?.team, new.outreach?.siteID, new.expulsionStage, new.walkInOccurrence])
        let id = db.lastInsertRowID
        let motives = Set(new.motives).sorted()
        for motive in motives { try db.run("INSERT INTO intake_motives (intake_id, motive) VALUES (?, ?)", [id, motive]) }
        try StatisticsCounters.add(db, day: day, siteID: new.siteID, keys: StatisticsCounters.intakeKeys(
            channel: new.channel.rawValue, level: new.level, informationOnly: new.informationOnly, knownPerson: new.knownPerson, age: new.age,
            householdType: facts?.type, pregnant: facts?.pregnant ?? false, motives: motives, outreach: new.outreach, expulsionStage: new.expulsionStage))
        return id
    }

    package static func addNote(_ db: Connection, intakeID: Int64, institution: Institution, accountID: Int64, text: String, at: Int64) throws {
        try db.run("INSERT INTO intake_notes (intake_id, institution, account_id, at, text) VALUES (?, ?, ?, ?, ?)",
                   [intakeID, institution.rawValue, accountID, at, text])
    }

    package static func find(_ db: Connection, id: Int64) throws -> IntakeRecord? {
        guard let row = try db.queryOne("SELECT * FROM intakes WHERE id = ?", [id]) else { return nil }
        var record = record(row)
        record.motives = try db.query("SELECT motive FROM intake_motives WHERE intake_id = ?", [id]).compactMap { $0.string("motive") }
        return record
    }

    package static func forPerson(_ db: Connection, _ personID: Int64) throws -> [IntakeRecord] {
        try db.query("SELECT * FROM intakes WHERE person_id = ? ORDER BY at DESC", [personID]).map { row in
            var intake = record(row)
            intake.motives = try db.query("SELECT motive FROM intake_motives WHERE intake_id = ?", [intake.id]).compactMap { $0.string("motive") }
            return intake
        }
    }

    /// Notes the reader may see: social workers of the note's institution only.
    package static func notes(_ db: Connection, intakeIDs: [Int64], readableBy account: Account) throws -> [(intakeID: Int64, at: Int64, author: String, text: String)] {
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
    package static func language(_ row: Row) -> IntakeLanguage? {
        row.string("language").flatMap { IntakeLanguage(tag: $0, otherName: row.string("language_other")) }
    }

    private static func record(_ row: Row) -> IntakeRecord {
        IntakeRecord(id: row.int64("id") ?? 0, personID: row.int64("person_id"), at: row.int64("at") ?? 0, siteID: row.string("site_id") ?? "",
                     accountID: row.int64("account_id") ?? 0, channel: row.value("channel") ?? .onSite, level: row.int("level") ?? 1,
                     informationOnly: row.bool("information_only") ?? false, household: OrientationRequest(stored: row.string("household")),
                     language: language(row),
                     interpreterNeeded: row.bool("interpreter_needed") ?? false, accessibilityNeeds: row.string("accessibility_needs"),
                     consentOrientation: row.bool("consent_orientation") ?? false, consentSharing: row.bool("consent_sharing") ?? false,
                     knownPerson: row.bool("known_person") ?? false, motives: [],
                     outreach: row.string("outreach_place").flatMap(Outreach.Place.init(rawValue:)).map { place in
                         Outreach(place: place, team: row.string("outreach_team").flatMap(Outreach.Team.init(rawValue:)) ?? .joint, siteID: row.string("outreach_site_id"))
                     },
                     expulsionStage: row.string("expulsion_stage").flatMap(ExpulsionStage.init(rawValue:)),
                     walkInOccurrence: row.string("walk_in_occurrence"))
    }
}
