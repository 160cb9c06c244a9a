import AccueilCore
import Foundation
import HTML
import HTTPCore
import Orientation
import Planning
import SQLiteStore
import Web

/// From decision to orientation: the proposed decision, its confirmation with a booking (and a
/// derogation when agreed), the orientation page and its printable slip.
enum OrientationRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let intakeGate: [any Middleware] = [RequirePermission(permission: .recordIntake)]

        router.get("/accueils/:id", middleware: intakeGate) { request in
            let input = try await loadDecision(request, context: context, auditRead: true)
            return Layout.response(title: "Orientation proposée", body: DecisionPage.render(request, input, motives: context.motives), request: request)
        }

        router.post("/accueils/:id/orientation", middleware: intakeGate) { request in
            guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            try await NeedToKnow.require(request, intake: id, context: context)
            let submission = try Self.submission(intakeID: id, form: try request.form())
            switch try await OrientationService(context).confirm(submission, by: account, at: context.now()) {
            case .confirmed(let orientationID):
                return .redirect(to: "/orientations/\(orientationID)")
            case .refused(let errors):
                return try await decisionPage(request, context: context, submission: submission, errors: errors, status: .unprocessableContent)
            case .slotTaken(let message):
                let errors = [(field: "creneau", message: message + " Rien n'a été enregistré : choisissez un autre créneau.")]
                return try await decisionPage(request, context: context, submission: submission, errors: errors, status: .conflict,
                                              title: "Créneau indisponible")
            case .noConsent:
                throw HTTPError(.conflict, "La personne n'a pas donné son accord pour être orientée.")
            case .alreadyConfirmed(let reference):
                throw HTTPError(.conflict, "Cette orientation est déjà confirmée (\(reference)) : rien n'a été enregistré en double.")
            case .derogationNotAllowed:
                throw HTTPError.forbidden
            case .unroutable(let message):
                throw HTTPError(.unprocessableContent, message)
            case .notFound:
                throw HTTPError.notFound
            }
        }

        router.post("/orientations/:id/reservation/annuler", middleware: intakeGate) { request in
            guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            try await NeedToKnow.require(request, orientation: id, context: context)
            let now = context.now()
            try await context.store.write { db in
                guard let orientation = try OrientationRepository.find(db, id: id) else { throw HTTPError.notFound }
                guard orientation.bookingKind != nil else { throw HTTPError(.conflict, "Cette orientation n'a pas de réservation à annuler.") }
                // Once the outcome is recorded the appointment belongs to the person's path (and to the figures).
                guard orientation.status == .open else {
                    throw HTTPError(.conflict, "La suite de cette orientation est déjà enregistrée (\(orientation.status.label.lowercased())) : la réservation ne peut plus être annulée.")
                }
                // Frees the planning's place, if the booking came from it; a hand-typed one is simply cleared.
                if let booking = try BookingRepository.active(db, orientationID: id) {
                    try BookingRepository.cancel(db, id: booking.id, accountID: account.id, at: now)
                }
                try OrientationRepository.clearBooking(db, id: id)
                try AuditTrail.record(db, at: now, account: account.id, .bookingCancelled, subjectType: "personne",
                                      subjectID: orientation.personID.map(String.init), detail: "orientation \(id)")
            }
            return .redirect(to: "/orientations/\(id)?info=reservation_annulee")
        }

        router.get("/orientations/:id", middleware: [RequirePermission(permission: .readPersonFile)]) { request in
            let view = try await OrientationView.load(request, context: context, audit: .personRead)
            let rebooking = try await OrientationRebooking.offer(request, view.orientation, context: context)
            let partners = try await context.store.read { db in
                PartnerLoopSection.Data(
                    services: try PartnerDirectory.offered(db, suggestions: view.orientation.suggestions),
                    referrals: try PartnerReferrals.forOrientation(db, view.orientation.id),
                    consentSharing: view.intake.consentSharing, mailEnabled: context.configuration.mailFrom != nil)
            }
            return Layout.response(title: "Orientation \(view.orientation.reference)",
                                   body: OrientationPage.render(request, view, today: context.today, rebooking: rebooking, partners: partners, now: context.now()),
                                   request: request)
        }

        router.post("/orientations/:id/reservation", middleware: intakeGate) { request in
            try await OrientationRebooking.book(request, context: context)
        }

        router.get("/orientations/:id/fiche", middleware: [RequirePermission(permission: .recordIntake)]) { request in
            let view = try await OrientationView.load(request, context: context, audit: .slipPrinted)
            let facts = PersonSlip.Facts(orientation: view.orientation, intake: view.intake, person: view.person, destination: view.destination,
                                         bookingSite: view.bookingSite, desk: view.origin, deskPhone: context.configuration.deskPhone, motives: context.motives,
                                         commune: view.commune, partners: view.partners)
            let slip = PersonSlip(facts, documentKeys: context.slipCatalogues.french.documentKeys(motive:))
            let page = ReferralSlip.render(slip, catalogues: context.slipCatalogues, language: view.intake.language,
                                           backLink: "/orientations/\(view.orientation.id)")
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: page.bytes)
        }
    }

    /// The decision page's form, read as the service expects it.
    static func submission(intakeID: Int64, form: FormData) throws -> OrientationService.Submission {
        var submission = OrientationService.Submission(intakeID: intakeID)
        let kind = form["reservation"].nonBlank
        submission.booking = OrientationRepository.Booking(kind: kind.flatMap(BookingKind.init(rawValue:)), date: form["reservation_date"].nonBlank,
                                                           time: form["reservation_heure"].nonBlank, place: form["reservation_lieu"].nonBlank)
        submission.unknownBookingKind = kind != nil && submission.booking.kind == nil
        submission.slot = form["creneau"] ?? ""
        if let service = Service(rawValue: form["derogation_service"] ?? "") {
            submission.derogation = .init(service: service, justification: (form["justification"] ?? "").trimmed,
                                          agreedByPTS: (form["accord_pts"] ?? "").trimmed, agreedByCCAS: (form["accord_ccas"] ?? "").trimmed)
        }
        return submission
    }

    /// The decision page again, with what was submitted and why it was not saved.
    static func decisionPage(_ request: Request, context: AppContext, submission: OrientationService.Submission,
                             errors: [(field: String, message: String)], status: HTTPStatus,
                             title: String = "Orientation proposée") async throws -> HTTPResponse {
        var input = try await loadDecision(request, context: context, auditRead: false)
        input.submission = submission
        input.errors = errors
        return Layout.response(title: title, body: DecisionPage.render(request, input, motives: context.motives), request: request, status: status)
    }

    /// - Parameter auditRead: the page shows a named household: its display is a read of the person's file.
    static func loadDecision(_ request: Request, context: AppContext, auditRead: Bool) async throws -> DecisionPage.Input {
        guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
        try await NeedToKnow.require(request, intake: id, context: context)
        let now = context.now()
        let loaded = try await context.store.write { db -> (IntakeRecord, Person, [OrientationRecord], [DirectorySite], OrientationRouter, [ProtectionReport])? in
            guard let intake = try IntakeRepository.find(db, id: id), let personID = intake.personID,
                  let person = try PersonRepository.find(db, id: personID) else { return nil }
            if auditRead {
                try AuditTrail.record(db, at: now, account: account.id, .personRead, subjectType: "personne", subjectID: String(personID), detail: "accueil \(id)")
            }
            return (intake, person, try OrientationRepository.forIntake(db, id), try SiteDirectory.all(db), try OrientationRouter.stored(db, referential: context.referential),
                    try ProtectionRepository.forIntake(db, id).filter { ProtectionAccess.canRead($0, account) })
        }
        guard let (intake, person, existing, sites, router, protection) = loaded else { throw HTTPError.notFound }
        let decided: RoutingDecision?
        var communeOutsideTable: String?
        do { decided = try OrientationService.decide(intake, derogation: nil, router: router) } catch {
            // A commune the table does not know: only a derogation to Bordeaux's services can orient
            // the person; the page shows where that would lead, and asks for it.
            guard case .unknownCommune(let code) = error else { throw HTTPError(.unprocessableContent, error.message) }
            communeOutsideTable = code
            do { decided = try OrientationService.decide(intake, derogation: nil, router: router, ignoringCommune: true) } catch {
                throw HTTPError(.unprocessableContent, error.message)
            }
        }
        guard let decision = decided else { throw HTTPError.notFound }
        var input = DecisionPage.Input(person: person, intake: intake, decision: decision, destination: sites.first { $0.id == decision.siteID }, existing: existing,
                                       submission: OrientationService.Submission(intakeID: intake.id))
        input.protection = protection
        input.communeOutsideTable = communeOutsideTable
        if let occurrenceID = intake.walkInOccurrence, let walkIn = try await IntakeRoutes.walkIn(occurrenceID, context: context) {
            input.walkIn = (walkIn.label, communeOutsideTable == nil && WalkIns.receivesHere(walkIn.occurrence, decision, referential: context.referential))
        }
        input.partners = try await context.store.read { db in try PartnerDirectory.contacts(db, for: decision.suggestions) }
        if intake.consentOrientation, !decision.isOutsideBordeaux {
            input.slots = try await context.store.read { db in
                try SlotProposals.load(db, service: decision.service, siteID: decision.siteID, context: context)
            }.options
        }
        return input
    }
}
