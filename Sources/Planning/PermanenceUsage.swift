/// What the planning offered over a period, for the managers' figures: occurrences scheduled, held,
/// still to come and cancelled (by cause), and the places offered to the desk, summed by any
/// grouping of the occurrences (a site, a circonscription, everything).
public struct PermanenceUsage: Sendable, Equatable {
    /// Occurrences the recurrences put in the period, cancelled or not.
    public var scheduled = 0
    /// Not cancelled and dated before `today`, or today.
    public var held = 0
    /// Not cancelled and dated after `today`.
    public var upcoming = 0
    public var cancelledForHoliday = 0
    public var cancelledForClosure = 0
    /// Titulaire and suppléant both away: the gaps the managers want to see go down.
    public var cancelledForStaffing = 0
    /// Places of the occurrences that take (or took) place: every appointment slot's capacity, or
    /// an open session's soft capacity.
    public var placesOffered = 0

    public init() {}

    public var cancelled: Int { cancelledForHoliday + cancelledForClosure + cancelledForStaffing }

    public mutating func add(_ occurrence: Occurrence, today: CalendarDate) {
        add(occurrence.holder, on: occurrence.date, places: occurrence.slots.reduce(0) { $0 + $1.capacity }, today: today)
    }

    /// One occurrence as `forEachOccurrence` gives it; `places`: the permanence's `placesPerSession`.
    public mutating func add(_ holder: OccurrenceHolder, on date: CalendarDate, places: Int, today: CalendarDate) {
        scheduled += 1
        switch holder {
        case .cancelled(.publicHoliday): cancelledForHoliday += 1
        case .cancelled(.siteClosed): cancelledForClosure += 1
        case .cancelled(.noSocialWorkerAvailable): cancelledForStaffing += 1
        case .titulaire, .suppleant:
            if date <= today { held += 1 } else { upcoming += 1 }
            placesOffered += places
        }
    }

    /// Sums two usages (a site's permanences, a circonscription's…).
    public static func + (lhs: PermanenceUsage, rhs: PermanenceUsage) -> PermanenceUsage {
        var sum = lhs
        sum.scheduled += rhs.scheduled
        sum.held += rhs.held
        sum.upcoming += rhs.upcoming
        sum.cancelledForHoliday += rhs.cancelledForHoliday
        sum.cancelledForClosure += rhs.cancelledForClosure
        sum.cancelledForStaffing += rhs.cancelledForStaffing
        sum.placesOffered += rhs.placesOffered
        return sum
    }

    /// The usage of `occurrences` summed per group key; occurrences whose key is nil are left out.
    public static func grouped(_ occurrences: [Occurrence], today: CalendarDate,
                               by key: (Occurrence) -> String?) -> [String: PermanenceUsage] {
        var groups: [String: PermanenceUsage] = [:]
        for occurrence in occurrences {
            guard let group = key(occurrence) else { continue }
            groups[group, default: PermanenceUsage()].add(occurrence, today: today)
        }
        return groups
    }
}
