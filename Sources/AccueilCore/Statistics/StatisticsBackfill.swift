import Orientation
import SQLiteStore

/// Fills the columns and counters of migration 5 for rows written before it, with the same code
/// as new writes use, so an upgraded database gives the same figures as one filled afterwards.
package enum StatisticsBackfill {
    package static func run(_ db: Connection) throws {
        try StatisticsCounters.batching(db) { try fill(db) }
    }

    private static func fill(_ db: Connection) throws {
        for row in try db.query("SELECT id, at, site_id, channel, level, information_only, household, age, known_person FROM intakes") {
            let id = row.int64("id") ?? 0, day = ParisTime(row.int64("at") ?? 0).day.description
            let informationOnly = row.bool("information_only") ?? false
            let facts = informationOnly ? nil : OrientationRequest(stored: row.string("household")).flatMap(IntakeFacts.of)
            try db.run("UPDATE intakes SET day = ?, household_type = ?, pregnant = ? WHERE id = ?", [day, facts?.type, facts?.pregnant ?? false, id])
            let motives = try db.query("SELECT motive FROM intake_motives WHERE intake_id = ? ORDER BY motive", [id]).compactMap { $0.string("motive") }
            try StatisticsCounters.add(db, day: day, siteID: row.string("site_id") ?? "", keys: StatisticsCounters.intakeKeys(
                channel: row.string("channel") ?? "", level: row.int("level") ?? 1, informationOnly: informationOnly,
                knownPerson: row.bool("known_person") ?? false, age: row.int("age"), householdType: facts?.type,
                pregnant: facts?.pregnant ?? false, motives: motives))
        }
        for row in try db.query("SELECT id, created_at FROM orientations") {
            let id = row.int64("id") ?? 0
            try db.run("UPDATE orientations SET day = ?, reception_site_id = (SELECT site_id FROM intakes WHERE intakes.id = orientations.intake_id) WHERE id = ?",
                       [ParisTime(row.int64("created_at") ?? 0).day.description, id])
            try StatisticsCounters.recordOrientation(db, id: id)
        }
    }
}
