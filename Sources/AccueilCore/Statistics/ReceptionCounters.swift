import Foundation
import SQLiteStore

/// Who was received in the two permanence systems of the convention — MDS social workers at the Cité
/// Municipale, CCAS social workers in the MDS and antennas — counted like every other figure: one
/// increment per reception, at the host site and on the permanence's day, so that these tables are
/// sums of month cells and masked by `MonthMasking` (a person received twice counts twice, as the
/// « passages » do; the synthesis keeps the distinct families and people of the experiment's bilan).
package enum ReceptionCounters {
    package enum Kind: String, CaseIterable, Sendable {
        case mdsAtCite = "mds_cite"
        case ccasInMDS = "ccas_mds"

        package var label: String {
            switch self {
            case .mdsAtCite: "Permanences des travailleurs sociaux de la MDS à la Cité Municipale"
            case .ccasInMDS: "Permanences des travailleurs sociaux du CCAS dans les MDS"
            }
        }

        /// The rows of `permanence_receptions` of this kind, in SQL (constants of the code): the one
        /// definition the counters, the direct query and the people of the synthesis share.
        package var condition: String {
            switch self {
            case .mdsAtCite: "sending_institution = 'departement' AND host_site_id = '\(StatisticsCounters.citeSiteID)'"
            case .ccasInMDS: "sending_institution = 'ccas' AND host_site_id IN (SELECT id FROM sites WHERE kind IN ('mds', 'antenna'))"
            }
        }

        /// Dimensions: the receptions of this kind, by age bracket, by motive.
        package var total: String { "recus_" + rawValue }
        package var ages: String { "recus_" + rawValue + "_age" }
        package var motives: String { "recus_" + rawValue + "_motif" }
    }

    /// Every reception at a permanence, whatever its kind (the monthly flow's « passages »).
    package static let all = "recus_permanence"
    /// Receptions by the MDS at the Cité, by residence sector ("sans_secteur": homeless or outside
    /// Bordeaux), and among them those of families already known.
    package static let sector = "recus_mds_cite_secteur"
    package static let knownBySector = "recus_mds_cite_secteur_connue"
    package static let noSector = "sans_secteur"

    /// The reception rows with their kind (`kind`: nil outside the two systems).
    static let rows = """
        SELECT *, CASE WHEN \(Kind.mdsAtCite.condition) THEN '\(Kind.mdsAtCite.rawValue)'
                       WHEN \(Kind.ccasInMDS.condition) THEN '\(Kind.ccasInMDS.rawValue)' END AS kind
        FROM permanence_receptions
        """

    /// The counters one reception row adds (its columns, as `PermanenceFacts.recordReception` wrote them).
    package static func keys(_ row: Row) -> [StatisticsCounters.Key] {
        var keys: [StatisticsCounters.Key] = [(all, "total")]
        guard let kind = row.string("kind").flatMap(Kind.init(rawValue:)) else { return keys }
        keys += [(kind.total, "total"), (kind.ages, row.string("age_bracket") ?? "inconnu")]
        let motives = (try? JSONDecoder().decode([String].self, from: Data((row.string("motives") ?? "[]").utf8))) ?? []
        keys += Set(motives).sorted().map { (kind.motives, $0) }
        if kind == .mdsAtCite {
            let residence = row.string("residence_sector").flatMap { $0.isEmpty ? nil : $0 } ?? noSector
            keys.append((sector, residence))
            if (row.int("known_person") ?? 0) > 0 { keys.append((knownBySector, residence)) }
        }
        return keys
    }

    /// Counts the reception row `id` (the caller's transaction).
    package static func count(_ db: Connection, receptionID id: Int64) throws {
        guard let row = try db.queryOne(rows + " WHERE id = ?", [id]), let day = row.string("occurrence_date"),
              let site = row.string("host_site_id") else { return }
        try StatisticsCounters.add(db, day: day, siteID: site, keys: keys(row))
    }

    /// Migration 21: the same counters for the receptions recorded before it.
    package static func backfill(_ db: Connection) throws {
        try StatisticsCounters.batching(db) {
            for row in try db.query(rows) {
                guard let day = row.string("occurrence_date"), let site = row.string("host_site_id") else { continue }
                try StatisticsCounters.add(db, day: day, siteID: site, keys: keys(row))
            }
        }
    }
}
