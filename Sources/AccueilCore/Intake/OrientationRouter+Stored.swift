import Orientation
import SQLiteStore

extension OrientationRouter {
    /// The rule as the database holds it today: the territory, the standing adjustments agreed by the
    /// PTS and the CCAS, and the commune table; each applies on a date by its own periods.
    package static func stored(_ db: Connection, referential: TerritorialReferential) throws -> OrientationRouter {
        OrientationRouter(referential: referential, adjustments: try AdjustmentRepository.rules(db), communes: try TerritoryTables.communes(db))
    }
}
