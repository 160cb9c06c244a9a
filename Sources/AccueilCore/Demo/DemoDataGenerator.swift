import Foundation
import Orientation
import Planning
import SQLiteStore

/// Fills a database with realistic synthetic activity for demonstrations and load tests
/// (`accueil demo --intakes N`): ten years of intakes on working days, the desk's household mix,
/// motives, sectors, orientations decided by the real rule, places booked in the planning's
/// permanences, and what became of them. Every row is
/// written through the application's repositories, so the summary counters are exactly those the
/// desk would have produced. Names are invented from syllables.
public struct DemoDataGenerator {
    public struct Options: Sendable {
        public var intakes: Int
        public var years = 10
        public var seed: UInt64 = 20_221_001
        public var batchSize = 2_000
        /// The last day of the generated activity (usually today).
        public var lastDay: String

        public init(intakes: Int, lastDay: String) {
            self.intakes = intakes
            self.lastDay = lastDay
        }
    }

    public enum Refusal: Error, CustomStringConvertible {
        case notADemoDatabase

        public var description: String {
            "Cette base contient des comptes réels : « accueil demo » ne remplit qu'une base de démonstration."
        }
    }

    package let options: Options
    package let referential: TerritorialReferential
    package var random: SeededRandom
    /// The planning's places, read when the run starts.
    private var places: DemoPermanencePlaces?
    /// The commune table, read when the run starts: a few residents of neighbouring communes.
    private var communes: [CommuneServices] = []

    public init(options: Options, referential: TerritorialReferential) {
        self.options = options
        self.referential = referential
        random = SeededRandom(seed: options.seed)
    }

    /// Writes the intakes in batches (one transaction each), reporting progress after each batch.
    public mutating func run(_ store: Store, progress: (_ done: Int, _ total: Int) -> Void) throws {
        let (accountID, firstPerson) = try store.readSync { db -> (Int64, Int64) in
            guard try AccountRepository.count(db) == AccountRepository.countDemoAccounts(db),
                  let agent = try db.int("SELECT id FROM accounts WHERE login = 'agent'") else { throw Refusal.notADemoDatabase }
            return (Int64(agent), Int64(try db.int("SELECT coalesce(max(id), 0) FROM persons") ?? 0))
        }
        let days = workingDays()
        let firstDay = days.first?.description ?? options.lastDay, lastDay = options.lastDay, referential = referential
        places = try store.writeSync { db in try DemoPermanencePlaces(db, referential: referential, firstDay: firstDay, lastDay: lastDay) }
        communes = try store.readSync { db in try TerritoryTables.communes(db) }
        var lastPerson = firstPerson
        var done = 0
        while done < options.intakes {
            let count = min(options.batchSize, options.intakes - done)
            let start = done
            // One transaction per batch; its counter increments are summed in memory and written at the
            // end of the batch (same transaction), which makes bulk generation several times faster.
            try store.writeSync { db in
                try StatisticsCounters.batching(db) {
                    for index in start..<(start + count) {
                        let day = days[index * days.count / options.intakes]
                        try intake(db, day: day, accountID: accountID, lastPerson: &lastPerson)
                    }
                }
            }
            done += count
            progress(done, options.intakes)
        }
    }

    /// Monday to Friday over `years` years ending on `lastDay`.
    package func workingDays() -> [LocalDate] {
        guard let last = LocalDate(iso: options.lastDay) else { return [] }
        let first = last.daysSinceEpoch - options.years * 365 + 1
        // 1970-01-01 was a Thursday: day 0 has weekday index 3 (Monday = 0).
        return (first...last.daysSinceEpoch).filter { ($0 + 3) % 7 < 5 }.compactMap { LocalDate(daysSinceEpoch: $0) }
    }

    package static let sites: [(String, Double)] = [("ccas-cite-municipale", 0.6), ("mds-bastide", 0.08), ("mds-centre", 0.08), ("mds-grand-parc", 0.06),
                                            ("mds-lac", 0.06), ("mds-saint-jean", 0.06), ("mds-saint-michel", 0.06)]
    package static let motives: [(String, Double)] = [("logement", 0.22), ("acces-droits", 0.2), ("ecoute-information", 0.14), ("budget-aides", 0.12),
                                              ("prevention-expulsions", 0.04), ("sante", 0.05), ("insertion-emploi-rsa", 0.06), ("autonomie-handicap", 0.05),
                                              ("enfance-famille", 0.05), ("violences-intrafamiliales", 0.02), ("alimentation", 0.03), ("numerique", 0.01), ("autre", 0.01)]

    private mutating func intake(_ db: Connection, day: LocalDate, accountID: Int64, lastPerson: inout Int64) throws {
        let at = ParisTime.start(of: day).seconds + Int64.random(in: 30_600...61_200, using: &random)
        let site = random.weighted(Self.sites)
        let channel = random.weighted([(IntakeChannel.onSite, 0.6), (.phone, 0.35), (.email, 0.05)])
        if random.chance(0.15) {
            let id = try IntakeRepository.insert(db, .init(at: at, siteID: site, accountID: accountID, channel: channel, level: 1,
                                                           informationOnly: true, motives: ["ecoute-information"]))
            try AuditTrail.record(db, at: at, account: accountID, .intakeCreated, subjectType: "accueil", subjectID: String(id), detail: "information seule")
            return
        }
        let age: Int? = random.weighted([(Int?.some(Int.random(in: 16...17, using: &random)), 0.01), (Int.random(in: 18...25, using: &random), 0.12),
                                         (Int.random(in: 26...59, using: &random), 0.55), (Int.random(in: 60...65, using: &random), 0.10),
                                         (Int.random(in: 66...95, using: &random), 0.18), (nil, 0.04)])
        let shape = random.weighted([("seul", 0.45), ("couple", 0.12), ("monoparental", 0.28), ("couple_enfants", 0.15)])
        var children: [Child] = []
        if shape == "monoparental" || shape == "couple_enfants" {
            for _ in 0..<random.weighted([(1, 0.5), (2, 0.3), (3, 0.2)]) {
                let birth = LocalDate(daysSinceEpoch: day.daysSinceEpoch - Int.random(in: 60...(17 * 365), using: &random)) ?? day
                children.append(Child(birthDate: birth))
            }
        }
        let homeless = random.chance(0.05)
        // One in thirty lives in a neighbouring commune: no Bordeaux sector then.
        let commune = !homeless && random.chance(0.033) ? communes.randomElement(using: &random) : nil
        let household = Household(adults: shape.hasPrefix("couple") ? 2 : 1, pregnant: random.chance(0.03), children: children,
                                  homeless: homeless, age: age, disability: random.chance(0.06), rsa: random.chance(0.15),
                                  sector: homeless || commune != nil ? nil : referential.sectors.randomElement(using: &random)?.key,
                                  commune: commune?.inseeCode ?? Commune.bordeaux)
        // A third of the people were already on file: the agent picked their existing record.
        var personID: Int64
        let known = lastPerson > 0 && random.chance(0.3)
        if known {
            personID = Int64.random(in: 1...lastPerson, using: &random)
        } else {
            let birth = age.flatMap { LocalDate(daysSinceEpoch: day.daysSinceEpoch - $0 * 365 - Int.random(in: 0...364, using: &random)) }
            personID = try PersonRepository.insert(db, lastName: SyntheticNames.lastName(&random), firstName: SyntheticNames.firstName(&random),
                                                   birthDate: birth?.description, phone: nil, followedBy: nil, referent: nil, at: at)
            lastPerson = personID
        }
        var motives = [random.weighted(Self.motives)]
        if random.chance(0.35) { motives.append(random.weighted(Self.motives)) }
        // One intake in twenty-five is made outside the sites; most evictions are recorded with their stage.
        let outreach = channel == .onSite && random.chance(0.04)
            ? Outreach(place: random.weighted([(Outreach.Place.permanence, 0.5), (.home, 0.25), (.partner, 0.15), (.street, 0.1)]),
                       team: random.weighted([(Outreach.Team.mds, 0.5), (.ccas, 0.35), (.joint, 0.15)]))
            : nil
        let stage = motives.contains(ExpulsionStage.motive) && random.chance(0.7)
            ? random.weighted([(ExpulsionStage.unpaidRent, 0.5), (.summons, 0.25), (.orderToLeave, 0.15), (.policeAssistance, 0.1)]) : nil
        let intakeID = try IntakeRepository.insert(db, .init(
            personID: personID, at: at, siteID: site, accountID: accountID, channel: channel, level: random.chance(0.2) ? 2 : 1,
            household: OrientationRequest(date: day, household: household), age: age, consentOrientation: true, consentSharing: true,
            knownPerson: known, motives: motives, outreach: outreach, expulsionStage: stage))
        try AuditTrail.record(db, at: at, account: accountID, .intakeCreated, subjectType: "personne", subjectID: String(personID), detail: "accueil \(intakeID)")
        guard random.chance(0.85) else { return }
        try orientation(db, household: household, day: day, at: at + 600, intakeID: intakeID, personID: personID, accountID: accountID)
    }

    private mutating func orientation(_ db: Connection, household: Household, day: LocalDate, at: Int64, intakeID: Int64,
                                      personID: Int64, accountID: Int64) throws {
        var household = household
        if random.chance(0.02) {
            household.derogation = Derogation(service: random.chance(0.5) ? .ccas : .mds, justification: "Suivi déjà engagé",
                                              agreedByPTS: "Responsable de circonscription", agreedByCCAS: "Responsable du service social")
        }
        // The referential starts on 2022-10-01: earlier (synthetic) days are routed with its first version.
        let ruleDay = max(day, LocalDate(iso: "2022-10-01")!)
        guard let decision = try? orient(household, on: ruleDay, referential: referential, communes: communes) else { return }
        // Outside Bordeaux the person goes to their commune's services: nothing booked here.
        let slot = !decision.isOutsideBordeaux && random.chance(0.7) ? Int.random(in: 1...21, using: &random) : nil
        var booking = OrientationRepository.Booking(kind: slot == nil ? nil : random.weighted([(BookingKind.appointment, 0.6), (.permanence, 0.4)]),
                                                    date: slot.flatMap { LocalDate(daysSinceEpoch: day.daysSinceEpoch + $0) }?.description,
                                                    time: slot == nil ? nil : "09:30", place: nil)
        // A place in a permanence when one is free within three weeks; otherwise the service gives an appointment.
        var reserved: (occurrence: Occurrence, slot: PermanenceSlot)?
        if booking.kind == .permanence {
            reserved = places?.reserve(for: decision, after: day, using: &random)
            if let reserved {
                booking = .init(kind: .permanence, date: reserved.occurrence.date.description, time: reserved.slot.start.description,
                                place: places?.siteName(reserved.occurrence.siteID))
            } else {
                booking.kind = .appointment
            }
        }
        let slotDay = booking.date.flatMap { LocalDate(iso: $0) }
        let id = try OrientationRepository.insert(db, decision: decision, intakeID: intakeID, personID: personID, accountID: accountID,
                                                  derogation: household.derogation, booking: booking, at: at)
        if let reserved {
            do {
                try BookingRepository.book(db, occurrenceID: reserved.occurrence.id, slotStart: reserved.slot.start, personID: personID,
                                           orientationID: id, accountID: accountID, at: at)
            } catch is BookingError {
                // The same (known) person drawn twice for one occurrence: the orientation keeps its date without a place.
            }
        }
        // What became of it: settled for old ones, mostly still open for the last three weeks.
        let last = LocalDate(iso: options.lastDay)?.daysSinceEpoch ?? day.daysSinceEpoch
        let settledOn = (slotDay ?? day).daysSinceEpoch
        guard settledOn <= last, random.chance(last - day.daysSinceEpoch > 21 ? 0.96 : 0.4) else { return }
        let status = random.weighted([(OrientationRecord.Status.honoured, 0.68), (.notHonoured, 0.15), (.excused, 0.11), (.reoriented, 0.06)])
        try OrientationRepository.setStatus(db, id: id, status, accountID: accountID,
                                            at: (LocalDate(daysSinceEpoch: settledOn).map { ParisTime.start(of: $0).seconds } ?? at) + 43_200)
    }
}
