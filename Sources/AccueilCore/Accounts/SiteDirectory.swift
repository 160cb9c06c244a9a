import Orientation
import SQLiteStore

/// A place of the partner directory (MDS, antennas, the CCAS, partner sites): the editable copy of the referential's sites.
public struct DirectorySite: Sendable, Equatable {
    public let id: String
    public var name: String
    public var kind: SiteKind
    public var circonscription: String?
    public var address: String?
    public var phone: String?
    public var openingHours: String?
    public var accessibility: String?
    public var validFrom: LocalDate
    public var validTo: LocalDate?

    /// Closed for good before `day` (its last day of validity is past).
    package func hasClosed(before day: LocalDate) -> Bool {
        validTo.map { $0 < day } ?? false
    }

    /// The public details nobody has filled in yet, in French for staff (the slip then sends the
    /// person back to the desk instead of printing a gap).
    public var missingContact: [String] {
        [("adresse", address), ("téléphone", phone), ("horaires", openingHours), ("accessibilité", accessibility)]
            .filter { $0.1.nonBlank == nil }.map(\.0)
    }
}

package enum SiteDirectory {
    /// Seeds the directory from the territorial referential the first time; later edits by
    /// administrators are kept (a site already present is not overwritten).
    package static func seed(_ db: Connection, from referential: TerritorialReferential) throws {
        for site in referential.sites {
            try db.run("""
                INSERT OR IGNORE INTO sites (id, name, kind, circonscription, address, phone, opening_hours, accessibility, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [site.id, site.name, site.kind.rawValue, site.circonscription, site.address, site.phone,
                      site.openingHours, site.accessibility, site.validFrom.description, site.validTo?.description])
            // An address the convention gives (its passage is in the referential) fills a site stored without one.
            if let address = site.address, site.addressSource != nil {
                try db.run("UPDATE sites SET address = ? WHERE id = ? AND address IS NULL", [address, site.id])
            }
        }
    }

    package static func all(_ db: Connection) throws -> [DirectorySite] {
        try db.query("SELECT * FROM sites ORDER BY name").map(site)
    }

    package static func find(_ db: Connection, name: String) throws -> DirectorySite? {
        try db.queryOne("SELECT * FROM sites WHERE name = ?", [name]).map(site)
    }

    package static func find(_ db: Connection, id: String) throws -> DirectorySite? {
        try db.queryOne("SELECT * FROM sites WHERE id = ?", [id]).map(site)
    }

    /// Saves what administrators may edit (name and practical details). Kind, circonscription and
    /// validity are left as seeded: they come from the territorial referential, which routes people.
    package static func update(_ db: Connection, _ site: DirectorySite) throws {
        try db.run("UPDATE sites SET name = ?, address = ?, phone = ?, opening_hours = ?, accessibility = ? WHERE id = ?",
                   [site.name, site.address, site.phone, site.openingHours, site.accessibility, site.id])
    }

    private static func site(_ row: Row) -> DirectorySite {
        DirectorySite(id: row.string("id") ?? "", name: row.string("name") ?? "", kind: row.value("kind") ?? .mds,
             circonscription: row.string("circonscription"), address: row.string("address"), phone: row.string("phone"),
             openingHours: row.string("opening_hours"), accessibility: row.string("accessibility"),
             validFrom: row.string("valid_from").flatMap(LocalDate.init(iso:)) ?? LocalDate(daysSinceEpoch: 0)!,
             validTo: row.string("valid_to").flatMap(LocalDate.init(iso:)))
    }
}

extension [DirectorySite] {
    /// Site id → name, for labels (the first of a duplicated id wins).
    package var namesByID: [String: String] { Dictionary(map { ($0.id, $0.name) }) { first, _ in first } }
}
