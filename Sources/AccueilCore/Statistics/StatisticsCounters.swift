import Orientation
import SQLiteStore

/// The summary tables behind the figures: one counter per (reception site, period, dimension, key),
/// by day, month and year, for each site and for all sites together (`allSites`). They are updated
/// in the transaction that writes the intake or orientation, so they are exact at every commit; a
/// period reads whole years, then whole months, then only its ragged ends in days, for one site
/// value: ten years of data come to a few thousand rows read.
package enum StatisticsCounters {
    package typealias Key = (dimension: String, key: String)

    /// The site of the CCAS where MDS social workers hold permanences (the experiment's "Cité").
    package static let citeSiteID = "ccas-cite-municipale"

    /// Derogations by the service they sent to, and orientations by the standing adjustment applied.
    package static let derogationByService = "derogation_service"
    package static let adjustmentDimension = "amenagement"

    /// Orientations of residents of other communes to their own services are counted apart: under this
    /// key in the service and destination dimensions (never as a CCAS de Bordeaux or Bordeaux MDS
    /// orientation), by the commune's service chosen (`outsideDimension`) and by INSEE code (`communeDimension`).
    package static let outsideBordeaux = "HORS_BORDEAUX"
    package static let outsideDimension = "hors_bordeaux"
    package static let communeDimension = "commune"
    /// Information-only contacts given a « où vous adresser » sheet, by theme category of its services.
    package static let informationThemeDimension = "information_thematique"

    /// The `site_id` of the counters of all sites together (no real site id has this value).
    package static let allSites = "*"

    /// Set by `batching`: increments go to this buffer instead of the tables until the batch ends.
    @TaskLocal package static var buffer: CounterBuffer?

    package static func add(_ db: Connection, day: String, siteID: String, keys: [Key], delta: Int = 1) throws {
        try add(db, day: day, sites: [siteID, allSites], keys: keys, delta: delta)
    }

    /// Counts kept for all sites together only: the permanence figures, whose keys (permanence ids)
    /// already say where, and are filtered by host site when read.
    package static func addForAllSites(_ db: Connection, day: String, keys: [Key], delta: Int = 1) throws {
        try add(db, day: day, sites: [allSites], keys: keys, delta: delta)
    }

    private static func add(_ db: Connection, day: String, sites: [String], keys: [Key], delta: Int) throws {
        let periods = [("stat_days", day), ("stat_months", String(day.prefix(7))), ("stat_years", String(day.prefix(4)))]
        for site in sites {
            for (table, period) in periods {
                for key in keys {
                    if let buffer {
                        buffer.add(.init(table: table, site: site, period: period, dimension: key.dimension, key: key.key), delta)
                    } else {
                        try upsert(db, table: table, site: site, period: period, dimension: key.dimension, key: key.key, delta: delta)
                    }
                }
            }
        }
    }

    package static func upsert(_ db: Connection, table: String, site: String, period: String, dimension: String, key: String, delta: Int) throws {
        // `table` is one of the three literals of `add`; the statements are cached per table.
        try db.run("""
            INSERT INTO \(table) (site_id, period, dimension, key, count) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (site_id, period, dimension, key) DO UPDATE SET count = count + excluded.count
            """, [site, period, dimension, key, delta])
    }

    /// Runs `body` (inside a write transaction, on its connection) with increments gathered in memory,
    /// then writes their sums before returning: for bulk writes; the desk's routes update directly.
    package static func batching<T>(_ db: Connection, _ body: () throws -> T) throws -> T {
        let buffer = CounterBuffer()
        let result = try $buffer.withValue(buffer) { try body() }
        try buffer.flush(db)
        return result
    }

    /// What one contact adds. Channels count every contact; the other dimensions only named intakes,
    /// since an anonymous information-only contact has no household, age or level.
    /// An intake outside the sites counts under its own channel key, by place kind and team; the stage
    /// of an eviction procedure by stage.
    package static func intakeKeys(channel: String, level: Int, informationOnly: Bool, knownPerson: Bool, age: Int?,
                           householdType: String?, pregnant: Bool, motives: [String], outreach: Outreach? = nil,
                           expulsionStage: ExpulsionStage? = nil) -> [Key] {
        var keys: [Key] = [("contacts", "total"), ("canal", outreach == nil ? channel : Outreach.channelKey)]
        if let outreach { keys += [(Outreach.placeDimension, outreach.place.rawValue), (Outreach.teamDimension, outreach.team.rawValue)] }
        if informationOnly {
            keys.append(("information_seule", "total"))
            return keys
        }
        keys.append(("accueils", "total"))
        keys.append(("niveau", String(level)))
        keys.append(("age", IntakeFacts.ageBracket(age)))
        if let householdType { keys.append(("foyer", householdType)) }
        if pregnant { keys.append(("grossesse", "total")) }
        if knownPerson { keys.append(("double_sollicitation", "total")) }
        for motive in Set(motives).sorted() { keys.append(("motif", motive)) }
        if let expulsionStage { keys.append((ExpulsionStage.dimension, expulsionStage.rawValue)) }
        return keys
    }

    /// What one orientation adds, at its own day and at the site where the person was received.
    package static func orientationKeys(service: Service, destination: String?, commune: String? = nil, suggestions: [String], derogation: Bool,
                                        adjustment: String? = nil, status: OrientationRecord.Status, delayDays: Int?, receptionSiteID: String,
                                        knownPerson: Bool, householdType: String?) -> [Key] {
        var keys: [Key] = [("orientations", "total"), ("statut", status.rawValue)]
        if let commune {
            keys += [("service", outsideBordeaux), ("destination", outsideBordeaux), (outsideDimension, service.rawValue), (communeDimension, commune)]
            for suggestion in Set(suggestions).sorted() { keys.append(("suggestion", suggestion)) }
            if let delayDays, delayDays >= 0 { keys.append(("delai", String(delayDays))) }
            return keys
        }
        keys += [("service", service.rawValue), ("destination", destination ?? service.rawValue)]
        for suggestion in Set(suggestions).sorted() { keys.append(("suggestion", suggestion)) }
        if derogation { keys.append(contentsOf: [("derogation", "total"), (derogationByService, service.rawValue)]) }
        if let adjustment { keys.append((adjustmentDimension, adjustment)) }
        if let delayDays, delayDays >= 0 { keys.append(("delai", String(delayDays))) }
        if receptionSiteID == citeSiteID, service == .mds {
            keys.append(("cite_mds", "total"))
            if knownPerson { keys.append(("cite_mds", "connue")) }
        }
        if service == .ccas, let householdType, IntakeFacts.withoutMinorChildren.contains(householdType) {
            keys.append(("ccas_sans_mineur", "total"))
        }
        return keys
    }

    /// Days from the orientation's day to its booked slot, when there is one.
    package static func delayDays(from day: String, to bookingDate: String?) -> Int? {
        guard let bookingDate, let start = LocalDate(iso: day), let end = LocalDate(iso: bookingDate) else { return nil }
        return start.days(to: end)
    }

    /// Counts an orientation just inserted (its row already carries day and reception site).
    package static func recordOrientation(_ db: Connection, id: Int64) throws {
        guard let row = try db.queryOne("""
            -- o.*: migration 5 counts existing rows with this code, before the adjustment column exists.
            SELECT o.*, i.known_person, i.household_type
            FROM orientations o JOIN intakes i ON i.id = o.intake_id WHERE o.id = ?
            """, [id]), let day = row.string("day"), let site = row.string("reception_site_id") else { return }
        guard let service: Service = row.value("service") else { return }
        let keys = orientationKeys(
            service: service, destination: row.string("site_id"), commune: row.contains("commune") ? row.string("commune") : nil,
            suggestions: (row.string("suggestions") ?? "").split(separator: ",").map(String.init),
            derogation: row.bool("is_derogation") ?? false, adjustment: row.string("adjustment"), status: row.value("status") ?? .open,
            delayDays: delayDays(from: day, to: row.string("booking_date")), receptionSiteID: site,
            knownPerson: row.bool("known_person") ?? false, householdType: row.string("household_type"))
        try add(db, day: day, siteID: site, keys: keys)
    }

    /// Moves an orientation from one status counter to another (the closed loop).
    package static func statusChanged(_ db: Connection, day: String, receptionSiteID: String,
                                      from old: OrientationRecord.Status, to new: OrientationRecord.Status) throws {
        guard old != new else { return }
        try add(db, day: day, siteID: receptionSiteID, keys: [("statut", old.rawValue)], delta: -1)
        try add(db, day: day, siteID: receptionSiteID, keys: [("statut", new.rawValue)])
    }
}
