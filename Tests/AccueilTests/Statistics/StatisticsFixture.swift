import Foundation
import Orientation
import SQLiteStore
@testable import AccueilCore
@testable import AccueilWeb

/// A small hand-built activity, saved through the same repositories as the desk's routes (so the
/// summary counters are maintained as in production). Expected figures are worked out by hand in
/// `StatisticsFiguresTests`.
struct StatisticsFixture {
    let referential: TerritorialReferential
    let accountID: Int64 = 1

    static func time(_ day: String, hour: Int = 10) -> Int64 { ParisTime.start(of: LocalDate(iso: day)!).seconds + Int64(hour * 3600) }

    struct Contact {
        var day: String
        var site = "ccas-cite-municipale"
        var channel = IntakeChannel.onSite
        var level = 1
        var age: Int? = nil
        var adults = 1
        var children: [String] = []
        var pregnant = false
        var sector = "centre"
        var known = false
        var motives = ["logement"]
        /// An existing person's file; a new one when nil.
        var person: Int64? = nil
        /// Declared already followed by this service at the intake.
        var followedBy: Service? = nil
        var outreach: Outreach? = nil
        var expulsionStage: ExpulsionStage? = nil
    }

    /// Saves a named intake and returns its id and household.
    @discardableResult
    func intake(_ db: Connection, _ c: Contact) throws -> (id: Int64, household: Household) {
        let day = LocalDate(iso: c.day)!
        let household = Household(adults: c.adults, pregnant: c.pregnant,
                                  children: c.children.map { Child(birthDate: LocalDate(iso: $0)!) }, age: c.age, sector: c.sector,
                                  alreadyFollowedBy: c.followedBy)
        let person = try c.person ?? PersonRepository.insert(db, lastName: "Zyxwaldo", firstName: "Quintessa", birthDate: nil, phone: nil,
                                                             followedBy: nil, referent: nil, at: Self.time(c.day))
        let id = try IntakeRepository.insert(db, .init(personID: person, at: Self.time(c.day), siteID: c.site, accountID: accountID,
                                                       channel: c.channel, level: c.level, household: OrientationRequest(date: day, household: household),
                                                       age: c.age, consentOrientation: true, knownPerson: c.known, motives: c.motives,
                                                       outreach: c.outreach, expulsionStage: c.expulsionStage))
        return (id, household)
    }

    func information(_ db: Connection, day: String, channel: IntakeChannel, site: String = "ccas-cite-municipale") throws {
        _ = try IntakeRepository.insert(db, .init(at: Self.time(day), siteID: site, accountID: accountID, channel: channel, level: 1,
                                                  informationOnly: true, motives: ["ecoute-information"]))
    }

    /// Orients a saved intake with the real rule, the same day, with an optional booking `bookingIn` days later.
    @discardableResult
    func orientation(_ db: Connection, _ saved: (id: Int64, household: Household), day: String, bookingIn: Int? = nil,
                     derogation: Derogation? = nil) throws -> Int64 {
        var household = saved.household
        household.derogation = derogation
        let decision = try orient(household, on: LocalDate(iso: day)!, referential: referential)
        let booking = OrientationRepository.Booking(kind: bookingIn == nil ? nil : .appointment,
                                                    date: bookingIn.flatMap { LocalDate(iso: day)?.adding(days: $0)?.description }, time: bookingIn == nil ? nil : "09:00")
        return try OrientationRepository.insert(db, decision: decision, intakeID: saved.id, personID: nil, accountID: accountID,
                                                derogation: derogation, booking: booking, at: Self.time(day, hour: 11))
    }

    func status(_ db: Connection, _ id: Int64, _ status: OrientationRecord.Status) throws {
        try OrientationRepository.setStatus(db, id: id, status, accountID: accountID, at: Self.time("2026-11-10"))
    }

    /// October 2026 (the period under test), September 2026 (its previous period), and one July contact outside both.
    func fill(_ db: Connection) throws {
        // A — six people aged 70 living alone, CCAS (+ seniors), slot 4 days later: 3 honoured, 1 not, 2 still open (overdue).
        for index in 0..<6 {
            let saved = try intake(db, Contact(day: "2026-10-05", age: 70, motives: ["logement", "acces-droits"]))
            let id = try orientation(db, saved, day: "2026-10-05", bookingIn: 4)
            if index < 3 { try status(db, id, .honoured) } else if index == 3 { try status(db, id, .notHonoured) }
        }
        // B — five lone parents by phone, level 2, MDS Bastide, no slot, open (overdue); two already known.
        for index in 0..<5 {
            let saved = try intake(db, Contact(day: "2026-10-12", channel: .phone, level: 2, age: 35, children: ["2020-01-01"],
                                               sector: "bastide", known: index < 2))
            try orientation(db, saved, day: "2026-10-12")
        }
        // C — two young couples by e-mail, CCAS (+ PLAJe), slot 14 days later (2026-11-11: not overdue); one excused.
        for index in 0..<2 {
            let saved = try intake(db, Contact(day: "2026-10-28", channel: .email, age: 22, adults: 2, motives: ["budget-aides"]))
            let id = try orientation(db, saved, day: "2026-10-28", bookingIn: 14)
            if index == 0 { try status(db, id, .excused) }
        }
        // D — one pregnant woman alone, sent to the CCAS by derogation, open (overdue).
        let d = try intake(db, Contact(day: "2026-10-20", age: 28, pregnant: true, sector: "lac", motives: ["sante"]))
        try orientation(db, d, day: "2026-10-20", derogation: Derogation(service: .ccas, justification: "Suivi en cours", agreedByPTS: "Cheffe de service", agreedByCCAS: "Responsable du CCAS"))
        // E — seven anonymous information contacts: four at the desk, three by phone.
        for index in 0..<7 { try information(db, day: "2026-10-15", channel: index < 4 ? .onSite : .phone) }
        // F — three couples with children received at the MDS Bastide, slot 3 days later, honoured.
        for _ in 0..<3 {
            let saved = try intake(db, Contact(day: "2026-10-31", site: "mds-bastide", age: 40, adults: 2, children: ["2015-03-01", "2018-07-01"],
                                               sector: "bastide", motives: ["enfance-famille"]))
            try status(db, try orientation(db, saved, day: "2026-10-31", bookingIn: 3), .honoured)
        }
        // G — September: eight people aged 50, CCAS, slot 2 days later, honoured; H — two information contacts.
        for _ in 0..<8 {
            let saved = try intake(db, Contact(day: "2026-09-10", age: 50))
            try status(db, try orientation(db, saved, day: "2026-09-10", bookingIn: 2), .honoured)
        }
        for _ in 0..<2 { try information(db, day: "2026-09-30", channel: .onSite) }
        // Outside both periods.
        try intake(db, Contact(day: "2026-07-15", age: 45))
    }
}
