import Orientation
import SQLiteStore

/// The same counts as the summary tables, by plain GROUP BY over the intake and orientation rows.
/// Too slow for ten years of data on a page, it is the reference the fast path is tested against
/// (and a way to check a database by hand: `accueil` has no command for it yet).
package enum StatisticsDirectQuery {
    package static func tally(_ db: Connection, _ period: StatisticsPeriod) throws -> Tally {
        var tally = Tally()
        let window = "day BETWEEN ? AND ? AND (? IS NULL OR site_id = ?)"
        let parameters: [any SQLBindable] = [period.from.description, period.to.description, period.siteID, period.siteID]
        func group(_ dimension: String, _ sql: String, _ more: [any SQLBindable] = []) throws {
            for row in try db.query(sql, parameters + more) { tally.add(dimension, row.string("k") ?? "", row.int("n") ?? 0) }
        }
        try group("contacts", "SELECT 'total' AS k, count(*) AS n FROM intakes WHERE \(window)")
        // A constant of the code, not input: spelled into the statement (parameters bind after the window's).
        try group("canal", "SELECT CASE WHEN outreach_place IS NULL THEN channel ELSE '\(Outreach.channelKey)' END AS k, count(*) AS n FROM intakes WHERE \(window) GROUP BY k")
        try group(Outreach.placeDimension, "SELECT outreach_place AS k, count(*) AS n FROM intakes WHERE \(window) AND outreach_place IS NOT NULL GROUP BY k")
        try group(Outreach.teamDimension, "SELECT outreach_team AS k, count(*) AS n FROM intakes WHERE \(window) AND outreach_team IS NOT NULL GROUP BY k")
        try group("information_seule", "SELECT 'total' AS k, count(*) AS n FROM intakes WHERE \(window) AND information_only = 1")
        try group(StatisticsCounters.informationThemeDimension, """
            SELECT t.category AS k, count(*) AS n FROM intakes JOIN information_sheet_themes t ON t.intake_id = intakes.id
            WHERE \(window) GROUP BY t.category
            """)
        let named = "\(window) AND information_only = 0"
        try group("accueils", "SELECT 'total' AS k, count(*) AS n FROM intakes WHERE \(named)")
        try group("niveau", "SELECT CAST(level AS TEXT) AS k, count(*) AS n FROM intakes WHERE \(named) GROUP BY level")
        try group("age", "SELECT \(IntakeFacts.ageBracketSQL("age")) AS k, count(*) AS n FROM intakes WHERE \(named) GROUP BY k")
        try group("foyer", "SELECT household_type AS k, count(*) AS n FROM intakes WHERE \(named) AND household_type IS NOT NULL GROUP BY household_type")
        try group("grossesse", "SELECT 'total' AS k, count(*) AS n FROM intakes WHERE \(named) AND pregnant = 1")
        try group("double_sollicitation", "SELECT 'total' AS k, count(*) AS n FROM intakes WHERE \(named) AND known_person = 1")
        try group(ExpulsionStage.dimension, "SELECT expulsion_stage AS k, count(*) AS n FROM intakes WHERE \(named) AND expulsion_stage IS NOT NULL GROUP BY k")
        try group("motif", """
            SELECT m.motive AS k, count(*) AS n FROM intakes JOIN intake_motives m ON m.intake_id = intakes.id
            WHERE \(named) GROUP BY m.motive
            """)

        let oriented = "o.day BETWEEN ? AND ? AND (? IS NULL OR o.reception_site_id = ?)"
        let from = "FROM orientations o JOIN intakes i ON i.id = o.intake_id WHERE \(oriented)"
        try group("orientations", "SELECT 'total' AS k, count(*) AS n \(from)")
        // A constant of the code, not input: spelled into the statement (parameters bind after the window's).
        let outside = "'\(StatisticsCounters.outsideBordeaux)'"
        try group("service", "SELECT CASE WHEN o.commune IS NULL THEN o.service ELSE \(outside) END AS k, count(*) AS n \(from) GROUP BY k")
        try group("destination", "SELECT CASE WHEN o.commune IS NULL THEN coalesce(o.site_id, o.service) ELSE \(outside) END AS k, count(*) AS n \(from) GROUP BY k")
        try group(StatisticsCounters.outsideDimension, "SELECT o.service AS k, count(*) AS n \(from) AND o.commune IS NOT NULL GROUP BY o.service")
        try group(StatisticsCounters.communeDimension, "SELECT o.commune AS k, count(*) AS n \(from) AND o.commune IS NOT NULL GROUP BY o.commune")
        try group("statut", "SELECT o.status AS k, count(*) AS n \(from) GROUP BY o.status")
        try group("derogation", "SELECT 'total' AS k, count(*) AS n \(from) AND o.commune IS NULL AND o.is_derogation = 1")
        try group(StatisticsCounters.derogationByService, "SELECT o.service AS k, count(*) AS n \(from) AND o.commune IS NULL AND o.is_derogation = 1 GROUP BY o.service")
        try group(StatisticsCounters.adjustmentDimension, "SELECT o.adjustment AS k, count(*) AS n \(from) AND o.commune IS NULL AND o.adjustment IS NOT NULL GROUP BY o.adjustment")
        try group("delai", """
            SELECT CAST(CAST(julianday(o.booking_date) - julianday(o.day) AS INTEGER) AS TEXT) AS k, count(*) AS n \(from)
            AND o.booking_date IS NOT NULL AND julianday(o.booking_date) >= julianday(o.day) GROUP BY k
            """)
        let cite: [any SQLBindable] = [Service.mds, StatisticsCounters.citeSiteID]
        try group("cite_mds", "SELECT 'total' AS k, count(*) AS n \(from) AND o.commune IS NULL AND o.service = ? AND o.reception_site_id = ?", cite)
        try group("cite_mds", "SELECT 'connue' AS k, count(*) AS n \(from) AND o.commune IS NULL AND o.service = ? AND o.reception_site_id = ? AND i.known_person = 1", cite)
        try group("ccas_sans_mineur", "SELECT 'total' AS k, count(*) AS n \(from) AND o.commune IS NULL AND o.service = ? AND i.household_type IN (SELECT value FROM json_each(?))",
                  [Service.ccas, JSONText.array(IntakeFacts.withoutMinorChildren.sorted())])
        // Places booked and people received in permanences, kept for all sites together only (see PermanenceFacts).
        if period.siteID == nil {
            for row in try db.query("""
                SELECT permanence_id AS k, count(*) AS n FROM bookings WHERE cancelled_at IS NULL AND walk_in = 0 AND occurrence_date BETWEEN ? AND ?
                GROUP BY permanence_id
                """, [period.from.description, period.to.description]) {
                tally.add(PermanenceFacts.bookedDimension, row.string("k") ?? "", row.int("n") ?? 0)
            }
            for row in try db.query("""
                SELECT permanence_id AS k, count(*) AS n FROM permanence_receptions WHERE occurrence_date BETWEEN ? AND ? GROUP BY permanence_id
                """, [period.from.description, period.to.description]) {
                tally.add(PermanenceFacts.receivedDimension, row.string("k") ?? "", row.int("n") ?? 0)
            }
            for row in try db.query("""
                SELECT permanence_id AS k, count(*) AS n FROM permanence_receptions WHERE occurrence_date BETWEEN ? AND ? AND walk_in = 1 GROUP BY permanence_id
                """, [period.from.description, period.to.description]) {
                tally.add(PermanenceFacts.walkInDimension, row.string("k") ?? "", row.int("n") ?? 0)
            }
        }
        // Receptions at permanences, at their host site and day (ReceptionCounters).
        let received = "occurrence_date BETWEEN ? AND ? AND (? IS NULL OR host_site_id = ?)"
        let atCite = ReceptionCounters.Kind.mdsAtCite.condition
        try group(ReceptionCounters.all, "SELECT 'total' AS k, count(*) AS n FROM permanence_receptions WHERE \(received)")
        for kind in ReceptionCounters.Kind.allCases {
            let condition = kind.condition
            try group(kind.total, "SELECT 'total' AS k, count(*) AS n FROM permanence_receptions WHERE \(received) AND \(condition)")
            try group(kind.ages, "SELECT coalesce(age_bracket, 'inconnu') AS k, count(*) AS n FROM permanence_receptions WHERE \(received) AND \(condition) GROUP BY k")
            try group(kind.motives, """
                SELECT m.value AS k, count(DISTINCT r.id) AS n FROM permanence_receptions r, json_each(coalesce(r.motives, '[]')) m
                WHERE \(received) AND \(condition) GROUP BY k
                """)
        }
        let sector = "coalesce(nullif(residence_sector, ''), '\(ReceptionCounters.noSector)')"
        try group(ReceptionCounters.sector, "SELECT \(sector) AS k, count(*) AS n FROM permanence_receptions WHERE \(received) AND \(atCite) GROUP BY k")
        try group(ReceptionCounters.knownBySector, """
            SELECT \(sector) AS k, count(*) AS n FROM permanence_receptions WHERE \(received) AND \(atCite) AND known_person = 1 GROUP BY k
            """)
        // Suggestions are stored comma-separated: split here, one row per orientation and suggestion.
        for row in try db.query("SELECT o.suggestions AS s \(from) AND o.suggestions <> ''", parameters) {
            for suggestion in Set((row.string("s") ?? "").split(separator: ",").map(String.init)) { tally.add("suggestion", suggestion, 1) }
        }
        return tally
    }
}
