import Orientation
import Planning
import SQLiteStore

/// The permanence figures of a period: what the planning offered (its occurrences, computed by the
/// Planning module from the permanences as they are now), places booked (counters) and people
/// received (reception rows). With a site filter, only the permanences that site hosts.
package struct PermanenceFigures: Sendable, Equatable {
    package struct Group: Sendable, Equatable {
        package var usage = PermanenceUsage()
        package var booked = 0
        /// Receptions: a person who came twice counts twice (the people counts are below).
        package var received = 0
        /// Among them, people received without a booking.
        package var walkIns = 0
    }

    /// By host site id.
    package var bySite: [String: Group] = [:]
    /// By sending service: `"ccas"`, or the circonscription id of the MDS social workers.
    package var byService: [String: Group] = [:]
    package var total = Group()

    /// Distinct people (families) received by MDS social workers in their permanences at the Cité
    /// Municipale, and how many of them were already known at the desk when they were received.
    package var familiesAtCite = 0
    package var familiesAtCiteKnown = 0
    /// Distinct people without minor children received by CCAS social workers in MDS (and antenna)
    /// permanences, and all the distinct people received in permanences of CCAS social workers.
    package var ccasInMDSWithoutMinorChildren = 0
    package var ccasPermanencePeople = 0
    /// Sessions held by CCAS social workers, all of them and those in an MDS or antenna (the bilan's
    /// « part des permanences du service social du CCAS » in sessions).
    package var ccasSessionsHeld = 0
    package var ccasSessionsHeldInMDS = 0

    /// With a site filter: whether that site's places booked / people received are masked in the
    /// all-sites breakdown (as a small group, or to protect one). The site's own totals are then
    /// masked too, or filtering on it would give back what the breakdown hides.
    package var bookedMaskedAmongSites = false
    package var receivedMaskedAmongSites = false

    package static let ccasServiceKey = "ccas"
    /// How far ahead sessions are counted ("à venir").
    package static let horizonDays = 366

    package static func serviceKey(_ institution: Planning.Institution, circonscription: String?) -> String {
        institution == .ccas ? ccasServiceKey : circonscription ?? Planning.Institution.departement.rawValue
    }

    package static func load(_ db: Connection, _ period: StatisticsPeriod, snapshot: PlanningSnapshot, today: CalendarDate) throws -> PermanenceFigures {
        let from = period.from.calendarDate, to = period.to.calendarDate
        let permanences = snapshot.permanences.filter { period.siteID == nil || $0.hostSiteID == period.siteID }
        let byID = Dictionary(permanences.map { ($0.id, $0) }) { first, _ in first }
        // Nothing to expand before the first permanence existed (an "all years" period starts years earlier),
        // nor more than a year ahead (an open-ended permanence would otherwise be expanded to year 9999).
        let start = max(from, permanences.map(\.validFrom).min() ?? to)
        let end = min(to, today.adding(days: Self.horizonDays))

        // Per permanence first, then into its site, its service and the total. Days already written to
        // `permanence_sessions` are read as they were; the others (today, what is to come) are expanded.
        var perPermanence: [String: Group] = [:]
        var liveStart = start
        if let frozen = try PermanenceSessions.frozenThrough(db), from <= frozen {
            let pastEnd = min(end, frozen)
            for (permanenceID, usage) in try PermanenceSessions.usage(db, from: from, to: pastEnd) { perPermanence[permanenceID, default: Group()].usage = usage }
            liveStart = max(start, pastEnd.adding(days: 1))
        }
        Planning.forEachOccurrence(of: permanences, from: liveStart, to: end, closures: snapshot.closures, absences: snapshot.absences) { permanence, date, holder in
            perPermanence[permanence.id, default: Group()].usage.add(holder, on: date, places: permanence.placesPerSession, today: today)
        }
        for (permanenceID, count) in try StatisticsRepository.allSitesCounts(db, period, dimension: PermanenceFacts.bookedDimension) {
            perPermanence[permanenceID, default: Group()].booked += count
        }
        for (permanenceID, count) in try StatisticsRepository.allSitesCounts(db, period, dimension: PermanenceFacts.receivedDimension) {
            perPermanence[permanenceID, default: Group()].received += count
        }
        for (permanenceID, count) in try StatisticsRepository.allSitesCounts(db, period, dimension: PermanenceFacts.walkInDimension) {
            perPermanence[permanenceID, default: Group()].walkIns += count
        }
        var figures = PermanenceFigures()
        let hostKinds = Dictionary(snapshot.sites.map { ($0.id, $0.kind) }) { first, _ in first }
        for (permanenceID, group) in perPermanence {
            guard let permanence = byID[permanenceID] else { continue }
            if permanence.sendingInstitution == .ccas {
                figures.ccasSessionsHeld += group.usage.held
                if [.mds, .antenne].contains(hostKinds[permanence.hostSiteID]) { figures.ccasSessionsHeldInMDS += group.usage.held }
            }
            figures.bySite[permanence.hostSiteID, default: Group()].add(group)
            figures.byService[serviceKey(permanence.sendingInstitution, circonscription: permanence.circonscriptionID), default: Group()].add(group)
            figures.total.add(group)
        }

        let bounds: [any SQLBindable] = [period.from.description, period.to.description, period.siteID, period.siteID]
        func people(_ condition: String, _ extra: [any SQLBindable] = []) throws -> (people: Int, known: Int) {
            let row = try db.queryOne(peopleSQL(condition), bounds + extra)
            return (row?.int("people") ?? 0, row?.int("known") ?? 0)
        }
        (figures.familiesAtCite, figures.familiesAtCiteKnown) = try people(ReceptionCounters.Kind.mdsAtCite.condition)
        figures.ccasInMDSWithoutMinorChildren = try people(Self.ccasInMDSWithoutMinorChildren).people
        figures.ccasPermanencePeople = try people(Self.ccas).people
        return figures
    }

    /// The groups of people of the synthesis: received by MDS social workers at the Cité or by CCAS
    /// social workers in an MDS or antenna (`ReceptionCounters.Kind`), the latter without a minor
    /// child, and by CCAS social workers anywhere.
    package static let ccasInMDSWithoutMinorChildren = ReceptionCounters.Kind.ccasInMDS.condition + " AND without_minor_children = 1"
    package static let ccas = "sending_institution = 'ccas'"

    /// Distinct people received in the period (and host site, or all) under `condition`, grouped by
    /// person key (see migration 7: a family received twice counts once), and how many were already on
    /// file at their first reception (a new family that comes back is on file by then, and is still a
    /// new situation). One query per group: filtering before grouping is three times faster than one
    /// pass with conditional aggregates.
    package static func peopleSQL(_ condition: String) -> String {
        """
        SELECT count(*) AS people, coalesce(sum(known), 0) AS known FROM (
            SELECT min(known_person) AS known FROM permanence_receptions
            WHERE occurrence_date BETWEEN ? AND ? AND (? IS NULL OR host_site_id = ?) AND \(condition)
            GROUP BY person_key)
        """
    }
}

extension PermanenceFigures.Group {
    package mutating func add(_ other: PermanenceFigures.Group) {
        usage = usage + other.usage
        booked += other.booked
        received += other.received
        walkIns += other.walkIns
    }
}
