import Foundation
import Testing

@testable import Planning

@Suite("ICS feed")
struct ICSCalendarTests {
    static let longLocation = "Centre d'animation Bastide Queyries, salle polyvalente « Éléonore-Bénédicte », "
        + "bâtiment A, 2e étage; accès rue des Écoles, côté Garonne\\quai"
    let directory = PlanningDirectory(
        workers: [
            SocialWorker(id: "t", displayName: "Gaëlle Exemple", institution: .ccas),
            SocialWorker(id: "s", displayName: "Hugo Fictif", institution: .ccas),
        ],
        sites: [
            PlanningSite(id: "mds-lac", name: "MDS Lac", kind: .mds),
            PlanningSite(id: "centre-animation-bastide-queyries", name: "Centre d'animation Bastide Queyries", kind: .centreAnimation,
                         address: String(longLocation.dropFirst("Centre d'animation Bastide Queyries, ".count))),
        ])
    let stamp = Date(timeIntervalSince1970: 1_767_225_600 + 3_661)  // 2026-01-01 01:01:01 UTC

    var planned: [Occurrence] {
        var queyries = lacPermanence(id: "queyries", weekday: .wednesday)
        queyries.hostSiteID = "centre-animation-bastide-queyries"
        let absences = [Absence(workerID: "t", dates: date("2026-01-20")...date("2026-01-21")),
                        Absence(workerID: "s", dates: date("2026-01-20")...date("2026-01-20"))]
        return occurrences(of: [lacPermanence(), queyries], from: date("2026-01-13"), to: date("2026-01-21"), absences: absences)
    }

    var feed: String { ICSCalendar(directory: directory).ics(for: planned, calendarName: "Permanences, équipe; Lac", now: stamp) }

    /// Physical lines, split on CRLF, as raw octets.
    func physicalLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                lines.append([])
                index += 2
            } else {
                lines[lines.count - 1].append(bytes[index])
                index += 1
            }
        }
        return lines
    }

    /// Logical content lines after unfolding (RFC 5545 §3.1).
    func contentLines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func linesEndInCRLFAndNeverExceed75Octets() {
        let text = feed
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == 10 {
            #expect(index > 0 && bytes[index - 1] == 13, "bare LF at octet \(index)")
        }
        let lines = physicalLines(text)
        #expect(lines.last == [])  // the text ends with CRLF
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.contains { $0.count == 75 }, "the long location should have been folded at the limit")
    }

    @Test func foldingNeverSplitsAUTF8Sequence() {
        let lines = physicalLines(feed)
        for line in lines {
            #expect(String(validating: line, as: UTF8.self) != nil, "invalid UTF-8 in \(line)")
        }
        // And unfolding restores the exact escaped text.
        let expected = "LOCATION:" + ICSText.escape(Self.longLocation)
        #expect(contentLines(feed).contains(expected))
    }

    @Test(arguments: [
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("ligne 1\nligne 2", "ligne 1\\nligne 2"),
        ("ligne 1\r\nligne 2", "ligne 1\\nligne 2"),
        ("café « ok »", "café « ok »"),
        ("bip\u{07}", "bip"),
    ])
    func textEscaping(raw: String, escaped: String) {
        #expect(ICSText.escape(raw) == escaped)
    }

    @Test(arguments: [1, 2, 3, 4])
    func foldingHandlesEveryUTF8Width(width: Int) {
        let scalar = ["a", "é", "€", "😀"][width - 1]
        let line = "SUMMARY:" + String(repeating: scalar, count: 100)
        let folded = ICSText.fold(line)
        let lines = physicalLines(folded).dropLast()
        #expect(lines.allSatisfy { $0.count <= 75 && String(validating: $0, as: UTF8.self) != nil })
        #expect(lines.dropFirst().allSatisfy { $0.first == 32 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line + "\r\n")
    }

    @Test func calendarHeaderAndTimeZone() {
        let lines = contentLines(feed)
        #expect(Array(lines.prefix(5)) == ["BEGIN:VCALENDAR", "VERSION:2.0", lines[2], "CALSCALE:GREGORIAN", "METHOD:PUBLISH"])
        #expect(lines[2].hasPrefix("PRODID:"))
        #expect(lines.contains("X-WR-CALNAME:Permanences\\, équipe\\; Lac"))
        for expected in ["BEGIN:VTIMEZONE", "TZID:Europe/Paris", "BEGIN:DAYLIGHT", "TZOFFSETTO:+0200",
                         "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "BEGIN:STANDARD", "TZOFFSETTO:+0100",
                         "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:VTIMEZONE"] {
            #expect(lines.contains(expected), "\(expected)")
        }
        #expect(lines.last == "END:VCALENDAR")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == planned.count)
        #expect(lines.filter { $0 == "END:VEVENT" }.count == planned.count)
    }

    @Test func eventFields() {
        let lines = contentLines(feed)
        #expect(lines.contains("UID:ccas-lac-20260113@accueil-commun"))
        #expect(lines.contains("DTSTAMP:20260101T010101Z"))
        #expect(lines.contains("DTSTART;TZID=Europe/Paris:20260113T133000"))
        #expect(lines.contains("DTEND;TZID=Europe/Paris:20260113T170000"))
        #expect(lines.contains("SUMMARY:Permanence CCAS – MDS Lac"))
        #expect(lines.contains("LOCATION:MDS Lac"))
        #expect(lines.contains("DESCRIPTION:Titulaire : Gaëlle Exemple\\nSuppléant·e : Hugo Fictif\\nAccueil sur rendez-vous (créneaux de 30 min)"))
        // 21 January: the suppléant covers.
        #expect(lines.contains { $0.hasPrefix("DESCRIPTION:Assurée par Hugo Fictif (suppléance)") })
    }

    @Test func cancelledOccurrencesStayWithStatusCancelled() {
        let events = feed.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        let cancelled = events.filter { $0.contains("STATUS:CANCELLED") }
        #expect(cancelled.count == 1)
        #expect(cancelled.first?.contains("UID:ccas-lac-20260120@accueil-commun") == true)
        #expect(cancelled.first?.contains("SUMMARY:ANNULÉE – Permanence CCAS – MDS Lac") == true)
        #expect(events.filter { $0.contains("STATUS:CONFIRMED") }.count == planned.count - 1)
    }

    @Test func uidsAreStableAcrossGenerations() {
        let calendar = ICSCalendar(directory: directory)
        let first = calendar.ics(for: planned, calendarName: "A", now: stamp)
        let second = calendar.ics(for: planned.reversed(), calendarName: "A", now: stamp.addingTimeInterval(86_400))
        let uids = { (text: String) in Set(contentLines(text).filter { $0.hasPrefix("UID:") }) }
        #expect(uids(first) == uids(second))
        #expect(uids(first).count == planned.count)
        #expect(ICSCalendar.uid(for: planned[0]) == "ccas-lac-20260113@accueil-commun")
    }

    @Test(arguments: [
        (0.0, "19700101T000000Z"),
        (951_782_400.0, "20000229T000000Z"),
        (1_767_225_599.9, "20251231T235959Z"),
        (-1.0, "19691231T235959Z"),
    ])
    func utcStamps(seconds: Double, expected: String) {
        #expect(ICSCalendar.utcStamp(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func workerAndSiteFeeds() {
        let all = planned
        // The titulaire keeps every occurrence of their permanences; the suppléant only what they cover.
        #expect(ICSCalendar.occurrences(forWorker: "t", in: all).count == all.count)
        #expect(ICSCalendar.occurrences(forWorker: "s", in: all).map(\.id) == ["queyries-20260121"])
        #expect(ICSCalendar.occurrences(forSite: "centre-animation-bastide-queyries", in: all).map(\.id) == ["queyries-20260114", "queyries-20260121"])
    }
}
