import Planning
import SQLiteStore

/// Demo mode only: the Annexe 4 configuration of `AnnexFourDemo` (fictitious social workers on the
/// real sites), written once. A marker in `instance_settings` keeps managers' later edits (or an
/// emptied planning) from being overwritten at the next start.
package enum PlanningDemoSeed {
    package static let markerKey = "planning.demo_seeded"

    package static func seedOnce(_ db: Connection, at now: Int64) throws {
        try db.run("INSERT OR IGNORE INTO instance_settings (key, value) VALUES (?, ?)", [markerKey, String(now)])
        guard db.changes == 1 else { return }
        let demo = AnnexFourDemo()
        for worker in demo.directory.workers.values.sorted(by: { $0.id < $1.id }) {
            try PlanningRepository.insert(db, worker: worker)
        }
        for permanence in demo.permanences {
            try PlanningRepository.save(db, permanence, at: now)
        }
    }
}
