import Orientation
import Planning

/// The bilan's tables about the people received in the two permanence systems (ages and motives by
/// permanence kind, known and new families by residence) and the monthly flow; all read from month
/// cells (`ReceptionCounters`, `MonthlySeries`), masked like every figure.
package enum PermanencePeopleTables {
    package static let tableIDs = ReceptionCounters.Kind.allCases.flatMap { ["ages_" + $0.rawValue, "motifs_" + $0.rawValue] }
    package static let breakdownIDs = ["residence_mds_cite", "mois"]

    /// `cell`: the figure of one counter cell (`ActivityFigures`), masked when one of its month cells is.
    package static func tables(cell: (String, String, String, String, ((Tally) -> Int)?) -> FigureTable.Row, motives: MotiveCatalog) -> [FigureTable] {
        ReceptionCounters.Kind.allCases.flatMap { kind -> [FigureTable] in
            let people: (Tally) -> Int = { $0.count(kind.total) }
            var ages = IntakeFacts.ageBrackets.map { cell($0.key, $0.label, kind.ages, $0.key, people) }
            Masking.protectPartition(&ages, first: ages.count)
            return [
                FigureTable(id: "ages_" + kind.rawValue, title: "Âge des personnes reçues — \(kind.label)",
                            note: "Personnes reçues pendant la période, à chaque venue (comme les passages) ; part sur ces venues.",
                            rows: ages, chart: true, hasShare: true),
                FigureTable(id: "motifs_" + kind.rawValue, title: "Motifs des personnes reçues — \(kind.label)",
                            note: "Motifs de l'accueil qui a conduit à la permanence ; une venue peut en porter plusieurs ; part sur les venues.",
                            rows: motives.motives.map { cell($0.code, $0.label, kind.motives, $0.code, people) }, chart: true, hasShare: true),
            ]
        }
    }

    /// Families received by MDS social workers at the Cité, known or new, by residence sector.
    package static func residence(_ tally: Tally, sectorNames: [String: String]) -> BreakdownTable {
        let sectors = tally.keys(ReceptionCounters.sector).keys.sorted { (sectorNames[$0] ?? "~") < (sectorNames[$1] ?? "~") }
        var table = BreakdownTable(
            id: "residence_mds_cite", title: "Familles reçues par la MDS à la Cité : déjà connues ou nouvelles, par secteur de résidence",
            note: "Venues pendant la période ; « déjà connues » : suivies par une MDS selon l'accueil, ou retrouvées dans le fichier.",
            lineHeader: "Secteur de résidence",
            columns: [.init(key: "connues", label: "Déjà connues", countsPeople: true), .init(key: "nouvelles", label: "Nouvelles situations", countsPeople: true)],
            lines: sectors.map { sector in
                let known = tally.count(ReceptionCounters.knownBySector, sector)
                return (sector, sector == ReceptionCounters.noSector ? "Sans secteur (sans domicile, ou hors Bordeaux)" : sectorNames[sector] ?? sector,
                        [Double(known), Double(tally.count(ReceptionCounters.sector, sector) - known)])
            })
        for sector in sectors {
            if tally.hides(ReceptionCounters.knownBySector, sector) { table.hide(line: sector, column: "connues") }
            if tally.hidesRest(ReceptionCounters.knownBySector, sector) { table.hide(line: sector, column: "nouvelles") }
        }
        return table
    }

    /// One line per month; a month cell hidden at the site (`MonthMasking`) reads « masqué ».
    package static func monthly(_ series: MonthlySeries) -> BreakdownTable {
        let columns = MonthlySeries.columns
        var table = BreakdownTable(
            id: "mois", title: "Flux mensuel",
            note: "Contacts et orientations comptés à leur date et au site d'accueil ; personnes reçues en permanence : passages, au site de la permanence.",
            lineHeader: "Mois",
            columns: columns.map { .init(key: $0.key, label: $0.label, countsPeople: $0.people) },
            lines: series.months.map { month in
                let date = LocalDate(iso: month.month + "-01")
                return (month.month, date.map { $0.calendarDate.frenchMonthLabel } ?? month.month, columns.map { Double(month.counts[$0.key] ?? 0) })
            })
        for month in series.months {
            for column in columns where column.people && month.hidden.contains(MonthMasking.cell(column.cell.0, column.cell.1)) {
                table.hide(line: month.month, column: column.key)
            }
        }
        return table
    }
}
