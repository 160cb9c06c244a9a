import AccueilCore
import HTML
import Orientation
import Web

enum OrientationPage {
    static func render(_ request: Request, _ view: OrientationView, today: LocalDate, rebooking: OrientationRebooking.Offer? = nil,
                       partners: PartnerLoopSection.Data = .init(), now: Int64 = 0) -> HTML {
        let o = view.orientation
        let booking = BookingText.describe(o)
        let needs = MeetingNeeds(view.intake)
        let showsAlert = request.session.map { ProtectionAccess.seesDangerFlag(intakeAuthor: view.intake.accountID, siteID: o.siteID, $0.account) } ?? false
        let canCancel = o.bookingKind != nil && o.status == .open && request.session?.account.can(.recordIntake) == true
        let cancel: HTML = canCancel ? """
            <form method="post" action="/orientations/\(String(o.id))/reservation/annuler">\(FormFields.csrf(request.csrfToken))<button type="submit" class="secondary">Annuler la réservation</button></form>
            """ : .empty
        let notices = ["reservation_annulee": "La réservation a été annulée : le créneau est de nouveau libre.",
                       "reservation": "Le créneau a été réservé.",
                       "lien_envoye": "Le lien est dans la file des courriels : son état s'affiche ci-dessous."]
        let notice: HTML = request.query["info"].flatMap { notices[$0] }
            .map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        return """
            <h1>Orientation \(o.reference)</h1>
            \(notice)
            <p>Pour <strong>\(view.person?.fullName ?? "—")</strong>\(view.person.map { " · <a href=\"/personnes/\(String($0.id))\">voir le dossier</a>" as HTML } ?? .empty)</p>
            \(needs.isEmpty ? .empty : "<p class=\"needs\"><strong>Pour préparer la venue :</strong> \(needs.label)</p>" as HTML)
            <p>État : <strong>\(o.status.label)</strong>\(o.isOverdue(today: today) ? " (en retard)" as HTML : .empty)</p>
            \(o.isOutsideBordeaux
                ? "<section aria-labelledby=\"destination\"><h2 id=\"destination\">\(CommuneCard.heading(o.service, commune: view.commune?.name ?? o.commune ?? ""))</h2>\(CommuneCard.render(view.commune, chosen: o.service))" as HTML
                : "<section aria-labelledby=\"destination\"><h2 id=\"destination\">\(o.service.fullName) : \(view.destination?.name ?? "site à déterminer")</h2>\(SiteCard.render(view.destination))")
            <p>\(booking)</p>
            \(cancel)
            \(rebooking.map { OrientationRebooking.form(request, o, $0) } ?? .empty)
            <h3>Pourquoi</h3><ul>\(HTML.join(o.reasons(showingAlert: showsAlert).map { "<li>\($0)</li>" }))</ul>
            \(o.isDerogation ? "<p><strong>Dérogation</strong> accordée par \(o.derogationAgreement ?? "—") : \(o.derogationJustification ?? "")</p>" as HTML : .empty)
            </section>
            \(PartnerLoopSection.render(request, orientationID: o.id, partners, now: now))
            <p><a class="button" href="/orientations/\(String(o.id))/fiche">Fiche d'orientation à imprimer</a></p>
            """
    }
}

enum BookingText {
    static func describe(_ o: OrientationRecord) -> String {
        let date = o.bookingDate.flatMap { LocalDate(iso: $0)?.frenchDescription } ?? ""
        switch o.bookingKind {
        case .appointment: return "Rendez-vous le \(date) à \(o.bookingTime ?? "") — \(o.bookingPlace ?? "")"
        case .permanence: return "Permanence sans rendez-vous le \(date) — \(o.bookingPlace ?? "")"
        case nil: return "Pas de rendez-vous réservé : la personne prend contact avec le service."
        }
    }
}
