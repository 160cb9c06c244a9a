import AccueilCore
import Orientation
import Planning
import SQLiteStore

/// Reads everything the figures need in one read transaction (one consistent snapshot).
enum StatisticsLoader {
    static func sites(_ db: Connection) throws -> [DirectorySite] { try SiteDirectory.all(db) }

    static func load(_ context: AppContext, _ period: StatisticsPeriod, comparedWith previous: StatisticsPeriod?) async throws -> ActivityFigures {
        let today = context.today
        let motives = context.motives, referential = context.referential
        let circonscriptions = Dictionary(referential.circonscriptions.map { ($0.id, $0.name) }) { first, _ in first }
        try await freezePastSessions(context, today: today)
        return try await context.store.read { db in
            let snapshot = try PlanningSnapshot.load(db, referential: referential)
            let day = today.calendarDate
            func inputs(_ period: StatisticsPeriod) throws -> ActivityFigures.Inputs {
                var permanences = try PermanenceFigures.load(db, period, snapshot: snapshot, today: day)
                if let site = period.siteID {
                    let all = try PermanenceFigures.load(db, StatisticsPeriod(from: period.from, to: period.to, siteID: nil), snapshot: snapshot, today: day)
                    (permanences.bookedMaskedAmongSites, permanences.receivedMaskedAmongSites) = PermanenceTables.masks(of: site, in: all)
                }
                var tally = try StatisticsRepository.tally(db, period)
                let hidden = try context.monthMasks.byMonth(db, period, runningMonth: String(today.description.prefix(7)))
                tally.hidden = hidden.values.reduce(into: Set<String>()) { $0.formUnion($1) }
                return ActivityFigures.Inputs(tally: tally, overdue: try StatisticsRepository.overdue(db, period, today: today),
                                              permanences: permanences, months: try MonthlySeries.load(db, period, hidden: hidden))
            }
            return ActivityFigures(period: period, current: try inputs(period), previousPeriod: previous,
                                   previous: try previous.map(inputs), sites: try sites(db), motives: motives, circonscriptions: circonscriptions,
                                   communeNames: Dictionary(try TerritoryTables.communes(db).map { ($0.inseeCode, $0.name) }) { first, _ in first },
                                   themeCategories: context.directoryVocabulary.categories,
                                   sectorNames: Dictionary(referential.sectors(on: today).map { ($0.key, $0.label) }) { first, _ in first })
        }
    }

    /// Writes the sessions of the days gone by since the last figures were read (see `PermanenceSessions`):
    /// a read first, so the write lock is only taken once a day.
    static func freezePastSessions(_ context: AppContext, today: LocalDate) async throws {
        let yesterday = today.calendarDate.adding(days: -1)
        let frozen = try await context.store.read { db in try PermanenceSessions.frozenThrough(db) }
        guard frozen.map({ $0 < yesterday }) ?? true else { return }
        let referential = context.referential
        try await context.store.write { db in
            try PermanenceSessions.freeze(db, through: yesterday, snapshot: try PlanningSnapshot.load(db, referential: referential))
        }
    }
}
