import Orientation
import Planning
import SQLiteStore

/// Records a validated intake: offers the files of a known person first, refuses what the routing rule
/// cannot decide, then saves the person (new, or the chosen file refreshed), the intake, its note and
/// the audit rows in one transaction.
package struct IntakeService {
    package let store: Store
    package let referential: TerritorialReferential

    package init(_ context: AppContext) {
        store = context.store
        referential = context.referential
    }

    package enum Outcome {
        /// Saved: the new intake's id.
        case recorded(intakeID: Int64)
        /// Nothing saved: earlier files match the name; the agent chooses one (or none) first.
        case possibleMatches([Person])
        /// Nothing saved: the rule cannot route this household; the message names the form field.
        case refused(field: String, message: String)
        /// Nothing saved: the chosen file is not one the name matches (a forged or stale choice).
        case chosenFileMismatch
    }

    /// Aborts the transaction when the chosen file does not match; becomes `.chosenFileMismatch`.
    private struct ChosenFileMismatch: Error {}

    /// `form` is already validated into `household` on `day`.
    /// `sessionHash` names the agent's session: choosing a file outside their scope is a « bris de glace » of it.
    package func record(_ form: IntakeForm, household: Household, on day: LocalDate, by account: Account, sessionHash: [UInt8],
                        at now: Int64) async throws -> Outcome {
        // Known person: offer earlier files before creating a new one ("double sollicitation").
        if form.personChoice.isEmpty {
            let matches = try await store.read { db in
                try PersonRepository.matches(db, lastName: form.lastName, firstName: form.firstName, birthDate: Self.given(form.birthDate))
            }
            if !matches.isEmpty { return .possibleMatches(matches) }
        }
        // The rule runs once here only to refuse what it cannot decide; the decision page applies it to the stored household.
        // A commune the table does not know is not refused here: the decision page offers the derogation it needs.
        let router = try await store.read { db in try OrientationRouter.stored(db, referential: referential) }
        do { _ = try router.orient(household, on: day) } catch {
            if case .unknownCommune = error {} else {
                return .refused(field: ["sector": "secteur", "commune": "commune"][error.field] ?? "date", message: error.message)
            }
        }
        do {
            return .recorded(intakeID: try await save(form, household, on: day, by: account, sessionHash: sessionHash, at: now))
        } catch is ChosenFileMismatch {
            return .chosenFileMismatch
        }
    }

    /// The person, the intake, its note and the audit rows, in one transaction.
    private func save(_ form: IntakeForm, _ household: Household, on day: LocalDate, by account: Account, sessionHash: [UInt8],
                      at now: Int64) async throws -> Int64 {
        try await store.write { db -> Int64 in
            let (personID, known) = try Self.person(db, form, by: account, sessionHash: sessionHash, at: now)
            let at = ParisTime(day, TimeOfDay(form.time) ?? TimeOfDay(hour: 0)!).seconds
            let intakeID = try IntakeRepository.insert(db, .init(
                personID: personID, at: at, siteID: form.siteID, accountID: account.id, channel: form.channel ?? .onSite,
                level: account.can(.readSocialNotes) ? form.level : 1, household: OrientationRequest(date: day, household: household), age: household.age,
                language: form.intakeLanguage, interpreterNeeded: form.interpreter, accessibilityNeeds: Self.given(form.accessibility),
                consentOrientation: form.consentOrientation, consentSharing: form.consentSharing, knownPerson: known, motives: form.motives,
                outreach: form.outreach, expulsionStage: form.expulsion, walkInOccurrence: form.walkInOccurrence.isEmpty ? nil : form.walkInOccurrence))
            if !form.note.isEmpty, account.can(.readSocialNotes) {
                try IntakeRepository.addNote(db, intakeID: intakeID, institution: account.institution, accountID: account.id, text: form.note, at: now)
            }
            try AuditTrail.record(db, at: now, account: account.id, .intakeCreated, subjectType: "personne", subjectID: String(personID),
                                  detail: "accueil \(intakeID)")
            return intakeID
        }
    }

    /// The person the intake is about: the chosen file, refreshed with what was typed, or a new one.
    private static func person(_ db: Connection, _ form: IntakeForm, by account: Account, sessionHash: [UInt8],
                               at now: Int64) throws -> (id: Int64, known: Bool) {
        // A chosen file must be one the name matches (what the page offered), checked again here:
        // a forged id must not attach this intake, and its phone and follow-up, to someone else.
        let offered = try PersonRepository.matches(db, lastName: form.lastName, firstName: form.firstName,
                                                   birthDate: given(form.birthDate), limit: 50).map(\.id)
        if let chosen = Int64(form.personChoice) {
            guard offered.contains(chosen) else { throw ChosenFileMismatch() }
            // The intake about to be saved brings the file into this account's scope: when it was not
            // already, that is a « bris de glace » like any other, listed for review, so that a made-up
            // intake is not a quiet way into someone's file.
            if try !PersonScope.isInScope(db, chosen, account: account, sessionHash: sessionHash, today: ParisTime(now).day) {
                try BreakGlass.record(db, account: account.id, person: chosen, sessionHash: sessionHash, reason: .personPresent,
                                      text: BreakGlass.intakeOnChosenFile, at: now)
            }
            try PersonRepository.refresh(db, id: chosen, phone: given(form.phone), birthDate: given(form.birthDate),
                                         followedBy: Service(rawValue: form.followedBy), referent: given(form.referent), at: now)
            try AuditTrail.record(db, at: now, account: account.id, .personUpdated, subjectType: "personne", subjectID: String(chosen))
            return (chosen, true)
        }
        let id = try PersonRepository.insert(db, lastName: form.lastName, firstName: form.firstName, birthDate: given(form.birthDate),
                                             phone: given(form.phone), followedBy: Service(rawValue: form.followedBy), referent: given(form.referent), at: now)
        try AuditTrail.record(db, at: now, account: account.id, .personCreated, subjectType: "personne", subjectID: String(id))
        return (id, false)
    }

    /// An optional form field: nil when left empty.
    private static func given(_ text: String) -> String? { text.isEmpty ? nil : text }
}
