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
            return Layout.response(title: "Orientation proposée", body: DecisionPage.render(request, input), request: request)
        }

        router.post("/accueils/:id/orientation", middleware: intakeGate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let form = try request.form()
            var input = try await loadDecision(request, context: context, auditRead: false)
            guard input.intake.consentOrientation else { throw HTTPError(.conflict, "La personne n'a pas donné son accord pour être orientée.") }
            input.booking = OrientationRepository.Booking(kind: form["reservation"].nonBlank, date: form["reservation_date"].nonBlank,
                                                          time: form["reservation_heure"].nonBlank, place: form["reservation_lieu"].nonBlank)
            input.derogationService = form["derogation_service"] ?? ""
            input.justification = (form["justification"] ?? "").trimmed
            input.agreedBy = (form["accord"] ?? "").trimmed
            var derogation: Derogation?
            if let service = Service(rawValue: input.derogationService) {
                guard account.can(.grantDerogation) else { throw HTTPError.forbidden }
                if input.justification.isEmpty { input.errors.append(("justification", "Une dérogation doit être justifiée par écrit.")) }
                if input.agreedBy.isEmpty { input.errors.append(("accord", "Indiquez qui a donné l'accord de dérogation.")) }
                derogation = Derogation(service: service, justification: input.justification, agreedBy: input.agreedBy)
            }
            input.chosenSlot = form["creneau"] ?? ""
            let slot = try await SlotChoice.resolve(input.chosenSlot, context: context)
            switch slot {
            case .none: input.errors += BookingCheck.errors(input.booking, intakeDay: FrenchDates.isoDay(input.intake.at))
            case .invalid(let message): input.errors.append(("creneau", message))
            case .chosen: break
            }
            guard input.errors.isEmpty else {
                return Layout.response(title: "Orientation proposée", body: DecisionPage.render(request, input), request: request, status: .unprocessableContent)
            }
            let decision = try recompute(input.intake, derogation: derogation, context: context)
            // A derogation changes the service: a slot chosen from the rule's list may no longer fit.
            if case .chosen(let chosen) = slot,
               !SlotProposals.fits(chosen.occurrence, service: decision.service, siteID: decision.siteID, referential: context.referential) {
                input.errors.append(("creneau", "Ce créneau ne correspond pas à l'orientation retenue (\(decision.service.rawValue)) : choisissez « Aucun créneau du planning » et saisissez la réservation à la main."))
                return Layout.response(title: "Orientation proposée", body: DecisionPage.render(request, input), request: request, status: .unprocessableContent)
            }
            var booking = input.booking
            if case .chosen(let chosen) = slot { booking = chosen.orientationBooking }
            if booking.kind != nil, booking.place == nil { booking.place = decision.site }
            let now = context.now()
            let saved = input
            let (finalBooking, finalDerogation) = (booking, derogation)
            let id: Int64
            do {
                id = try await context.store.write { db -> Int64 in
                    // One live orientation per intake: a second submit (double click, back button) must not
                    // send the person twice; only a re-orientation opens the way to a new one.
                    if let live = try OrientationRepository.forIntake(db, saved.intake.id).first(where: { $0.status != .reoriented }) {
                        throw HTTPError(.conflict, "Cette orientation est déjà confirmée (\(live.reference)) : rien n'a été enregistré en double.")
                    }
                    let id = try OrientationRepository.insert(db, decision: decision, intakeID: saved.intake.id, personID: saved.person.id,
                                                              accountID: account.id, derogation: finalDerogation, booking: finalBooking, at: now)
                    try AuditTrail.record(db, at: now, account: account.id, .orientationDecided, subjectType: "personne", subjectID: String(saved.person.id),
                                          detail: "orientation \(id) vers \(decision.service.rawValue)")
                    if finalDerogation != nil {
                        try AuditTrail.record(db, at: now, account: account.id, .derogationRecorded, subjectType: "personne", subjectID: String(saved.person.id),
                                              detail: "orientation \(id)")
                    }
                    if case .chosen(let chosen) = slot {
                        // Same transaction: the orientation exists only if its place was still free.
                        try BookingRepository.book(db, occurrenceID: chosen.occurrenceID, slotStart: chosen.start, personID: saved.person.id,
                                                   orientationID: id, accountID: account.id, at: now)
                        try AuditTrail.record(db, at: now, account: account.id, .bookingCreated, subjectType: "personne", subjectID: String(saved.person.id),
                                              detail: "orientation \(id), créneau \(chosen.occurrenceID) \(chosen.start)")
                    }
                    return id
                }
            } catch let refused as BookingError {
                // Taken meanwhile (another desk was quicker): nothing was saved; offer what is left.
                var again = try await loadDecision(request, context: context, auditRead: false)
                again.booking = input.booking
                again.derogationService = input.derogationService
                again.justification = input.justification
                again.agreedBy = input.agreedBy
                again.errors = [("creneau", refused.message + " Rien n'a été enregistré : choisissez un autre créneau.")]
                return Layout.response(title: "Créneau indisponible", body: DecisionPage.render(request, again), request: request, status: .conflict)
            }
            return .redirect(to: "/orientations/\(id)")
        }

        router.post("/orientations/:id/reservation/annuler", middleware: intakeGate) { request in
            guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
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
            return Layout.response(title: "Orientation \(view.orientation.reference)",
                                   body: OrientationPage.render(request, view, today: FrenchDates.isoDay(context.now()), rebooking: rebooking), request: request)
        }

        router.post("/orientations/:id/reservation", middleware: intakeGate) { request in
            try await OrientationRebooking.book(request, context: context)
        }

        router.get("/orientations/:id/fiche", middleware: [RequirePermission(permission: .recordIntake)]) { request in
            let view = try await OrientationView.load(request, context: context, audit: .slipPrinted)
            let facts = PersonSlip.Facts(orientation: view.orientation, intake: view.intake, person: view.person, destination: view.destination,
                                         bookingSite: view.bookingSite, desk: view.origin, deskPhone: context.configuration.deskPhone, motives: context.motives)
            let slip = PersonSlip(facts, documentKeys: context.slipCatalogues.french.documentKeys(motive:))
            let page = ReferralSlip.render(slip, catalogues: context.slipCatalogues, language: view.intake.language,
                                           backLink: "/orientations/\(view.orientation.id)")
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: page.bytes)
        }
    }

    /// The stored household re-evaluated at the intake's date: the same input always gives the same decision.
    static func recompute(_ intake: IntakeRecord, derogation: Derogation?, context: AppContext) throws -> RoutingDecision {
        guard let stored = intake.household.flatMap(HouseholdJSON.decode), let date = stored.date else { throw HTTPError.notFound }
        var household = stored.household
        household.derogation = derogation
        do { return try orient(household, on: date, referential: context.referential) } catch {
            throw HTTPError(.unprocessableContent, error.message)
        }
    }

    /// - Parameter auditRead: the page shows a named household: its display is a read of the person's file.
    static func loadDecision(_ request: Request, context: AppContext, auditRead: Bool) async throws -> DecisionPage.Input {
        guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
        let now = context.now()
        let loaded = try await context.store.write { db -> (IntakeRecord, Person, [OrientationRecord], [DirectorySite])? in
            guard let intake = try IntakeRepository.find(db, id: id), let personID = intake.personID,
                  let person = try PersonRepository.find(db, id: personID) else { return nil }
            if auditRead {
                try AuditTrail.record(db, at: now, account: account.id, .personRead, subjectType: "personne", subjectID: String(personID), detail: "accueil \(id)")
            }
            return (intake, person, try OrientationRepository.forIntake(db, id), try SiteDirectory.all(db))
        }
        guard let (intake, person, existing, sites) = loaded else { throw HTTPError.notFound }
        let decision = try recompute(intake, derogation: nil, context: context)
        var input = DecisionPage.Input(person: person, intake: intake, decision: decision, destination: sites.first { $0.id == decision.siteID }, existing: existing)
        if intake.consentOrientation {
            input.slots = try await context.store.read { db in
                try SlotProposals.load(db, service: decision.service, siteID: decision.siteID, context: context)
            }.options
        }
        return input
    }
}

/// Checks a booking entered by hand (until the planning supplies slots).
enum BookingCheck {
    static func errors(_ booking: OrientationRepository.Booking, intakeDay: String) -> [(field: String, message: String)] {
        var errors: [(field: String, message: String)] = []
        switch booking.kind {
        case nil:
            return []
        case "rendez_vous", "permanence":
            guard let date = booking.date, let start = FrenchDates.startOfDay(date) else {
                return [("reservation_date", "Indiquez la date de la réservation.")]
            }
            if let intake = FrenchDates.startOfDay(intakeDay), start < intake { errors.append(("reservation_date", "La réservation ne peut pas précéder l'accueil.")) }
            if booking.kind == "rendez_vous" {
                if FrenchDates.time(booking.time ?? "").map({ !(7...20).contains($0.hour) }) ?? true {
                    errors.append(("reservation_heure", "Indiquez l'heure du rendez-vous (entre 7 h et 20 h)."))
                }
            }
        default:
            errors.append(("reservation", "Type de réservation inconnu."))
        }
        if let place = booking.place, place.count > 200 { errors.append(("reservation_lieu", "Le lieu est trop long (200 caractères au plus).")) }
        return errors
    }
}
