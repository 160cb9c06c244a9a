import Orientation
import SQLiteStore
import Synchronization

/// The hidden cells of each month (`MonthMasking.hidden`), kept until that month's counters change:
/// a trigger bumps the month's version in `stat_month_versions` on every counter write (migration
/// 20), so a figures request recomputes the running month and reads the others from memory.
/// The running month hides every cell but the desk's volumes: its figures change from one day to
/// the next, and two readings a day apart would give that day's small groups away.
package final class MonthMaskCache: Sendable {
    private let months = Mutex<[String: (version: Int64, running: Bool, hidden: [String: Set<String>])]>([:])

    package init() {}

    /// The cells hidden over the months of `period` (whole months), at its site or for all sites, month
    /// by month ("AAAA-MM" → cells); `runningMonth` ("AAAA-MM"): the month not over yet.
    package func byMonth(_ db: Connection, _ period: StatisticsPeriod, runningMonth: String) throws -> [String: Set<String>] {
        let site = period.siteID ?? StatisticsCounters.allSites
        let versions = try db.query("SELECT period, version FROM stat_month_versions WHERE period BETWEEN ? AND ?",
                                    [String(period.from.description.prefix(7)), String(period.to.description.prefix(7))])
        var result: [String: Set<String>] = [:]
        for row in versions {
            guard let month = row.string("period"), let version = row.int64("version") else { continue }
            result[month] = try hidden(db, month: month, version: version, running: month >= runningMonth)[site] ?? []
        }
        return result
    }

    private func hidden(_ db: Connection, month: String, version: Int64, running: Bool) throws -> [String: Set<String>] {
        if let cached = months.withLock({ $0[month] }), cached.version == version, cached.running == running { return cached.hidden }
        var counts: [String: [String: Int]] = [:]
        for row in try db.query("SELECT site_id, dimension, key, count FROM stat_months WHERE period = ?", [month]) {
            counts[row.string("site_id") ?? "", default: [:]][MonthMasking.cell(row.string("dimension") ?? "", row.string("key") ?? "")] = row.int("count") ?? 0
        }
        // A destination is a site of the directory (or, without one, the service itself).
        var services = [Service.ccas.rawValue: Service.ccas.rawValue, Service.mds.rawValue: Service.mds.rawValue]
        for row in try db.query("SELECT id, kind FROM sites") {
            guard let id = row.string("id"), let kind = row.string("kind").flatMap(SiteKind.init(rawValue:)) else { continue }
            if kind == .ccas { services[id] = Service.ccas.rawValue } else if kind == .mds || kind == .antenna { services[id] = Service.mds.rawValue }
        }
        let hidden = running ? counts.mapValues { Set($0.keys.filter { !MonthMasking.isVolume($0) }) }
            : MonthMasking.hidden(counts, destinationServices: services)
        // A reader on an older snapshot never replaces a newer month.
        months.withLock { table in
            if (table[month]?.version ?? .min) < version || table[month]?.running != running { table[month] = (version, running, hidden) }
        }
        return hidden
    }
}
