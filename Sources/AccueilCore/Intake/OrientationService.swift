import Orientation
import Planning
import SQLiteStore

/// Confirms the decision shown at the desk: checks what the agent submitted, applies the rule once
/// (with the derogation, if any), then saves the orientation, its booking and the audit rows in one
/// transaction. Every business rule of the confirmation lives here; the route only parses and answers.
package struct OrientationService {
    package let context: AppContext

    package init(_ context: AppContext) { self.context = context }

    /// What the agent submitted on the decision page.
    package struct Submission: Sendable {
        package var intakeID: Int64
        /// A booking typed by hand (kind nil: none); ignored when a planning slot is chosen.
        package var booking = OrientationRepository.Booking()
        /// The radio value of the chosen planning slot, "" for none.
        package var slot = ""
        /// Set when a social worker recorded a derogation; its fields are checked here (written
        /// justification, who agreed for each institution) before it reaches the rule.
        package var derogation: Derogation?
        /// A booking type the form does not offer (a forged or stale post).
        package var unknownBookingKind = false

        package init(intakeID: Int64) { self.intakeID = intakeID }
    }

    package enum Outcome {
        /// Saved: the new orientation's id.
        case confirmed(orientationID: Int64)
        /// Nothing saved: what to correct, by form field.
        case refused([(field: String, message: String)])
        /// Nothing saved: the chosen place was taken meanwhile (another desk was quicker).
        case slotTaken(message: String)
        /// Nothing saved: the person did not agree to be oriented.
        case noConsent
        /// Nothing saved: this intake already has a live orientation (double submit, back button).
        case alreadyConfirmed(reference: String)
        /// Nothing saved: a derogation needs an account allowed to grant one.
        case derogationNotAllowed
        /// Nothing saved: the rule cannot route the stored household (its message says why).
        case unroutable(message: String)
        /// No such intake, or one without a person or a stored household.
        case notFound
    }

    /// Aborts the transaction when a live orientation exists; becomes `.alreadyConfirmed`.
    private struct AlreadyConfirmed: Error { let reference: String }

    package func confirm(_ submission: Submission, by account: Account, at now: Int64) async throws -> Outcome {
        let loaded = try await context.store.read { db in
            (try IntakeRepository.find(db, id: submission.intakeID), try OrientationRouter.stored(db, referential: context.referential))
        }
        guard let intake = loaded.0, let personID = intake.personID else { return .notFound }
        let router = loaded.1
        guard intake.consentOrientation else { return .noConsent }
        if submission.derogation != nil, !account.can(.grantDerogation) { return .derogationNotAllowed }

        var errors: [(field: String, message: String)] = []
        if submission.unknownBookingKind { errors.append(("reservation", "Type de réservation inconnu.")) }
        if let derogation = submission.derogation {
            if derogation.justification.isEmpty { errors.append(("justification", "Une dérogation doit être justifiée par écrit.")) }
            if derogation.agreedByPTS.isEmpty { errors.append(("accord_pts", "Indiquez qui a donné l'accord du PTS (nom et fonction).")) }
            if derogation.agreedByCCAS.isEmpty { errors.append(("accord_ccas", "Indiquez qui a donné l'accord du CCAS (nom et fonction).")) }
        }
        let slot = try await SlotChoice.resolve(submission.slot, context: context)
        switch slot {
        case .none: errors += BookingCheck.errors(submission.booking, intakeDay: ParisTime(intake.at).day)
        case .invalid(let message): errors.append(("creneau", message))
        case .chosen: break
        }
        guard errors.isEmpty else { return .refused(errors) }

        let derogation = submission.derogation
        let decided: RoutingDecision?
        do { decided = try Self.decide(intake, derogation: derogation, router: router) } catch {
            return .unroutable(message: error.message)
        }
        guard let decision = decided else { return .notFound }
        var booking = submission.booking
        if decision.isOutsideBordeaux, booking.kind != nil {
            return .refused([("reservation", "Pas de réservation pour une orientation hors Bordeaux : la personne s'adresse aux services de sa commune.")])
        }
        if case .chosen(let chosen) = slot {
            // A derogation changes the service: a slot chosen from the rule's list may no longer fit.
            guard !decision.isOutsideBordeaux, SlotProposals.fits(chosen.occurrence, service: decision.service, siteID: decision.siteID, referential: context.referential) else {
                return .refused([("creneau", "Ce créneau ne correspond pas à l'orientation retenue (\(decision.service.shortName)) : choisissez « Aucun créneau du planning » et saisissez la réservation à la main.")])
            }
            booking = chosen.orientationBooking
        }
        if booking.kind != nil, booking.place == nil { booking.place = decision.site }

        do {
            let id = try await save(decision, booking: booking, slot: slot, derogation: derogation, intakeID: intake.id, personID: personID,
                                    by: account, at: now)
            return .confirmed(orientationID: id)
        } catch let refused as BookingError {
            return .slotTaken(message: refused.message)
        } catch let live as AlreadyConfirmed {
            return .alreadyConfirmed(reference: live.reference)
        }
    }

    /// The stored household re-evaluated at the intake's date, with the standing adjustments agreed
    /// and the commune table (the rows in force that day apply): the same input always gives the same
    /// decision. Nil when the intake has no readable household (an information-only contact).
    /// `ignoringCommune`: as if the person lived in Bordeaux, to show what a derogation would lead to.
    package static func decide(_ intake: IntakeRecord, derogation: Derogation?, router: OrientationRouter,
                               ignoringCommune: Bool = false) throws(OrientationError) -> RoutingDecision? {
        guard let stored = intake.household, let date = stored.date else { return nil }
        var household = stored.household
        household.derogation = derogation
        if ignoringCommune { household.commune = nil }
        return try router.orient(household, on: date)
    }

    private func save(_ decision: RoutingDecision, booking: OrientationRepository.Booking, slot: SlotChoice, derogation: Derogation?,
                      intakeID: Int64, personID: Int64, by account: Account, at now: Int64) async throws -> Int64 {
        try await context.store.write { db -> Int64 in
            // One live orientation per intake: a second submit must not send the person twice; only a
            // re-orientation opens the way to a new one.
            if let live = try OrientationRepository.forIntake(db, intakeID).first(where: \.isLive) {
                throw AlreadyConfirmed(reference: live.reference)
            }
            let id = try OrientationRepository.insert(db, decision: decision, intakeID: intakeID, personID: personID,
                                                      accountID: account.id, derogation: derogation, booking: booking, at: now)
            let person = String(personID)
            try AuditTrail.record(db, at: now, account: account.id, .orientationDecided, subjectType: "personne", subjectID: person,
                                  detail: "orientation \(id) vers \(decision.service.shortName)")
            if derogation != nil {
                try AuditTrail.record(db, at: now, account: account.id, .derogationRecorded, subjectType: "personne", subjectID: person,
                                      detail: "orientation \(id)")
            }
            if case .none = slot, booking.kind == nil {
                // A person who walked into a permanence is received there when the rule chose its service.
                try WalkIns.receive(db, intakeID: intakeID, orientationID: id, decision: decision, referential: context.referential,
                                        personID: personID, accountID: account.id, at: now)
            }
            if case .chosen(let chosen) = slot {
                // Same transaction: the orientation exists only if its place was still free.
                try BookingRepository.book(db, occurrenceID: chosen.occurrenceID, slotStart: chosen.start, personID: personID,
                                           orientationID: id, accountID: account.id, at: now)
                try AuditTrail.record(db, at: now, account: account.id, .bookingCreated, subjectType: "personne", subjectID: person,
                                      detail: "orientation \(id), créneau \(chosen.occurrenceID) \(chosen.start)")
            }
            return id
        }
    }
}
