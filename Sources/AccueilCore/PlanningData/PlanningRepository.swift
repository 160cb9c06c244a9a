import Orientation
import Planning
import SQLiteStore

/// Rows of the planning tables ↔ `Planning` values. Everything runs inside the caller's transaction.
package enum PlanningRepository {
    // MARK: Social workers

    package static func workers(_ db: Connection) throws -> [SocialWorker] {
        try db.query("SELECT * FROM social_workers ORDER BY display_name, id").compactMap { row in
            guard let id = row.string("id"), let institution = Planning.Institution(rawValue: row.string("institution") ?? "") else { return nil }
            return SocialWorker(id: id, displayName: row.string("display_name") ?? id, institution: institution,
                                circonscriptionID: row.string("circonscription"))
        }
    }

    package static func insert(_ db: Connection, worker: SocialWorker, accountID: Int64? = nil) throws {
        try db.run("INSERT INTO social_workers (id, display_name, institution, circonscription, account_id) VALUES (?, ?, ?, ?, ?)",
                   [worker.id, worker.displayName, worker.institution.rawValue, worker.circonscriptionID, accountID])
    }

    /// Social worker id → linked account id.
    package static func accountLinks(_ db: Connection) throws -> [String: Int64] {
        var links: [String: Int64] = [:]
        for row in try db.query("SELECT id, account_id FROM social_workers WHERE account_id IS NOT NULL") {
            if let id = row.string("id"), let account = row.int64("account_id") { links[id] = account }
        }
        return links
    }

    /// The social worker an account is, if any.
    package static func workerID(_ db: Connection, accountID: Int64) throws -> String? {
        try db.string("SELECT id FROM social_workers WHERE account_id = ?", [accountID])
    }

    package static func update(_ db: Connection, worker: SocialWorker, accountID: Int64?) throws {
        try db.run("UPDATE social_workers SET display_name = ?, institution = ?, circonscription = ?, account_id = ? WHERE id = ?",
                   [worker.displayName, worker.institution.rawValue, worker.circonscriptionID, accountID, worker.id])
    }

    /// Workers a manager deactivated: kept for the permanences and history that name them, offered nowhere.
    package static func inactiveWorkerIDs(_ db: Connection) throws -> Set<String> {
        Set(try db.query("SELECT id FROM social_workers WHERE active = 0").compactMap { $0.string("id") })
    }

    /// True when the flag changed.
    package static func setActive(_ db: Connection, workerID: String, _ active: Bool) throws -> Bool {
        try db.run("UPDATE social_workers SET active = ? WHERE id = ? AND active = ?", [active, workerID, !active])
        return db.changes == 1
    }

    // MARK: Permanences

    package static func permanences(_ db: Connection) throws -> [Permanence] {
        try db.query("SELECT * FROM permanences ORDER BY id").compactMap(permanence)
    }

    package static func permanence(_ db: Connection, id: String) throws -> Permanence? {
        try db.queryOne("SELECT * FROM permanences WHERE id = ?", [id]).flatMap(permanence)
    }

    /// Inserts or replaces every field but the id.
    package static func save(_ db: Connection, _ p: Permanence, at now: Int64) throws {
        let mode = PermanenceModeKind(p.mode)
        let (slotMinutes, capacity): (Int?, Int) = switch p.mode {
        case .byAppointment(let minutes, let capacity): (minutes, capacity)
        case .open(let softCapacity): (nil, softCapacity)
        }
        try db.run("""
            INSERT INTO permanences (id, host_site_id, sending_institution, circonscription, weekday, half_day, start_time, end_time,
                                     recurrence, valid_from, valid_to, titulaire_id, suppleant_id, mode, slot_minutes, capacity, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                host_site_id = excluded.host_site_id, sending_institution = excluded.sending_institution,
                circonscription = excluded.circonscription, weekday = excluded.weekday, half_day = excluded.half_day,
                start_time = excluded.start_time, end_time = excluded.end_time, recurrence = excluded.recurrence,
                valid_from = excluded.valid_from, valid_to = excluded.valid_to, titulaire_id = excluded.titulaire_id,
                suppleant_id = excluded.suppleant_id, mode = excluded.mode, slot_minutes = excluded.slot_minutes,
                capacity = excluded.capacity, updated_at = excluded.updated_at
            """, [p.id, p.hostSiteID, p.sendingInstitution.rawValue, p.circonscriptionID, p.weekday.rawValue, p.halfDay.rawValue,
                  p.start.description, p.end.description, RecurrenceJSON.encode(p.recurrence), p.validFrom.description,
                  p.validTo?.description, p.titulaireID, p.suppleantID, mode, slotMinutes, capacity, now])
    }

    /// Nil for a row this version cannot read (unknown recurrence or mode): never a guessed schedule.
    private static func permanence(_ row: Row) -> Permanence? {
        guard let id = row.string("id"), let site = row.string("host_site_id"),
              let institution = Planning.Institution(rawValue: row.string("sending_institution") ?? ""),
              let weekday = row.int("weekday").flatMap(Weekday.init(rawValue:)),
              let halfDay = HalfDay(rawValue: row.string("half_day") ?? ""),
              let start = row.string("start_time").flatMap(TimeOfDay.init), let end = row.string("end_time").flatMap(TimeOfDay.init),
              let recurrence = row.string("recurrence").flatMap(RecurrenceJSON.decode),
              let validFrom = row.string("valid_from").flatMap(CalendarDate.init),
              let titulaire = row.string("titulaire_id"), let capacity = row.int("capacity")
        else { return nil }
        let mode: PermanenceMode
        switch row.value("mode", as: PermanenceModeKind.self) {
        case .byAppointment:
            guard let minutes = row.int("slot_minutes") else { return nil }
            mode = .byAppointment(slotMinutes: minutes, capacityPerSlot: capacity)
        case .open:
            mode = .open(softCapacity: capacity)
        case nil:
            return nil
        }
        return Permanence(id: id, hostSiteID: site, sendingInstitution: institution, circonscriptionID: row.string("circonscription"),
                          weekday: weekday, halfDay: halfDay, start: start, end: end, recurrence: recurrence, validFrom: validFrom,
                          validTo: row.string("valid_to").flatMap(CalendarDate.init), titulaireID: titulaire,
                          suppleantID: row.string("suppleant_id"), mode: mode)
    }

    // MARK: Exceptions

    package static func closures(_ db: Connection) throws -> [SiteClosure] {
        try closureRows(db).map(\.closure)
    }

    /// With their row ids, for the managers' list (to delete one).
    package static func closureRows(_ db: Connection) throws -> [(id: Int64, closure: SiteClosure)] {
        try dayRanges(db, table: "site_closures", subject: "site_id").map { ($0.id, SiteClosure(siteID: $0.subject, dates: $0.dates, reason: $0.reason)) }
    }

    /// The rows of an exceptions table (`site_closures`, `worker_absences`: a subject, first and last
    /// day, a reason) in date order; malformed rows are skipped. `table` and `subject` are literals of
    /// this file, never input.
    private static func dayRanges(_ db: Connection, table: String, subject: String)
        throws -> [(id: Int64, subject: String, dates: ClosedRange<CalendarDate>, reason: String)] {
        try db.query("SELECT * FROM \(table) ORDER BY first_day, id").compactMap { row in
            guard let id = row.int64("id"), let who = row.string(subject), let first = row.string("first_day").flatMap(CalendarDate.init),
                  let last = row.string("last_day").flatMap(CalendarDate.init), first <= last else { return nil }
            return (id, who, first...last, row.string("reason") ?? "")
        }
    }

    package static func deleteClosure(_ db: Connection, id: Int64) throws -> Bool {
        try db.run("DELETE FROM site_closures WHERE id = ?", [id])
        return db.changes == 1
    }

    @discardableResult
    package static func insert(_ db: Connection, closure: SiteClosure) throws -> Int64 {
        try db.run("INSERT INTO site_closures (site_id, first_day, last_day, reason) VALUES (?, ?, ?, ?)",
                   [closure.siteID, closure.dates.lowerBound.description, closure.dates.upperBound.description, closure.reason])
        return db.lastInsertRowID
    }

    package static func absences(_ db: Connection) throws -> [Absence] {
        try absenceRows(db).map(\.absence)
    }

    package static func absenceRows(_ db: Connection) throws -> [(id: Int64, absence: Absence)] {
        try dayRanges(db, table: "worker_absences", subject: "worker_id").map { ($0.id, Absence(workerID: $0.subject, dates: $0.dates, reason: $0.reason)) }
    }

    package static func deleteAbsence(_ db: Connection, id: Int64) throws -> Bool {
        try db.run("DELETE FROM worker_absences WHERE id = ?", [id])
        return db.changes == 1
    }

    @discardableResult
    package static func insert(_ db: Connection, absence: Absence) throws -> Int64 {
        try db.run("INSERT INTO worker_absences (worker_id, first_day, last_day, reason) VALUES (?, ?, ?, ?)",
                   [absence.workerID, absence.dates.lowerBound.description, absence.dates.upperBound.description, absence.reason])
        return db.lastInsertRowID
    }

    // MARK: Sites

    /// The directory's sites that can host a permanence, as the planning sees them.
    package static func sites(_ db: Connection) throws -> [PlanningSite] {
        try db.query("SELECT id, name, kind, address FROM sites ORDER BY name").compactMap { row in
            guard let id = row.string("id"), let stored: SiteKind = row.value("kind"), let kind = siteKind(stored) else { return nil }
            return PlanningSite(id: id, name: row.string("name") ?? id, kind: kind, address: row.string("address"))
        }
    }

    /// Sites of the referential open on the date (`valid_from`…`valid_to`, inclusive) that can host a
    /// permanence: the choices of the "hors grille" form.
    package static func activeSites(_ db: Connection, on date: CalendarDate) throws -> [PlanningSite] {
        let open = Set(try db.query("SELECT id FROM sites WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)",
                                    [date.description, date.description]).compactMap { $0.string("id") })
        return try sites(db).filter { open.contains($0.id) }
    }

    /// The referential's kinds (territory.json) → the planning's; the PMI reception desk hosts none.
    package static func siteKind(_ kind: SiteKind) -> PlanningSite.Kind? {
        switch kind {
        case .ccas: .ccas
        case .mds: .mds
        case .antenna: .antenne
        case .franceServices: .franceServices
        case .animationCentre: .centreAnimation
        case .pmiReception: nil
        }
    }
}
