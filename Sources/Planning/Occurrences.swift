/// Expands permanences into their dated occurrences between `from` and `to` (inclusive), sorted by
/// date, start time, site and permanence.
///
/// Rules, in order of precedence for each date:
/// 1. a public holiday cancels the occurrence;
/// 2. so does a closure of the host site;
/// 3. if the titulaire is away the suppléant holds it; if both are away (or there is no suppléant)
///    it is cancelled and flagged (`CancellationReason.noSocialWorkerAvailable`).
public func occurrences(
    of permanences: [Permanence],
    from: CalendarDate,
    to: CalendarDate,
    closures: [SiteClosure] = [],
    absences: [Absence] = []
) -> [Occurrence] {
    var result: [Occurrence] = []
    forEachOccurrence(of: permanences, from: from, to: to, closures: closures, absences: absences) { permanence, date, holder in
        result.append(Occurrence(permanence: permanence, date: date, holder: holder))
    }
    return result.sorted {
        ($0.date, $0.start.minutesSinceMidnight, $0.siteID, $0.permanenceID)
            < ($1.date, $1.start.minutesSinceMidnight, $1.siteID, $1.permanenceID)
    }
}

/// The same expansion, as (permanence, date, holder), permanence by permanence and unsorted, without
/// building `Occurrence` values: for counting over years (the figures), where building and sorting
/// tens of thousands of occurrences would cost more than the counting.
public func forEachOccurrence(
    of permanences: [Permanence],
    from: CalendarDate,
    to: CalendarDate,
    closures: [SiteClosure] = [],
    absences: [Absence] = [],
    _ body: (Permanence, CalendarDate, OccurrenceHolder) -> Void
) {
    guard from <= to else { return }
    var holidaysByYear: [Int: [CalendarDate: String]] = [:]
    for year in from.year...to.year {
        holidaysByYear[year] = FrenchHolidays.dates(in: year)
    }
    let closuresBySite = Dictionary(grouping: closures, by: \.siteID)
    let absencesByWorker = Dictionary(grouping: absences, by: \.workerID)
    func isAway(_ workerID: String, on date: CalendarDate) -> Bool {
        absencesByWorker[workerID]?.contains { $0.dates.contains(date) } ?? false
    }

    func holder(of permanence: Permanence, on date: CalendarDate) -> OccurrenceHolder {
        if let holiday = holidaysByYear[date.year]?[date] {
            return .cancelled(.publicHoliday(name: holiday))
        }
        if let closure = closuresBySite[permanence.hostSiteID]?.first(where: { $0.dates.contains(date) }) {
            return .cancelled(.siteClosed(reason: closure.reason))
        }
        if !isAway(permanence.titulaireID, on: date) {
            return .titulaire(permanence.titulaireID)
        }
        if let suppleant = permanence.effectiveSuppleantID, !isAway(suppleant, on: date) {
            return .suppleant(suppleant)
        }
        return .cancelled(.noSocialWorkerAvailable)
    }

    for permanence in permanences {
        for date in permanence.recurrence.dates(on: permanence.weekday, from: from, to: to)
        where permanence.isValid(on: date) {
            body(permanence, date, holder(of: permanence, on: date))
        }
    }
}
