import Foundation
import Orientation
import SQLiteStore

/// Everything the application holds about one person (GDPR art. 15): identity, intakes with their
/// household, notes of both institutions, orientations and their outcome (attendance), and the history
/// of who read or changed the file. Readers are named by institution and role, not by name: the
/// person learns which service looked, the staff's own identity stays with the controllers.
package struct SubjectAccessReport: Sendable {
    package struct Note: Sendable { package let intakeID: Int64; package let at: Int64; package let institution: String; package let text: String }
    package struct Booking: Sendable { package let date: String; package let time: String; package let site: String; package let cancelledAt: Int64? }
    package struct Access: Sendable { package let at: Int64; package let action: String; package let label: String; package let institution: String?; package let detail: String? }

    package let person: Person
    package let createdAt: Int64
    package let updatedAt: Int64
    package let mergedDuplicates: [Int64]
    package let intakes: [IntakeRecord]
    package let ages: [Int64: Int]
    package let notes: [Note]
    package let orientations: [OrientationRecord]
    package let history: [Access]
    package let bookings: [Booking]
    package let sites: [String: String]
    /// Commune names by INSEE code, for the commune of residence and the orientations outside Bordeaux.
    package var communes: [String: String] = [:]

    /// What the report leaves out under the protection exception (art. 23(1)(i)): intakes whose
    /// household raised the danger flag, and protection alerts. Counted for the administrator who
    /// answers the request; never in the person's copy.
    package var withheld: (dangerFlags: Int, alerts: Int) {
        (intakes.filter { $0.household?.household.childInDanger == true }.count, protectionAlerts)
    }
    package var protectionAlerts = 0

    package static func load(_ db: Connection, personID: Int64) throws -> SubjectAccessReport? {
        guard let row = try db.queryOne("SELECT * FROM persons WHERE id = ?", [personID]) else { return nil }
        let person = PersonRepository.person(row)
        let duplicates = try db.query("SELECT id FROM persons WHERE merged_into = ? ORDER BY id", [personID]).compactMap { $0.int64("id") }
        let intakes = try IntakeRepository.forPerson(db, personID)
        var ages: [Int64: Int] = [:]
        for intake in intakes { if let age = try db.int("SELECT age FROM intakes WHERE id = ?", [intake.id]) { ages[intake.id] = age } }
        let notes = try db.query("""
            SELECT n.intake_id, n.at, n.institution, n.text FROM intake_notes n JOIN intakes i ON i.id = n.intake_id
            WHERE i.person_id = ? ORDER BY n.at, n.id
            """, [personID]).map { Note(intakeID: $0.int64("intake_id") ?? 0, at: $0.int64("at") ?? 0, institution: $0.string("institution") ?? "", text: $0.string("text") ?? "") }
        let subjects = [personID] + duplicates
        let history = try db.query("""
            SELECT l.at, l.action, l.detail, a.institution FROM audit_log l LEFT JOIN accounts a ON a.id = l.account_id
            WHERE l.subject_type = 'personne' AND l.subject_id IN (SELECT CAST(value AS TEXT) FROM json_each(?)) ORDER BY l.id
            """, [JSONText.array(subjects)]).map { row -> Access in
            let action = row.string("action") ?? ""
            return Access(at: row.int64("at") ?? 0, action: action, label: AuditAction(rawValue: action)?.label ?? action,
                          institution: row.string("institution"), detail: row.string("detail"))
        }
        let bookings = try db.query("""
            SELECT b.occurrence_date, b.slot_start, p.host_site_id, b.cancelled_at FROM bookings b JOIN permanences p ON p.id = b.permanence_id
            WHERE b.person_id = ? ORDER BY b.occurrence_date, b.slot_start
            """, [personID]).map { Booking(date: $0.string("occurrence_date") ?? "", time: $0.string("slot_start") ?? "",
                                           site: $0.string("host_site_id") ?? "", cancelledAt: $0.int64("cancelled_at")) }
        let sites = try SiteDirectory.all(db).namesByID
        var report = SubjectAccessReport(person: person, createdAt: row.int64("created_at") ?? 0, updatedAt: row.int64("updated_at") ?? 0,
                                         mergedDuplicates: duplicates, intakes: intakes, ages: ages, notes: notes,
                                         orientations: try OrientationRepository.forPerson(db, personID), history: history, bookings: bookings, sites: sites)
        report.communes = Dictionary(try TerritoryTables.communes(db).map { ($0.inseeCode, $0.name) }, uniquingKeysWith: { first, _ in first })
        report.protectionAlerts = try db.int("SELECT count(*) FROM protection_reports WHERE person_id = ?", [personID]) ?? 0
        return report
    }

    /// The machine-readable copy (art. 15(3) and 20): stable keys, ISO dates, sorted for diffing.
    package func json(generatedAt: Int64) -> Data {
        func date(_ seconds: Int64?) -> Any { seconds.map { ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval($0))) } ?? NSNull() }
        func value(_ text: String?) -> Any { text ?? NSNull() }
        let identity: [String: Any] = [
            "id": person.id, "lastName": person.lastName, "firstName": person.firstName, "birthDate": value(person.birthDate),
            "phone": value(person.phone), "followedBy": value(person.followedBy?.rawValue), "referent": value(person.referent),
            "createdAt": date(createdAt), "updatedAt": date(updatedAt), "mergedDuplicates": mergedDuplicates,
        ]
        let intakes = self.intakes.map { i -> [String: Any] in
            [
                "id": i.id, "at": date(i.at), "site": sites[i.siteID] ?? i.siteID, "channel": i.channel.rawValue, "level": i.level, "motives": i.motives,
                "household": i.household.flatMap { (try? JSONSerialization.jsonObject(with: Data($0.jsonText.utf8))) as? [String: Any] }
                    .map(HouseholdSummary.forAccessCopy) ?? NSNull(),
                "age": ages[i.id].map { $0 as Any } ?? NSNull(), "language": value(i.language?.frenchName),
                "interpreterNeeded": i.interpreterNeeded,
                "outreach": i.outreach.map { ["place": $0.place.rawValue, "team": $0.team.rawValue, "site": value($0.siteID.map { sites[$0] ?? $0 })] as [String: Any] } ?? NSNull(),
                "expulsionStage": value(i.expulsionStage?.rawValue),
                "accessibilityNeeds": value(i.accessibilityNeeds), "consentOrientation": i.consentOrientation, "consentSharing": i.consentSharing,
            ]
        }
        let notes = self.notes.map { ["intakeId": $0.intakeID, "at": date($0.at), "institution": $0.institution, "text": $0.text] as [String: Any] }
        let orientations = self.orientations.map { o -> [String: Any] in
            [
                "reference": o.reference, "createdAt": date(o.createdAt), "service": o.service.rawValue, "site": value(o.siteID.map { sites[$0] ?? $0 }),
                "commune": value(o.commune.map { communes[$0] ?? $0 }),
                "reasons": o.reasons(showingAlert: false), "suggestions": o.suggestions(showingAlert: false), "derogation": o.isDerogation, "derogationJustification": value(o.derogationJustification),
                "booking": ["kind": value(o.bookingKind?.rawValue), "date": value(o.bookingDate), "time": value(o.bookingTime), "place": value(o.bookingPlace)],
            ]
        }
        let attendance = self.orientations.map { ["reference": $0.reference, "status": $0.status.rawValue, "recordedAt": date($0.statusAt)] as [String: Any] }
        let bookings = self.bookings.map { ["date": $0.date, "time": $0.time, "site": sites[$0.site] ?? $0.site, "cancelledAt": date($0.cancelledAt)] as [String: Any] }
        let history = self.history.map { ["at": date($0.at), "action": $0.action, "label": $0.label, "institution": value($0.institution), "detail": value($0.detail)] as [String: Any] }
        let document: [String: Any] = [
            "generatedAt": date(generatedAt),
            "controllers": "CCAS de Bordeaux et Département de la Gironde (responsables conjoints)",
            "identity": identity, "intakes": intakes, "notes": notes, "orientations": orientations,
            "attendance": attendance, "permanenceBookings": bookings, "accessHistory": history,
        ]
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
