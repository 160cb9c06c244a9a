import Foundation
import Orientation
import SQLiteStore
import Testing
@testable import AccueilCore

/// The intake and orientation services called directly, without HTTP: each outcome, what it saves
/// (or does not), and the audit rows it writes.
@Suite struct ServiceTests {
    func account(_ app: TestApp, _ login: String) throws -> Account {
        try #require(try app.store.readSync { db in try AccountRepository.find(db, login: login)?.account })
    }

    /// The family of the journey tests (a 3-year-old in Bastide), typed as the form would hold it.
    func familyForm(lastName: String = "Durand") -> IntakeForm {
        var form = IntakeForm()
        form.date = "2026-11-16"
        form.time = "10:30"
        form.siteID = "ccas-cite-municipale"
        form.lastName = lastName
        form.firstName = "Élodie"
        form.children[0].birthDate = "2023-06-01"
        form.sector = "bastide"
        form.motives = ["logement"]
        form.consentOrientation = true
        return form
    }

    func record(_ app: TestApp, _ form: IntakeForm, by login: String = "agent") async throws -> IntakeService.Outcome {
        var form = form
        let agent = try account(app, login)
        let today = try #require(LocalDate(iso: "2026-11-18"))
        let validated = form.validate(referential: app.context.referential, communes: [], motives: app.context.motives, allowedSites: Set(agent.siteIDs), today: today)
        let (household, day) = try #require(validated, "\(form.errors)")
        return try await IntakeService(app.context).record(form, household: household, on: day, by: agent, sessionHash: [], at: app.now)
    }

    func recordedIntake(_ app: TestApp, lastName: String = "Durand") async throws -> Int64 {
        guard case .recorded(let id) = try await record(app, familyForm(lastName: lastName)) else {
            Issue.record("the family was not recorded")
            return 0
        }
        return id
    }

    func count(_ app: TestApp, _ table: String) throws -> Int {
        try app.store.readSync { db in try db.int("SELECT count(*) FROM \(table)") ?? 0 }
    }

    // MARK: IntakeService

    @Test func aKnownNameIsOfferedBeforeAnythingIsSavedAndAForgedChoiceSavesNothing() async throws {
        try await withApp { app in
            _ = try await recordedIntake(app)
            guard case .possibleMatches(let matches) = try await record(app, familyForm()) else {
                Issue.record("a second Durand Élodie must be offered the first file")
                return
            }
            #expect(matches.count == 1 && matches[0].lastName == "Durand")
            #expect(try count(app, "intakes") == 1)

            var forged = familyForm()
            forged.personChoice = "999"
            guard case .chosenFileMismatch = try await record(app, forged) else {
                Issue.record("a file the name does not match must be refused")
                return
            }
            #expect(try count(app, "intakes") == 1 && count(app, "persons") == 1)

            var chosen = familyForm()
            chosen.personChoice = String(matches[0].id)
            guard case .recorded = try await record(app, chosen) else {
                Issue.record("the offered file is accepted")
                return
            }
            #expect(try count(app, "intakes") == 2 && count(app, "persons") == 1)
            #expect(try app.auditCount(.intakeCreated) == 2)
        }
    }

    // MARK: OrientationService

    @Test func confirmingSavesOneOrientationWithItsAuditAndASecondConfirmationSavesNothing() async throws {
        try await withApp { app in
            let intakeID = try await recordedIntake(app)
            var submission = OrientationService.Submission(intakeID: intakeID)
            submission.booking = .init(kind: .appointment, date: "2026-11-20", time: "14:00")
            let agent = try account(app, "agent")
            guard case .confirmed(let id) = try await OrientationService(app.context).confirm(submission, by: agent, at: app.now) else {
                Issue.record("the decision is confirmed")
                return
            }
            let saved = try #require(try app.store.readSync { db in try OrientationRepository.find(db, id: id) })
            #expect(saved.service == .mds && saved.siteID == "mds-bastide" && saved.status == .open)
            #expect(saved.bookingKind == .appointment && saved.bookingPlace == "MDS Bastide", "the place defaults to the destination")
            #expect(try app.auditCount(.orientationDecided) == 1)

            guard case .alreadyConfirmed(let reference) = try await OrientationService(app.context).confirm(submission, by: agent, at: app.now) else {
                Issue.record("one live orientation per intake")
                return
            }
            #expect(reference == saved.reference)
            #expect(try count(app, "orientations") == 1 && app.auditCount(.orientationDecided) == 1)
        }
    }

    @Test func withoutConsentNothingIsSaved() async throws {
        try await withApp { app in
            let intakeID = try await recordedIntake(app)
            try app.store.writeSync { db in try db.run("UPDATE intakes SET consent_orientation = 0 WHERE id = ?", [intakeID]) }
            let outcome = try await OrientationService(app.context).confirm(.init(intakeID: intakeID), by: try account(app, "agent"), at: app.now)
            guard case .noConsent = outcome else {
                Issue.record("no orientation without the person's agreement, got \(outcome)")
                return
            }
            #expect(try count(app, "orientations") == 0)
        }
    }

    @Test func aDerogationNeedsTheRightAJustificationAndWhoAgreedThenChangesTheService() async throws {
        try await withApp { app in
            let intakeID = try await recordedIntake(app)
            let service = OrientationService(app.context)
            var submission = OrientationService.Submission(intakeID: intakeID)
            submission.derogation = .init(service: .ccas, justification: "", agreedByPTS: "", agreedByCCAS: "")
            guard case .derogationNotAllowed = try await service.confirm(submission, by: try account(app, "agent"), at: app.now) else {
                Issue.record("an agent cannot grant a derogation")
                return
            }
            let worker = try account(app, "ts.mds")
            guard case .refused(let errors) = try await service.confirm(submission, by: worker, at: app.now) else {
                Issue.record("an empty justification is refused")
                return
            }
            #expect(Set(errors.map(\.field)) == ["justification", "accord_pts", "accord_ccas"])
            #expect(try count(app, "orientations") == 0)

            submission.derogation = .init(service: .ccas, justification: "Suivi engagé au CCAS", agreedByPTS: "Mme R., responsable PTS",
                                          agreedByCCAS: "M. S., chef de service CCAS")
            guard case .confirmed(let id) = try await service.confirm(submission, by: worker, at: app.now) else {
                Issue.record("a justified derogation is confirmed")
                return
            }
            let saved = try #require(try app.store.readSync { db in try OrientationRepository.find(db, id: id) })
            #expect(saved.service == .ccas && saved.isDerogation)
            #expect(try app.auditCount(.derogationRecorded) == 1)
        }
    }

    @Test func aHandBookingIsCheckedAndAnUnknownKindOrSlotIsRefused() async throws {
        try await withApp { app in
            let intakeID = try await recordedIntake(app)
            let agent = try account(app, "agent")
            var submission = OrientationService.Submission(intakeID: intakeID)
            submission.booking = .init(kind: .appointment, date: "2026-11-01")
            guard case .refused(let errors) = try await OrientationService(app.context).confirm(submission, by: agent, at: app.now) else {
                Issue.record("an appointment before the intake and without a time is refused")
                return
            }
            #expect(Set(errors.map(\.field)) == ["reservation_date", "reservation_heure"])

            var unknown = OrientationService.Submission(intakeID: intakeID)
            unknown.unknownBookingKind = true
            unknown.slot = "pas-un-creneau"
            guard case .refused(let more) = try await OrientationService(app.context).confirm(unknown, by: agent, at: app.now) else {
                Issue.record("an unknown kind and a malformed slot are refused")
                return
            }
            #expect(Set(more.map(\.field)) == ["reservation", "creneau"])
            #expect(try count(app, "orientations") == 0)
        }
    }

    @Test func anUnknownIntakeIsNotFound() async throws {
        try await withApp { app in
            let outcome = try await OrientationService(app.context).confirm(.init(intakeID: 4242), by: try account(app, "agent"), at: app.now)
            guard case .notFound = outcome else {
                Issue.record("got \(outcome)")
                return
            }
        }
    }
}
