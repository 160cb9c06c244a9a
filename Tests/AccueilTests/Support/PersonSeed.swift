import Orientation
import SQLiteStore
@testable import AccueilCore
@testable import AccueilWeb

/// A person with one intake (household, age, note) and one orientation, all dated `at`, written
/// directly: retention and subject-access tests need files of a given age without replaying the forms.
struct PersonSeed {
    let personID: Int64
    let intakeID: Int64
    let orientationID: Int64

    static let month: Int64 = 2_629_746

    @discardableResult
    static func insert(_ db: Connection, name: String, at: Int64, age: Int = 34, orientationStatus: String = "honoree") throws -> PersonSeed {
        let person = try PersonRepository.insert(db, lastName: name, firstName: "Élodie", birthDate: "1990-04-12", phone: "06 12 34 56 78",
                                                 followedBy: nil, referent: "Mme Référente", at: at)
        let intake = try IntakeRepository.insert(db, .init(personID: person, at: at, siteID: "ccas-cite-municipale", accountID: 1, channel: .onSite, level: 1,
                                                           household: OrientationRequest(stored: #"{"adults":1,"childInDanger":true,"children":[{"birthDate":"2023-06-01"}],"sector":"bastide"}"#), age: age,
                                                           language: IntakeLanguage(tag: "ar"), interpreterNeeded: true, accessibilityNeeds: "fauteuil", consentOrientation: true, motives: ["logement"]))
        try IntakeRepository.addNote(db, intakeID: intake, institution: .mds, accountID: 2, text: "Note confidentielle sur \(name)", at: at)
        try db.run("""
            INSERT INTO orientations (reference, intake_id, person_id, created_at, account_id, service, site_id, reasons, is_derogation,
                                      derogation_justification, status, status_at)
            VALUES (?, ?, ?, ?, 1, 'MDS', 'mds-bastide', '["enfant mineur"]', 1, 'Justification écrite', ?, ?)
            """, ["AC-T-\(person)", intake, person, at, orientationStatus, at])
        return PersonSeed(personID: person, intakeID: intake, orientationID: db.lastInsertRowID)
    }
}
