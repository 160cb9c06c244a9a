import Foundation

/// Writes occurrences as an iCalendar feed (RFC 5545) that Outlook and Thunderbird can subscribe to.
///
/// Each occurrence's UID is derived from its id alone, so a regenerated feed replaces events instead
/// of duplicating them; a cancelled occurrence stays in the feed with STATUS:CANCELLED so clients
/// strike it out rather than silently lose it. Times are local Europe/Paris wall times with a TZID and
/// the zone's rules embedded, which is how the model stores them.
public struct ICSCalendar: Sendable {
    public var directory: PlanningDirectory
    public var productID: String

    public static let uidDomain = "accueil-commun"

    public init(
        directory: PlanningDirectory,
        productID: String = "-//Ville de Bordeaux - CCAS et Departement de la Gironde//Accueil commun//FR"
    ) {
        self.directory = directory
        self.productID = productID
    }

    public static func uid(for occurrence: Occurrence) -> String {
        "\(occurrence.id)@\(uidDomain)"
    }

    /// The whole VCALENDAR, CRLF line endings, lines folded at 75 octets. `stamp` is the moment of
    /// generation (DTSTAMP, written in UTC).
    public func ics(for occurrences: [Occurrence], calendarName: String, now stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:\(ICSText.escape(productID))",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:\(ICSText.escape(calendarName))",
            "X-WR-CALNAME:\(ICSText.escape(calendarName))",
            "X-WR-TIMEZONE:\(Self.timeZoneID)",
        ]
        lines += Self.parisTimeZone
        let dtstamp = Self.utcStamp(stamp)
        for occurrence in occurrences {
            lines += event(occurrence, dtstamp: dtstamp)
        }
        lines.append("END:VCALENDAR")
        return lines.map { ICSText.fold($0) }.joined()
    }

    func event(_ occurrence: Occurrence, dtstamp: String) -> [String] {
        let site = directory.sites[occurrence.siteID]
        let summary = (occurrence.isCancelled ? "ANNULÉE – " : "") + title(occurrence)
        return [
            "BEGIN:VEVENT",
            "UID:\(ICSText.escape(Self.uid(for: occurrence)))",
            "DTSTAMP:\(dtstamp)",
            "DTSTART;TZID=\(Self.timeZoneID):\(Self.local(occurrence.date, occurrence.start))",
            "DTEND;TZID=\(Self.timeZoneID):\(Self.local(occurrence.date, occurrence.end))",
            "SUMMARY:\(ICSText.escape(summary))",
            "LOCATION:\(ICSText.escape(site?.locationLabel ?? occurrence.siteID))",
            "DESCRIPTION:\(ICSText.escape(description(occurrence)))",
            "STATUS:\(occurrence.isCancelled ? "CANCELLED" : "CONFIRMED")",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    }

    /// "Permanence MDS Lac – Cité Municipale", "Permanence CCAS – MDS Bastide".
    func title(_ occurrence: Occurrence) -> String {
        let sender = occurrence.circonscriptionID.map { " \(directory.circonscriptionName($0))" } ?? ""
        return "Permanence \(occurrence.sendingInstitution.shortLabel)\(sender) – \(directory.siteName(occurrence.siteID))"
    }

    func description(_ occurrence: Occurrence) -> String {
        var lines: [String] = []
        switch occurrence.holder {
        case .cancelled(let reason): lines.append("Annulée : \(reason.label)")
        case .suppleant(let id): lines.append("Assurée par \(directory.workerName(id)) (suppléance)")
        case .titulaire: break
        }
        lines.append("Titulaire : \(directory.workerName(occurrence.titulaireID))")
        lines.append("Suppléant·e : \(occurrence.suppleantID.map(directory.workerName) ?? "aucun·e")")
        lines.append("Accueil \(occurrence.mode.label)")
        return lines.joined(separator: "\n")
    }

    static let timeZoneID = "Europe/Paris"

    /// Europe/Paris rules since 1996 (EU summer time: last Sunday of March 02:00 → last Sunday of
    /// October 03:00), enough for any permanence the app will ever plan.
    static let parisTimeZone = [
        "BEGIN:VTIMEZONE",
        "TZID:\(timeZoneID)",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    static func local(_ date: CalendarDate, _ time: TimeOfDay) -> String {
        "\(date.basicFormat)T\(CalendarDate.pad(time.hour, 2))\(CalendarDate.pad(time.minute, 2))00"
    }

    /// UTC "YYYYMMDDTHHMMSSZ" by plain arithmetic, so no calendar or zone database is involved.
    static func utcStamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let day = CalendarDate(daysSinceEpoch: days)
        return "\(day.basicFormat)T\(CalendarDate.pad(secondOfDay / 3600, 2))"
            + "\(CalendarDate.pad(secondOfDay % 3600 / 60, 2))\(CalendarDate.pad(secondOfDay % 60, 2))Z"
    }
}
