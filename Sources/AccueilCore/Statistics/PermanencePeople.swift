import Foundation
import Orientation
import SQLiteStore

/// Who was received in the two permanence systems of the convention (MDS social workers at the
/// Cité Municipale, CCAS social workers in the MDS and antennas), as the experiment's bilan describes
/// them: distinct people of the period, each counted once with the facts of their first reception
/// (age bracket, motives, residence sector, already known or not).
package struct PermanencePeople: Sendable, Equatable {
    package enum Kind: String, CaseIterable, Sendable {
        case mdsAtCite = "mds_cite"
        case ccasInMDS = "ccas_mds"

        package var label: String {
            switch self {
            case .mdsAtCite: "Permanences des travailleurs sociaux de la MDS à la Cité Municipale"
            case .ccasInMDS: "Permanences des travailleurs sociaux du CCAS dans les MDS"
            }
        }

        /// The rows of `permanence_receptions` of this kind (the Cité's id bound by the caller for `.mdsAtCite`).
        var condition: String {
            switch self {
            case .mdsAtCite: PermanenceFigures.mdsAtCite
            case .ccasInMDS: "sending_institution = 'ccas' AND host_site_id IN (SELECT id FROM sites WHERE kind IN ('mds', 'antenna'))"
            }
        }

        var parameters: [any SQLBindable] { self == .mdsAtCite ? [StatisticsCounters.citeSiteID] : [] }
    }

    package struct Group: Sendable, Equatable {
        package var people = 0
        package var ages: [String: Int] = [:]
        package var motives: [String: Int] = [:]
        /// Residence sector ("" when none: homeless, or outside Bordeaux) → (people, already known).
        package var residence: [String: (people: Int, known: Int)] = [:]

        package static func == (lhs: Group, rhs: Group) -> Bool {
            lhs.people == rhs.people && lhs.ages == rhs.ages && lhs.motives == rhs.motives
                && lhs.residence.mapValues { [$0.people, $0.known] } == rhs.residence.mapValues { [$0.people, $0.known] }
        }
    }

    package var groups: [Kind: Group] = [:]

    package init() {}

    package static func load(_ db: Connection, _ period: StatisticsPeriod) throws -> PermanencePeople {
        var result = PermanencePeople()
        for kind in Kind.allCases {
            var group = Group()
            let rows = try db.query("""
                SELECT r.age_bracket, r.motives, coalesce(r.residence_sector, '') AS sector, f.known FROM permanence_receptions r JOIN (
                    SELECT min(id) AS id, min(known_person) AS known FROM permanence_receptions
                    WHERE occurrence_date BETWEEN ? AND ? AND (? IS NULL OR host_site_id = ?) AND \(kind.condition)
                    GROUP BY person_key) f ON f.id = r.id
                """, [period.from.description, period.to.description, period.siteID, period.siteID] + kind.parameters)
            for row in rows {
                group.people += 1
                group.ages[row.string("age_bracket") ?? "inconnu", default: 0] += 1
                let motives = (try? JSONDecoder().decode([String].self, from: Data((row.string("motives") ?? "[]").utf8))) ?? []
                for motive in Set(motives) { group.motives[motive, default: 0] += 1 }
                let sector = row.string("sector") ?? ""
                let known = (row.int("known") ?? 0) > 0 ? 1 : 0
                let before = group.residence[sector] ?? (0, 0)
                group.residence[sector] = (before.people + 1, before.known + known)
            }
            result.groups[kind] = group
        }
        return result
    }
}
