/// Finds what the paper grids used to hide: double-booked social workers, permanences nobody can
/// cover, circonscriptions absent from the Cité Municipale for a week, overbooked slots.
public struct ConflictDetector: Sendable {
    public var directory: PlanningDirectory
    /// The CCAS site where each circonscription must hold one afternoon a week.
    public var ccasSiteID: String
    /// The circonscriptions expected there.
    public var circonscriptionIDs: [String]

    public init(directory: PlanningDirectory, ccasSiteID: String, circonscriptionIDs: [String]) {
        self.directory = directory
        self.ccasSiteID = ccasSiteID
        self.circonscriptionIDs = circonscriptionIDs
    }

    /// All conflicts in `period`. `occurrences` should be the expansion of `permanences` over the
    /// same period; circonscriptions are checked for each week whose Monday–Friday lies inside it, so
    /// a period cut mid-week does not report an afternoon that simply falls outside it.
    public func conflicts(
        in period: ClosedRange<CalendarDate>,
        permanences: [Permanence],
        occurrences: [Occurrence],
        bookings: [Booking] = []
    ) -> [PlanningConflict] {
        let inPeriod = occurrences.filter { period.contains($0.date) }
        return workersInTwoPlaces(inPeriod)
            + missingSuppleants(permanences, activeIn: period)
            + circonscriptionsWithoutAfternoon(inPeriod, period: period)
            + overbookedSlots(inPeriod, bookings: bookings)
    }

    public func workersInTwoPlaces(_ occurrences: [Occurrence]) -> [PlanningConflict] {
        var byWorkerAndDate: [WorkerDay: [Occurrence]] = [:]
        for occurrence in occurrences {
            guard let workerID = occurrence.holder.workerID else { continue }
            byWorkerAndDate[WorkerDay(workerID: workerID, date: occurrence.date), default: []].append(occurrence)
        }
        var conflicts: [PlanningConflict] = []
        for (key, held) in byWorkerAndDate.sorted(by: { ($0.key.date, $0.key.workerID) < ($1.key.date, $1.key.workerID) }) {
            let day = held.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            for (index, first) in day.enumerated() {
                for second in day[(index + 1)...] where first.overlaps(second) {
                    conflicts.append(PlanningConflict(
                        kind: .workerInTwoPlaces(workerID: key.workerID, date: key.date, occurrenceIDs: [first.id, second.id]),
                        message: "\(directory.workerName(key.workerID)) est prévu·e à deux endroits le \(key.date.frenchLabel) : "
                            + "\(describe(first)) et \(describe(second))."))
                }
            }
        }
        return conflicts
    }

    public func missingSuppleants(_ permanences: [Permanence], activeIn period: ClosedRange<CalendarDate>) -> [PlanningConflict] {
        permanences
            .filter { $0.effectiveSuppleantID == nil && $0.validFrom <= period.upperBound && ($0.validTo ?? period.lowerBound) >= period.lowerBound }
            .sorted { $0.id < $1.id }
            .map { permanence in
                PlanningConflict(
                    kind: .missingSuppleant(permanenceID: permanence.id),
                    message: "La permanence du \(permanence.weekday.label) \(permanence.halfDay.label) à "
                        + "\(directory.siteName(permanence.hostSiteID)) (titulaire : \(directory.workerName(permanence.titulaireID))) "
                        + "n'a pas de suppléant·e.")
            }
    }

    public func circonscriptionsWithoutAfternoon(_ occurrences: [Occurrence], period: ClosedRange<CalendarDate>) -> [PlanningConflict] {
        let present = Set(occurrences.compactMap { occurrence -> CirconscriptionWeek? in
            guard occurrence.siteID == ccasSiteID, occurrence.halfDay == .afternoon,
                occurrence.sendingInstitution == .departement, !occurrence.isCancelled,
                let circonscription = occurrence.circonscriptionID
            else { return nil }
            return CirconscriptionWeek(circonscriptionID: circonscription, week: occurrence.date.isoWeek)
        })
        var conflicts: [PlanningConflict] = []
        var monday = period.lowerBound.mondayOfWeek
        while monday.adding(days: 4) <= period.upperBound {
            if monday >= period.lowerBound {
                let week = monday.isoWeek
                for circonscription in circonscriptionIDs
                where !present.contains(CirconscriptionWeek(circonscriptionID: circonscription, week: week)) {
                    conflicts.append(PlanningConflict(
                        kind: .circonscriptionWithoutAfternoon(circonscriptionID: circonscription, week: week),
                        message: "La circonscription \(directory.circonscriptionName(circonscription)) n'a aucun après-midi à "
                            + "\(directory.siteName(ccasSiteID)) la semaine du \(monday.frenchLabel)."))
                }
            }
            monday = monday.adding(days: 7)
        }
        return conflicts
    }

    public func overbookedSlots(_ occurrences: [Occurrence], bookings: [Booking]) -> [PlanningConflict] {
        let ledger = BookingLedger(occurrences: occurrences, bookings: bookings)
        // A cancelled occurrence's bookings go to the re-booking list instead.
        return occurrences.filter { !$0.isCancelled }.flatMap { occurrence in
            occurrence.slots.compactMap { slot -> PlanningConflict? in
                let booked = ledger.bookedCount(occurrenceID: occurrence.id, slotStart: slot.start)
                guard !slot.capacityIsSoft, booked > slot.capacity else { return nil }
                return PlanningConflict(
                    kind: .slotOverbooked(occurrenceID: occurrence.id, slotStart: slot.start, booked: booked, capacity: slot.capacity),
                    message: "Le créneau de \(slot.start.frenchLabel) du \(occurrence.date.frenchLabel) à "
                        + "\(directory.siteName(occurrence.siteID)) compte \(booked) rendez-vous pour \(slot.capacity) place"
                        + "\(slot.capacity > 1 ? "s" : "").")
            }
        }
    }

    private func describe(_ occurrence: Occurrence) -> String {
        "\(directory.siteName(occurrence.siteID)) (\(occurrence.start.frenchLabel)–\(occurrence.end.frenchLabel))"
    }

    private struct WorkerDay: Hashable {
        let workerID: String
        let date: CalendarDate
    }

    private struct CirconscriptionWeek: Hashable {
        let circonscriptionID: String
        let week: ISOWeek
    }
}
