import Orientation
import SQLiteStore

/// The monthly flow of the bilan: for each month of the period, contacts, orientations by service,
/// contacts outside the sites and people received in permanence, with the month cells hidden at the
/// site (`MonthMasking`).
package struct MonthlySeries: Sendable {
    package struct Month: Sendable {
        /// "AAAA-MM".
        package let month: String
        package var counts: [String: Int] = [:]
        package var hidden: Set<String> = []
    }

    /// The columns: a key, a label, the counter cell it reads, and whether it counts people (masked).
    package static let columns: [(key: String, label: String, cell: (String, String), people: Bool)] = [
        ("contacts", "Contacts", ("contacts", "total"), false),
        ("orientations_ccas", "Orientations vers le CCAS", ("service", Service.ccas.rawValue), true),
        ("orientations_mds", "Orientations vers une MDS", ("service", Service.mds.rawValue), true),
        ("orientations_hors_bordeaux", "Orientations hors Bordeaux", ("service", StatisticsCounters.outsideBordeaux), true),
        ("hors_les_murs", "Contacts hors les murs", ("canal", Outreach.channelKey), true),
        ("passages", "Personnes reçues en permanence (passages)", (ReceptionCounters.all, "total"), true),
    ]

    package var months: [Month]

    /// `hidden`: the cells hidden at the site, month by month (`MonthMaskCache.byMonth`).
    package static func load(_ db: Connection, _ period: StatisticsPeriod, hidden: [String: Set<String>]) throws -> MonthlySeries {
        var months: [Month] = []
        var date = LocalDate(year: period.from.year, month: period.from.month, day: 1) ?? period.from
        while date <= period.to, months.count < 1_200 {
            let key = String(date.description.prefix(7))
            months.append(Month(month: key, hidden: hidden[key] ?? []))
            date = date.endOfMonth.adding(days: 1) ?? period.to.adding(days: 1)!
        }
        let index = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1.month, $0) })
        let range = [months.first?.month ?? "", months.last?.month ?? ""]
        for row in try db.query("""
            SELECT period, dimension, key, count FROM stat_months WHERE site_id = ? AND period BETWEEN ? AND ?
            AND dimension IN (SELECT value FROM json_each(?))
            """, [period.siteID ?? StatisticsCounters.allSites] + range + [JSONText.array(Array(Set(columns.map(\.cell.0))))]) {
            guard let month = row.string("period"), let at = index[month] else { continue }
            let cell = (row.string("dimension") ?? "", row.string("key") ?? "")
            guard let column = columns.first(where: { $0.cell == cell }) else { continue }
            months[at].counts[column.key, default: 0] += row.int("count") ?? 0
        }
        return MonthlySeries(months: months)
    }
}
