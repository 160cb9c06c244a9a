import Foundation
import Orientation

extension PersonSlip.Facts {
    /// The slip's facts from what is stored: the orientation (service, rules, booking), the intake
    /// (language, needs, consent, motives), the person's name, and the two sites' public details.
    /// `bookingSite`: the directory site named by the booking's place, when it names one.
    /// `commune`: the commune table's row for an orientation outside Bordeaux (nil otherwise).
    package init(orientation o: OrientationRecord, intake: IntakeRecord, person: Person?, destination: DirectorySite?, bookingSite: DirectorySite?,
         desk: DirectorySite?, deskPhone: String?, motives: MotiveCatalog, commune: CommuneServices? = nil,
         partners: [Suggestion: [DirectoryContact]] = [:]) {
        let booking = o.bookingDate.flatMap(LocalDate.init(iso:)).flatMap { date in
            o.bookingKind.map { Booking(kind: $0, date: date, time: o.bookingTime.nonBlank, place: bookingSite.map(Place.init)) }
        }
        self.init(reference: o.reference, issuedOn: ParisTime(o.createdAt).day, firstName: person?.firstName ?? "",
                  lastName: person?.lastName ?? "", service: o.service, rules: o.rules, isDerogation: o.isDerogation,
                  suggestions: o.suggestions.compactMap(Suggestion.init(rawValue:)), destination: destination.map(Place.init),
                  booking: booking, documentMotives: motives.printable(intake.motives), language: intake.language,
                  interpreterNeeded: intake.interpreterNeeded, accessibilityNeeds: intake.accessibilityNeeds.nonBlank != nil,
                  consentSharing: intake.consentSharing,
                  desk: desk.map { site in
                      var place = Place(site)
                      place.phone = site.phone.nonBlank ?? deskPhone.nonBlank
                      return place
                  })
        self.partners = partners.mapValues { $0.map(Place.init) }
        if o.isOutsideBordeaux {
            // Outside Bordeaux whatever the table says today: never « CCAS de Bordeaux » for them.
            self.commune = commune?.name ?? ""
            self.destination = commune.flatMap { Place(outside: $0, service: o.service) }
        }
    }
}

extension PersonSlip.Facts.Place {
    /// A partner service from the directory: hours written out in French, never the raw syntax.
    package init(_ contact: DirectoryContact) {
        self.init(name: contact.name, address: contact.address, phone: contact.phone,
                  openingHours: contact.openingHours.flatMap(OpeningHours.french), accessibility: nil, email: contact.email)
    }

    /// The commune's service as the person may read it: only from a confirmed row that names it.
    package init?(outside commune: CommuneServices, service: Service) {
        let chosen = commune.service(service)
        guard !commune.toConfirm, let name = chosen.name.nonBlank else { return nil }
        self.init(name: name, address: chosen.address.nonBlank, phone: chosen.phone.nonBlank, openingHours: nil, accessibility: nil)
    }

    package init(_ site: DirectorySite) {
        self.init(name: site.name, address: site.address.nonBlank, phone: site.phone.nonBlank, openingHours: site.openingHours.nonBlank,
                  accessibility: site.accessibility.nonBlank)
    }
}
