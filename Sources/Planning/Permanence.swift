/// A permanence: a social worker of one institution receives the public, on a regular half-day, in a
/// site of the other institution (or in an outreach place). This is one line of the managers' paper
/// grids, with its titulaire and suppléant.
public struct Permanence: Sendable, Hashable, Identifiable {
    /// Stable: occurrence ids and calendar UIDs derive from it, so it must not change on edits.
    public let id: String
    public var hostSiteID: String
    /// The institution that sends the social worker.
    public var sendingInstitution: Institution
    /// The sending circonscription, for Département permanences.
    public var circonscriptionID: String?
    public var weekday: Weekday
    public var halfDay: HalfDay
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var recurrence: Recurrence
    /// First day the permanence applies (inclusive).
    public var validFrom: CalendarDate
    /// Last day it applies (inclusive); nil while the planning is open-ended.
    public var validTo: CalendarDate?
    public var titulaireID: String
    public var suppleantID: String?
    public var mode: PermanenceMode

    public init(
        id: String,
        hostSiteID: String,
        sendingInstitution: Institution,
        circonscriptionID: String? = nil,
        weekday: Weekday,
        halfDay: HalfDay,
        start: TimeOfDay? = nil,
        end: TimeOfDay? = nil,
        recurrence: Recurrence = .weekly,
        validFrom: CalendarDate,
        validTo: CalendarDate? = nil,
        titulaireID: String,
        suppleantID: String? = nil,
        mode: PermanenceMode
    ) {
        self.id = id
        self.hostSiteID = hostSiteID
        self.sendingInstitution = sendingInstitution
        self.circonscriptionID = circonscriptionID
        self.weekday = weekday
        self.halfDay = halfDay
        self.start = start ?? halfDay.defaultStart
        self.end = end ?? halfDay.defaultEnd
        self.recurrence = recurrence
        self.validFrom = validFrom
        self.validTo = validTo
        self.titulaireID = titulaireID
        self.suppleantID = suppleantID
        self.mode = mode
    }

    /// The suppléant who can actually stand in: none, or the titulaire named twice, means no cover.
    public var effectiveSuppleantID: String? {
        guard let suppleantID, !suppleantID.isEmpty, suppleantID != titulaireID else { return nil }
        return suppleantID
    }

    /// Places a session offers: every appointment slot's capacity (as many whole slots as fit, like
    /// `PermanenceSlot.slots`), or an open session's soft capacity. Counted, not built: the figures ask
    /// it for every session of ten years.
    public var placesPerSession: Int {
        switch mode {
        case .open(let softCapacity): softCapacity
        case .byAppointment(let minutes, let capacity):
            minutes > 0 ? max(0, end.minutesSinceMidnight - start.minutesSinceMidnight) / minutes * capacity : 0
        }
    }

    public func isValid(on date: CalendarDate) -> Bool {
        date >= validFrom && (validTo.map { date <= $0 } ?? true)
    }
}
