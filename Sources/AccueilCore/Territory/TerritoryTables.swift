import Orientation
import SQLiteStore

/// The street table (Bordeaux's streets → sectors) and the commune table (the Gironde's communes →
/// CCAS and MDS), imported whole from CSV by administrators. An import is all or nothing: a line that
/// would give an address two sectors, or a commune two sets of services, on one day is refused with
/// the lines named (`ImportRefusal`, thrown so that the caller's transaction keeps nothing of it).
/// Callers hold the transaction and write the audit row.
package enum TerritoryTables {
    package enum Table: String, Sendable, CaseIterable {
        case streets = "voies"
        case communes = "communes"

        package var label: String { self == .streets ? "table des voies" : "table des communes" }

        /// The SQL table of its rows.
        var rowsTable: String { self == .streets ? "street_segments" : "commune_services" }
    }

    /// One import, as the history lists it.
    package struct Import: Sendable {
        package let id: Int64
        package let table: Table
        package let fileName: String
        package let source: String
        package let lineCount: Int
        package let replacesFrom: LocalDate?
        /// Nil: loaded with the demo data at first start.
        package let importedBy: String?
        package let importedAt: Int64
    }

    /// What an import states besides its lines.
    package struct Origin: Sendable {
        package let fileName: String
        package let source: String
        /// Ends the rows in force on this day (the day before), so the file replaces the table from it.
        package let replacesFrom: LocalDate?
        package let accountID: Int64?
        package let at: Int64

        package init(fileName: String, source: String, replacesFrom: LocalDate?, accountID: Int64?, at: Int64) {
            self.fileName = fileName
            self.source = source
            self.replacesFrom = replacesFrom
            self.accountID = accountID
            self.at = at
        }
    }

    // MARK: Imports

    package static func importStreets(_ db: Connection, _ lines: [(line: Int, segment: StreetSegment)], _ origin: Origin) throws -> Int64 {
        let id = try begin(db, .streets, lineCount: lines.count, origin)
        var errors: [ImportLineError] = []
        // Compared within each street only: a file of thousands of lines stays quick to check.
        var seen: [String: [(line: Int, segment: StreetSegment)]] = [:]
        for entry in lines {
            let key = entry.segment.streetKey + "|" + entry.segment.postcode
            if let earlier = seen[key, default: []].first(where: { $0.segment.overlaps(entry.segment) }) {
                errors.append(ImportLineError(line: entry.line, "chevauche la ligne \(earlier.line) du fichier (même voie, mêmes numéros, même période)."))
            }
            seen[key, default: []].append(entry)
        }
        let existing = try segments(db, keys: Set(lines.map(\.segment.streetKey)))
        for entry in lines {
            if let clash = existing.first(where: { $0.segment.overlaps(entry.segment) }) {
                errors.append(ImportLineError(line: entry.line,
                    "chevauche une ligne déjà en vigueur (import n° \(clash.importID), ligne \(clash.line) : \(clash.segment.street), "
                    + "\(clash.segment.numbersLabel), secteur \(clash.segment.sector), \(describe(clash.segment.period)))."))
            }
        }
        // Thrown, not returned: the caller's transaction rolls back the import row and any ended rows.
        guard errors.isEmpty else { throw ImportRefusal(lines: errors) }
        for (line, segment) in lines {
            try db.run("""
                INSERT INTO street_segments (import_id, line, street, street_key, number_from, number_to, parity, postcode, sector, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [id, line, segment.street, segment.streetKey, segment.numberFrom, segment.numberTo, segment.parity, segment.postcode,
                      segment.sector, segment.period.from.description, segment.period.to?.description])
        }
        return id
    }

    package static func importCommunes(_ db: Connection, _ lines: [(line: Int, commune: CommuneServices)], _ origin: Origin) throws -> Int64 {
        let id = try begin(db, .communes, lineCount: lines.count, origin)
        var errors: [ImportLineError] = []
        func clash(_ a: CommuneServices, _ b: CommuneServices) -> Bool { a.inseeCode == b.inseeCode && a.period.overlaps(b.period) }
        for (index, entry) in lines.enumerated() {
            if let earlier = lines[..<index].first(where: { clash($0.commune, entry.commune) }) {
                errors.append(ImportLineError(line: entry.line, "chevauche la ligne \(earlier.line) du fichier (même commune, même période)."))
            }
        }
        let existing = try db.query("SELECT * FROM commune_services").compactMap(storedCommune)
        for entry in lines {
            if let other = existing.first(where: { clash($0.commune, entry.commune) }) {
                errors.append(ImportLineError(line: entry.line,
                    "chevauche une ligne déjà en vigueur (import n° \(other.importID), ligne \(other.line) : \(other.commune.name), \(describe(other.commune.period)))."))
            }
        }
        // Thrown, not returned: the caller's transaction rolls back the import row and any ended rows.
        guard errors.isEmpty else { throw ImportRefusal(lines: errors) }
        for (line, commune) in lines {
            try db.run("""
                INSERT INTO commune_services (import_id, line, insee_code, name, ccas_name, ccas_address, ccas_phone, ccas_email,
                                              mds_name, mds_address, mds_phone, mds_email, to_confirm, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [id, line, commune.inseeCode, commune.name, commune.ccas.name, commune.ccas.address, commune.ccas.phone, commune.ccas.email,
                      commune.mds.name, commune.mds.address, commune.mds.phone, commune.mds.email, commune.toConfirm,
                      commune.period.from.description, commune.period.to?.description])
        }
        return id
    }

    /// Records the import and, when it replaces the table from a day, ends the rows then in force.
    private static func begin(_ db: Connection, _ table: Table, lineCount: Int, _ origin: Origin) throws -> Int64 {
        try db.run("""
            INSERT INTO territory_imports (kind, file_name, source, line_count, replaces_from, imported_by, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [table, origin.fileName, origin.source, lineCount, origin.replacesFrom?.description, origin.accountID, origin.at])
        let id = db.lastInsertRowID
        if let day = origin.replacesFrom, let lastDay = day.adding(days: -1) {
            try db.run("""
                UPDATE \(table.rowsTable) SET valid_to = ?, ended_by_import = ?
                WHERE valid_from < ? AND (valid_to IS NULL OR valid_to >= ?)
                """, [lastDay.description, id, day.description, day.description])
        }
        return id
    }

    private static func describe(_ period: Period) -> String {
        "du \(period.from.frenchDescription)\(period.to.map { " au \($0.frenchDescription)" } ?? ", sans date de fin")"
    }

    // MARK: Reading

    package struct StoredSegment: Sendable {
        package let importID: Int64
        package let line: Int
        package let segment: StreetSegment
    }

    package struct StoredCommune: Sendable {
        package let importID: Int64
        package let line: Int
        package let commune: CommuneServices
    }

    /// Every segment (any period) of these streets.
    package static func segments(_ db: Connection, keys: Set<String>) throws -> [StoredSegment] {
        guard !keys.isEmpty else { return [] }
        return try db.query("SELECT * FROM street_segments WHERE street_key IN (SELECT value FROM json_each(?)) ORDER BY street_key, number_from",
                            [JSONText.array(keys.sorted())]).compactMap(storedSegment)
    }

    /// Every commune row (any period): the rule picks the one in force on its date.
    package static func communes(_ db: Connection) throws -> [CommuneServices] {
        try db.query("SELECT * FROM commune_services ORDER BY name, valid_from").compactMap(storedCommune).map(\.commune)
    }

    /// The row of a commune in force on a day.
    package static func commune(_ db: Connection, code: String, on day: LocalDate) throws -> CommuneServices? {
        try db.queryOne("""
            SELECT * FROM commune_services WHERE insee_code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
            """, [code, day.description, day.description]).flatMap(storedCommune)?.commune
    }

    package static func imports(_ db: Connection, _ table: Table) throws -> [Import] {
        try db.query("""
            SELECT t.*, a.display_name FROM territory_imports t LEFT JOIN accounts a ON a.id = t.imported_by
            WHERE t.kind = ? ORDER BY t.id DESC
            """, [table]).compactMap { row in
            guard let id = row.int64("id") else { return nil }
            return Import(id: id, table: table, fileName: row.string("file_name") ?? "", source: row.string("source") ?? "",
                          lineCount: row.int("line_count") ?? 0, replacesFrom: row.string("replaces_from").flatMap(LocalDate.init(iso:)),
                          importedBy: row.string("display_name"), importedAt: row.int64("imported_at") ?? 0)
        }
    }

    /// Rows in force on a day, for the administrators' summary.
    package static func inForce(_ db: Connection, _ table: Table, on day: LocalDate) throws -> Int {
        return try db.int("SELECT count(*) FROM \(table.rowsTable) WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)",
                          [day.description, day.description]) ?? 0
    }

    private static func period(_ row: Row) -> Period? {
        guard let from = row.string("valid_from").flatMap(LocalDate.init(iso:)) else { return nil }
        return Period(from: from, to: row.string("valid_to").flatMap(LocalDate.init(iso:)))
    }

    private static func storedSegment(_ row: Row) -> StoredSegment? {
        guard let period = period(row), let parity: StreetSegment.Parity = row.value("parity") else { return nil }
        let segment = StreetSegment(street: row.string("street") ?? "", numberFrom: row.int("number_from"), numberTo: row.int("number_to"),
                                    parity: parity, postcode: row.string("postcode") ?? "", sector: row.string("sector") ?? "", period: period)
        return StoredSegment(importID: row.int64("import_id") ?? 0, line: row.int("line") ?? 0, segment: segment)
    }

    private static func storedCommune(_ row: Row) -> StoredCommune? {
        guard let period = period(row) else { return nil }
        func service(_ prefix: String) -> PublicService {
            PublicService(name: row.string("\(prefix)_name"), address: row.string("\(prefix)_address"),
                          phone: row.string("\(prefix)_phone"), email: row.string("\(prefix)_email"))
        }
        let commune = CommuneServices(inseeCode: row.string("insee_code") ?? "", name: row.string("name") ?? "", ccas: service("ccas"),
                                      mds: service("mds"), period: period, toConfirm: row.bool("to_confirm") ?? true)
        return StoredCommune(importID: row.int64("import_id") ?? 0, line: row.int("line") ?? 0, commune: commune)
    }
}
