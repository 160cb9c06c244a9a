import Foundation
import SQLiteStore

/// Applies the retention periods: deletes what has no statistical value (identity, notes, old audit
/// entries) and anonymises the rest, so that the activity figures keep their counts — an intake keeps
/// its site, date, channel, motives and an age bracket; an orientation keeps its service, site, date
/// and outcome.
public enum RetentionPurge {
    /// What a purge would do now, without changing anything.
    public static func preview(_ db: Connection, now: Int64) throws -> PurgePlan {
        try PurgePlan.make(db, settings: try RetentionSettings.load(db), now: now)
    }

    /// Plans and executes in one transaction (the caller's), and records the purge in the audit
    /// trail, even when nothing was due: the trail shows the purge ran. `account` is nil when the
    /// daily timer or the command line runs it.
    @discardableResult
    public static func run(_ db: Connection, now: Int64, account: Int64?) throws -> PurgePlan {
        let plan = try preview(db, now: now)
        try execute(plan, db, now: now)
        try AuditTrail.record(db, at: now, account: account, .retentionPurged, detail: plan.summary)
        return plan
    }

    package static func execute(_ plan: PurgePlan, _ db: Connection, now: Int64) throws {
        try db.run("DELETE FROM intake_notes WHERE id IN (SELECT value FROM json_each(?))", [JSONText.array(plan.notes)])
        try reduceHouseholds(db, intakes: plan.households, now: now)
        try detachOrientations(db, plan.orientations)
        try deletePersons(db, plan.persons, now: now)
        // « Bris de glace » records are kept exactly as long as the audit trail they belong to.
        try db.run("DELETE FROM break_glass WHERE at < ?", [plan.auditBefore])
        // So are the logs of API token uses.
        try db.run("DELETE FROM api_token_uses WHERE at < ?", [plan.auditBefore])
        // A mail to a partner carries a first name and a link: gone a month after it was queued, sent,
        // failed or still waiting (its link has expired by then: `PartnerReferrals.lifetime`).
        try db.run("DELETE FROM mail_queue WHERE created_at < ?", [now - PartnerReferrals.lifetime])
        if plan.auditEntries > 0 {
            try db.run("INSERT INTO audit_purge_window (id, before) VALUES (1, ?)", [plan.auditBefore])
            _ = try AuditChain.cut(db, before: plan.auditBefore, at: now)
            try db.run("DELETE FROM audit_purge_window")
        }
    }

    /// Household composition, sector, interpreter and accessibility needs go; the exact age becomes the
    /// first age of its bracket (see `ageBracketStart`), enough for the figures the managers read.
    package static func reduceHouseholds(_ db: Connection, intakes: [Int64], now: Int64) throws {
        try db.run("""
            UPDATE intakes SET household = NULL, language = NULL, language_other = NULL, interpreter_needed = 0, accessibility_needs = NULL,
            age = CASE WHEN age IS NULL THEN NULL WHEN age < 18 THEN 0 WHEN age < 26 THEN 18 WHEN age < 60 THEN 26
                       WHEN age < 66 THEN 60 ELSE 66 END,
            household_purged_at = ? WHERE id IN (SELECT value FROM json_each(?))
            """, [now, JSONText.array(intakes)])
    }

    /// The person link and the written justification of a derogation go (it may describe the situation);
    /// the derogation flag stays for the figures. So do a partner's free-text answer (« réorientée
    /// vers … ») and the mails to partners about the orientation (a first name, a link).
    package static func detachOrientations(_ db: Connection, _ ids: [Int64]) throws {
        let list = JSONText.array(ids)
        try db.run("""
            UPDATE orientations SET person_id = NULL, derogation_justification = NULL
            WHERE id IN (SELECT value FROM json_each(?))
            """, [list])
        try db.run("UPDATE partner_referrals SET outcome_detail = NULL WHERE orientation_id IN (SELECT value FROM json_each(?))", [list])
        try db.run("DELETE FROM mail_queue WHERE referral_id IN (SELECT id FROM partner_referrals WHERE orientation_id IN (SELECT value FROM json_each(?)))",
                   [list])
    }

    /// Deletes person files after stripping everything still attached to them (a person erased on
    /// request, or whose categories were kept longer by an older setting). Merged duplicates go along.
    package static func deletePersons(_ db: Connection, _ ids: [Int64], now: Int64) throws {
        guard !ids.isEmpty else { return }
        var all = ids
        var frontier = ids
        while !frontier.isEmpty {
            frontier = try db.query("SELECT id FROM persons WHERE merged_into IN (SELECT value FROM json_each(?))", [JSONText.array(frontier)])
                .compactMap { $0.int64("id") }.filter { !all.contains($0) }
            all += frontier
        }
        let list = JSONText.array(all)
        let intakes = try db.query("SELECT id FROM intakes WHERE person_id IN (SELECT value FROM json_each(?))", [list]).compactMap { $0.int64("id") }
        try db.run("DELETE FROM intake_notes WHERE intake_id IN (SELECT value FROM json_each(?))", [JSONText.array(intakes)])
        try reduceHouseholds(db, intakes: intakes, now: now)
        try db.run("UPDATE intakes SET person_id = NULL WHERE person_id IN (SELECT value FROM json_each(?))", [list])
        let orientations = try db.query("SELECT id FROM orientations WHERE person_id IN (SELECT value FROM json_each(?))", [list]).compactMap { $0.int64("id") }
        try detachOrientations(db, orientations)
        // Bookings name the person (person_id NOT NULL, migration 4): they go with the file. The figures
        // keep their counts: places booked are counters, and reception rows only lose their link to the file.
        try db.run("DELETE FROM bookings WHERE person_id IN (SELECT value FROM json_each(?))", [list])
        try PermanenceFacts.detachPeople(db, list)
        // A protection alert keeps who raised it, when and to whom (accountability); the facts about
        // the person go with the file: the MDS and the CRIP hold their own record.
        try db.run("UPDATE protection_reports SET person_id = NULL, note = '' WHERE person_id IN (SELECT value FROM json_each(?))", [list])
        try db.run("UPDATE persons SET merged_into = NULL WHERE id IN (SELECT value FROM json_each(?))", [list])
        // A merge's record holds the kept file's former phone and birth date; the grants' free text may name the person.
        try db.run("DELETE FROM person_merges WHERE kept_id IN (SELECT value FROM json_each(?)) OR duplicate_id IN (SELECT value FROM json_each(?))", [list, list])
        try db.run("UPDATE break_glass SET reason_text = '' WHERE person_id IN (SELECT value FROM json_each(?))", [list])
        try db.run("DELETE FROM persons WHERE id IN (SELECT value FROM json_each(?))", [list])
    }
}
