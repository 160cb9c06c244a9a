import Planning
import SQLiteStore

/// Past sessions of the permanences, written once their day is over: the figures read them instead of
/// expanding the planning as it is now, so a later edit (a weekday moved, an absence removed) changes
/// what is to come, never what happened. Days are written in order; `frozenThrough` is the last one.
package enum PermanenceSessions {
    package static let markerKey = "figures.sessions_frozen_through"

    package static func frozenThrough(_ db: Connection) throws -> CalendarDate? {
        try db.string("SELECT value FROM instance_settings WHERE key = ?", [markerKey]).flatMap(CalendarDate.init)
    }

    /// Writes the sessions of the days after the last written one, up to `yesterday` (inside the caller's
    /// write transaction). The first time, from the first permanence's start.
    package static func freeze(_ db: Connection, through yesterday: CalendarDate, snapshot: PlanningSnapshot) throws {
        let first = try frozenThrough(db)?.adding(days: 1) ?? snapshot.permanences.map(\.validFrom).min() ?? yesterday.adding(days: 1)
        guard first <= yesterday else { return }
        var failure: (any Error)?
        Planning.forEachOccurrence(of: snapshot.permanences, from: first, to: yesterday, closures: snapshot.closures,
                                   absences: snapshot.absences) { permanence, date, holder in
            guard failure == nil else { return }
            do {
                try db.run("INSERT OR IGNORE INTO permanence_sessions (permanence_id, date, outcome, places) VALUES (?, ?, ?, ?)",
                           [permanence.id, date.description, outcome(holder), holder.isCancelled ? 0 : permanence.placesPerSession])
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        try db.run("INSERT INTO instance_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   [markerKey, yesterday.description])
    }

    package static func outcome(_ holder: OccurrenceHolder) -> String {
        switch holder {
        case .titulaire, .suppleant: "tenue"
        case .cancelled(.publicHoliday): "ferie"
        case .cancelled(.siteClosed): "fermeture"
        case .cancelled(.noSocialWorkerAvailable): "absences"
        }
    }

    /// The written sessions of `from`…`to`, summed per permanence.
    package static func usage(_ db: Connection, from: CalendarDate, to: CalendarDate) throws -> [String: PermanenceUsage] {
        var usage: [String: PermanenceUsage] = [:]
        for row in try db.query("""
            SELECT permanence_id, outcome, count(*) AS n, sum(places) AS places FROM permanence_sessions
            WHERE date BETWEEN ? AND ? GROUP BY permanence_id, outcome
            """, [from.description, to.description]) {
            let count = row.int("n") ?? 0
            var part = PermanenceUsage()
            part.scheduled = count
            switch row.string("outcome") {
            case "tenue": part.held = count
            case "ferie": part.cancelledForHoliday = count
            case "fermeture": part.cancelledForClosure = count
            default: part.cancelledForStaffing = count
            }
            part.placesOffered = row.int("places") ?? 0
            usage[row.string("permanence_id") ?? "", default: PermanenceUsage()] = usage[row.string("permanence_id") ?? "", default: PermanenceUsage()] + part
        }
        return usage
    }
}
