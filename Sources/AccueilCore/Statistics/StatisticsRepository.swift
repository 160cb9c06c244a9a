import Orientation
import SQLiteStore

/// Reads the figures of a period: the fast path from the summary tables, plus the overdue
/// orientations, which depend on today's date and so are counted on the (few) open rows.
package enum StatisticsRepository {
    package static func tally(_ db: Connection, _ period: StatisticsPeriod) throws -> Tally {
        var tally = Tally()
        let site = period.siteID ?? StatisticsCounters.allSites
        for segment in period.segments {
            // `segment.table` is one of three literals of StatisticsPeriod, never user input.
            let rows = try db.query("""
                SELECT dimension, key, sum(count) AS n FROM \(segment.table)
                WHERE site_id = ? AND period BETWEEN ? AND ? GROUP BY dimension, key
                """, [site, segment.range.lowerBound, segment.range.upperBound])
            for row in rows { tally.add(row.string("dimension") ?? "", row.string("key") ?? "", row.int("n") ?? 0) }
        }
        return tally
    }

    /// One dimension of the all-sites counters, by key (the permanence figures' counts).
    package static func allSitesCounts(_ db: Connection, _ period: StatisticsPeriod, dimension: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for segment in period.segments {
            let rows = try db.query("""
                SELECT key, sum(count) AS n FROM \(segment.table)
                WHERE site_id = ? AND period BETWEEN ? AND ? AND dimension = ? GROUP BY key
                """, [StatisticsCounters.allSites, segment.range.lowerBound, segment.range.upperBound, dimension])
            for row in rows { counts[row.string("key") ?? "", default: 0] += row.int("n") ?? 0 }
        }
        return counts.filter { $0.value != 0 }
    }

    /// Open orientations of the period still waiting more than `OrientationRecord.overdueAfterDays`
    /// calendar days after their slot (or their day, without a slot).
    package static func overdue(_ db: Connection, _ period: StatisticsPeriod, today: LocalDate) throws -> Int {
        let limit = today.adding(days: -OrientationRecord.overdueAfterDays) ?? today
        return try db.int("""
            SELECT count(*) FROM orientations WHERE status = ? AND day BETWEEN ? AND ?
            AND (? IS NULL OR reception_site_id = ?) AND coalesce(booking_date, day) < ?
            """, [OrientationRecord.Status.open, period.from.description, period.to.description, period.siteID, period.siteID, limit.description]) ?? 0
    }

}
