import Orientation
import Planning
import SQLiteStore

/// The free slots offered on the decision page: permanences that fit the decision, soonest first.
///
/// - CCAS: permanences held by CCAS social workers (in the MDS and the antenna), wherever they are.
/// - MDS: permanences the Département holds at the decision's MDS, and those of its circonscription
///   elsewhere — above all its afternoon at the Cité Municipale, and its outreach places. The MDS's
///   own appointment book is not in the planning: the hand-typed booking stays for it.
package struct SlotProposals: Sendable {
    /// Six weeks: beyond that the desk asks the person to call back.
    package static let horizonDays = 42
    package static let limit = 9
    /// A few slots per occurrence, so several days and places are offered rather than one morning.
    package static let perOccurrence = 3

    package struct Option: Sendable {
        package let slot: FreeSlot
        package let label: String
        package var value: String { PlanningText.slotValue(slot.occurrenceID, slot.start) }
    }

    package let options: [Option]

    /// `siteID`: the decision's destination (an MDS for `.mds`).
    package static func filters(service: Service, siteID: String?, referential: TerritorialReferential, allSites: Set<String>) -> [SlotFilter] {
        switch service {
        case .ccas:
            return [SlotFilter(siteIDs: allSites, sendingInstitution: .ccas)]
        case .mds:
            guard let siteID else { return [] }
            var filters = [SlotFilter(siteIDs: [siteID], sendingInstitution: .departement)]
            if let circonscription = referential.site(id: siteID)?.circonscription {
                filters.append(SlotFilter(siteIDs: allSites, sendingInstitution: .departement, circonscriptionID: circonscription))
            }
            return filters
        }
    }

    /// Whether an occurrence is one the decision may be booked into (a slot posted by hand-made
    /// request, or chosen before a derogation changed the service).
    package static func fits(_ occurrence: Occurrence, service: Service, siteID: String?, referential: TerritorialReferential) -> Bool {
        filters(service: service, siteID: siteID, referential: referential, allSites: [occurrence.siteID]).contains { $0.matches(occurrence) }
    }

    package static func load(_ db: Connection, service: Service, siteID: String?, context: AppContext) throws -> SlotProposals {
        let now = context.parisNow
        let last = now.day.calendarDate.adding(days: horizonDays)
        let snapshot = try PlanningSnapshot.load(db, referential: context.referential)
        let bookings = try BookingRepository.active(db, from: now.day.calendarDate, to: last)
        let occurrences = snapshot.occurrences(from: now.day.calendarDate, to: last)
        let ledger = BookingLedger(occurrences: occurrences, bookings: bookings.map(\.planningBooking))
        let filters = filters(service: service, siteID: siteID, referential: context.referential, allSites: Set(snapshot.sites.map(\.id)))
        let byID = Dictionary(occurrences.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return SlotProposals(options: pick(ledger, filters: filters, now: now).compactMap { slot in
            byID[slot.occurrenceID].map { Option(slot: slot, label: label(slot, $0, snapshot.directory)) }
        })
    }

    package static func pick(_ ledger: BookingLedger, filters: [SlotFilter], now: ParisTime) -> [FreeSlot] {
        let candidates = filters
            .flatMap { ledger.nextFreeSlots(matching: $0, from: now.day.calendarDate, at: now.time, limit: 500) }
            .sorted { ($0.date, $0.start, $0.siteID, $0.occurrenceID) < ($1.date, $1.start, $1.siteID, $1.occurrenceID) }
        var seen: Set<String> = [], perOccurrence: [String: Int] = [:], picked: [FreeSlot] = []
        for slot in candidates where picked.count < limit {
            guard seen.insert(PlanningText.slotValue(slot.occurrenceID, slot.start)).inserted,
                  perOccurrence[slot.occurrenceID, default: 0] < Self.perOccurrence else { continue }
            perOccurrence[slot.occurrenceID, default: 0] += 1
            picked.append(slot)
        }
        return picked
    }

    /// "jeudi 19 novembre 2026, 9h–9h30 — MDS Saint-Michel (Permanence CCAS, sur rendez-vous)".
    package static func label(_ slot: FreeSlot, _ occurrence: Occurrence, _ directory: PlanningDirectory) -> String {
        let places = slot.capacityIsSoft ? "sans rendez-vous, \(slot.remaining) place\(slot.remaining > 1 ? "s" : "") réservable\(slot.remaining > 1 ? "s" : "")"
            : "sur rendez-vous"
        return "\(slot.date.frenchLabel), \(PlanningText.hours(slot.start, slot.end)) — \(directory.siteName(slot.siteID)) "
            + "(\(PlanningText.sender(occurrence, directory)), \(places))"
    }
}
