import AccueilCore
import HTML
import HTTPCore
import Orientation
import Planning
import Web

/// An open orientation without a booking (never booked, or its booking cancelled — e.g. a person to
/// call back after a cancelled permanence) gets the planning's free slots again on its page.
enum OrientationRebooking {
    struct Offer {
        let slots: [SlotProposals.Option]
        var chosen = ""
        var error: String?
    }

    static func offer(_ request: Request, _ orientation: OrientationRecord, context: AppContext) async throws -> Offer? {
        guard orientation.bookingKind == nil, orientation.status == .open, orientation.personID != nil, !orientation.isOutsideBordeaux,
              request.session?.account.can(.recordIntake) == true else { return nil }
        let proposals = try await context.store.read { db in
            try SlotProposals.load(db, service: orientation.service, siteID: orientation.siteID, context: context)
        }
        return Offer(slots: proposals.options)
    }

    static func form(_ request: Request, _ orientation: OrientationRecord, _ offer: Offer) -> HTML {
        """
            <section aria-labelledby="reserver">
            <h3 id="reserver">Réserver un créneau</h3>
            \(FormFields.errorSummary(offer.error.map { [("creneau", $0)] } ?? []))
            <form method="post" action="/orientations/\(String(orientation.id))/reservation" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(DecisionPage.slotChoices(offer.slots, chosen: offer.chosen, error: offer.error, none: "Ne pas réserver pour l'instant"))
            \(offer.slots.isEmpty ? .empty : "<p><button type=\"submit\">Réserver ce créneau</button></p>" as HTML)
            </form>
            </section>
            """
    }

    /// POST: books the chosen slot for the orientation's person, in one transaction with the
    /// orientation's new booking fields and the audit row.
    static func book(_ request: Request, context: AppContext) async throws -> HTTPResponse {
        guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
        try await NeedToKnow.require(request, orientation: id, context: context)
        let chosenValue = (try request.form())["creneau"] ?? ""
        let choice = try await SlotChoice.resolve(chosenValue, context: context)
        let failure: (HTTPStatus, String)
        switch choice {
        case .none: failure = (.unprocessableContent, "Choisissez un créneau dans la liste.")
        case .invalid(let message): failure = (.unprocessableContent, message)
        case .chosen(let chosen):
            let now = context.now()
            let referential = context.referential
            do {
                try await context.store.write { db in
                    guard let orientation = try OrientationRepository.find(db, id: id), let personID = orientation.personID else { throw HTTPError.notFound }
                    guard orientation.bookingKind == nil, orientation.status == .open else {
                        throw HTTPError(.conflict, "Cette orientation a déjà une réservation ou n'est plus en attente.")
                    }
                    guard SlotProposals.fits(chosen.occurrence, service: orientation.service, siteID: orientation.siteID, referential: referential) else {
                        throw HTTPError(.unprocessableContent, "Ce créneau ne correspond pas à l'orientation. Choisissez-en un dans la liste.")
                    }
                    try BookingRepository.book(db, occurrenceID: chosen.occurrenceID, slotStart: chosen.start, personID: personID,
                                               orientationID: id, accountID: account.id, at: now)
                    try OrientationRepository.setBooking(db, id: id, chosen.orientationBooking)
                    try AuditTrail.record(db, at: now, account: account.id, .bookingCreated, subjectType: "personne", subjectID: String(personID),
                                          detail: "orientation \(id), créneau \(chosen.occurrenceID) \(chosen.start)")
                }
                return .redirect(to: "/orientations/\(id)?info=reservation")
            } catch let refused as BookingError {
                failure = (.conflict, refused.message + " Choisissez un autre créneau.")
            }
        }
        let view = try await OrientationView.load(request, context: context, audit: .personRead)
        var offer = try await offer(request, view.orientation, context: context)
        offer?.chosen = chosenValue
        offer?.error = failure.1
        return Layout.response(title: "Orientation \(view.orientation.reference)", body: OrientationPage.render(request, view, today: context.today, rebooking: offer),
                               request: request, status: failure.0)
    }
}
