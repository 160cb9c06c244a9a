import Orientation
import Planning
import SQLiteStore

/// The synthetic activity's bookings into the planning: for an orientation the desk books into a
/// permanence, the first occurrence within three weeks that fits the decision (the same filters as
/// the decision page) and still has a place. Places taken are tracked here, so a full week sends the
/// next people to the following one, or to a hand-made appointment when all are full.
package struct DemoPermanencePlaces {
    package static let horizonDays = 21

    private let occurrences: [Occurrence]
    private let referential: TerritorialReferential
    private let allSites: Set<String>
    private let siteNames: [String: String]
    /// "<occurrence id> <slot start>" → places taken.
    private var taken: [String: Int] = [:]

    /// Reads the planning, after letting the demo's permanences start with the generated activity:
    /// the Annexe 4 grids are a 2023 arrangement, but ten years of figures need permanences throughout.
    package init(_ db: Connection, referential: TerritorialReferential, firstDay: String, lastDay: String) throws {
        try db.run("UPDATE permanences SET valid_from = ? WHERE valid_from > ?", [firstDay, firstDay])
        let snapshot = try PlanningSnapshot.load(db, referential: referential)
        let from = CalendarDate(firstDay) ?? CalendarDate(year: 2016, month: 1, day: 1)!
        let to = (CalendarDate(lastDay) ?? from).adding(days: Self.horizonDays)
        occurrences = snapshot.occurrences(from: from, to: to).filter { !$0.isCancelled }
        self.referential = referential
        allSites = Set(snapshot.sites.map(\.id))
        siteNames = Dictionary(snapshot.sites.map { ($0.id, $0.name) }) { first, _ in first }
        for booking in try BookingRepository.active(db, from: from, to: to) { taken["\(booking.occurrenceID) \(booking.slotStart)", default: 0] += 1 }
    }

    /// A free place for `decision` after `day`, reserved here (the caller books it in the database):
    /// one of the first three occurrences that fit and have room, as the agent picks among the
    /// proposals the one that suits the person.
    package mutating func reserve(for decision: RoutingDecision, after day: LocalDate,
                          using random: inout SeededRandom) -> (occurrence: Occurrence, slot: PermanenceSlot)? {
        let first = day.calendarDate.adding(days: 1)
        let last = first.adding(days: Self.horizonDays - 1)
        let filters = SlotProposals.filters(service: decision.service, siteID: decision.siteID, referential: referential, allSites: allSites)
        var candidates: [(occurrence: Occurrence, slot: PermanenceSlot)] = []
        var index = lowerBound(first)
        while index < occurrences.count, occurrences[index].date <= last, candidates.count < 3 {
            let occurrence = occurrences[index]
            index += 1
            guard filters.contains(where: { $0.matches(occurrence) }),
                  let slot = occurrence.slots.first(where: { taken["\(occurrence.id) \($0.start)", default: 0] < $0.capacity }) else { continue }
            candidates.append((occurrence, slot))
        }
        guard let chosen = candidates.randomElement(using: &random) else { return nil }
        taken["\(chosen.occurrence.id) \(chosen.slot.start)", default: 0] += 1
        return chosen
    }

    package func siteName(_ id: String) -> String { siteNames[id] ?? id }

    /// The index of the first occurrence on or after `date` (occurrences are sorted by date).
    private func lowerBound(_ date: CalendarDate) -> Int {
        var low = 0, high = occurrences.count
        while low < high {
            let middle = (low + high) / 2
            if occurrences[middle].date < date { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
