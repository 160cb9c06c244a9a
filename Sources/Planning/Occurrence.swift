/// One dated instance of a permanence, after recurrence, holidays, closures and absences.
public struct Occurrence: Sendable, Hashable, Identifiable {
    /// "<permanenceID>-<YYYYMMDD>": stable across recomputations, so bookings and calendar UIDs can
    /// refer to it.
    public let id: String
    public let permanenceID: String
    public let date: CalendarDate
    public let halfDay: HalfDay
    public let start: TimeOfDay
    public let end: TimeOfDay
    public let siteID: String
    public let sendingInstitution: Institution
    public let circonscriptionID: String?
    public let titulaireID: String
    public let suppleantID: String?
    public let holder: OccurrenceHolder
    public let mode: PermanenceMode
    /// Appointment slots, or the single open session; kept on cancelled occurrences so that what was
    /// booked can still be matched for re-booking.
    public let slots: [PermanenceSlot]

    public init(permanence: Permanence, date: CalendarDate, holder: OccurrenceHolder) {
        id = Occurrence.id(permanenceID: permanence.id, date: date)
        permanenceID = permanence.id
        self.date = date
        halfDay = permanence.halfDay
        start = permanence.start
        end = permanence.end
        siteID = permanence.hostSiteID
        sendingInstitution = permanence.sendingInstitution
        circonscriptionID = permanence.circonscriptionID
        titulaireID = permanence.titulaireID
        suppleantID = permanence.effectiveSuppleantID
        self.holder = holder
        mode = permanence.mode
        slots = PermanenceSlot.slots(for: permanence.mode, from: permanence.start, to: permanence.end)
    }

    public static func id(permanenceID: String, date: CalendarDate) -> String {
        "\(permanenceID)-\(date.basicFormat)"
    }

    public var isCancelled: Bool { holder.isCancelled }

    /// Whether the two occurrences share some minutes on the same day (touching ends do not overlap).
    public func overlaps(_ other: Occurrence) -> Bool {
        date == other.date && start < other.end && other.start < end
    }
}
