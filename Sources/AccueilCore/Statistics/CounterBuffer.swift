import SQLiteStore

/// Counter increments gathered during one write transaction and written once at its end: for bulk
/// writes (`accueil demo`), where thousands of intakes touch the same few hundred counters. Flushed
/// inside the same transaction, so the counters are as exact at commit as with direct updates.
///
/// Unchecked Sendable: an instance lives inside one `StatisticsCounters.batching` call, on the
/// writer's thread, and is never shared (TaskLocal requires the type to be Sendable).
package final class CounterBuffer: @unchecked Sendable {
    package struct Cell: Hashable {
        package let table: String
        package let site: String
        package let period: String
        package let dimension: String
        package let key: String
    }

    private var counts: [Cell: Int] = [:]

    package func add(_ cell: Cell, _ delta: Int) { counts[cell, default: 0] += delta }

    package func flush(_ db: Connection) throws {
        for (cell, delta) in counts where delta != 0 {
            try StatisticsCounters.upsert(db, table: cell.table, site: cell.site, period: cell.period,
                                          dimension: cell.dimension, key: cell.key, delta: delta)
        }
        counts = [:]
    }
}
