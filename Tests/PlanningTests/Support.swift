import Testing

@testable import Planning

/// "YYYY-MM-DD" → date; a malformed literal in a test is a test bug, recorded as such.
func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CalendarDate {
    guard let value = CalendarDate(text) else {
        Issue.record("bad date literal \(text)", sourceLocation: sourceLocation)
        return CalendarDate(daysSinceEpoch: 0)
    }
    return value
}

/// "HH:MM" → time.
func time(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TimeOfDay {
    guard let value = TimeOfDay(text) else {
        Issue.record("bad time literal \(text)", sourceLocation: sourceLocation)
        return TimeOfDay(uncheckedHour: 0, minute: 0)
    }
    return value
}

/// A CCAS permanence at MDS Lac, Tuesday afternoon 13:30–17:00, 30-minute slots, valid all 2026:
/// the baseline the rule tests vary.
func lacPermanence(
    id: String = "ccas-lac",
    weekday: Weekday = .tuesday,
    recurrence: Recurrence = .weekly,
    validFrom: String = "2026-01-01",
    validTo: String? = "2026-12-31",
    titulaire: String = "t",
    suppleant: String? = "s",
    mode: PermanenceMode = .byAppointment(slotMinutes: 30, capacityPerSlot: 1)
) -> Permanence {
    Permanence(
        id: id, hostSiteID: "mds-lac", sendingInstitution: .ccas, weekday: weekday, halfDay: .afternoon,
        recurrence: recurrence, validFrom: date(validFrom), validTo: validTo.map { date($0) },
        titulaireID: titulaire, suppleantID: suppleant, mode: mode)
}
