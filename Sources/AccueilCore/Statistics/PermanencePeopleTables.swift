import Orientation
import Planning

/// The bilan's tables about the people received in the two permanence systems (ages and motives by
/// permanence kind, known and new families by residence) and the monthly flow.
package enum PermanencePeopleTables {
    package static let tableIDs = PermanencePeople.Kind.allCases.flatMap { ["ages_" + $0.rawValue, "motifs_" + $0.rawValue] }
    package static let breakdownIDs = ["residence_mds_cite", "mois"]

    /// Ages then motives of each kind; shares of the kind's people. Ages split the people of the kind:
    /// one masked bracket takes the smallest other with it.
    package static func tables(_ now: PermanencePeople, _ before: PermanencePeople?, motives: MotiveCatalog) -> [FigureTable] {
        PermanencePeople.Kind.allCases.flatMap { kind -> [FigureTable] in
            let group = now.groups[kind] ?? .init(), old = before.map { $0.groups[kind] ?? .init() }
            func row(_ key: String, _ label: String, _ get: (PermanencePeople.Group) -> Int) -> FigureTable.Row {
                let value = get(group), previous = old.map(get)
                return FigureTable.Row(key: key, label: label, value: Double(value), previousValue: previous.map(Double.init), basis: value, previousBasis: previous,
                                       share: ActivityFigures.ratio(value, group.people),
                                       previousShare: old.flatMap { o in previous.flatMap { ActivityFigures.ratio($0, o.people) } })
            }
            var ages = IntakeFacts.ageBrackets.map { bracket in row(bracket.key, bracket.label) { $0.ages[bracket.key] ?? 0 } }
            Masking.protectPartition(&ages, first: ages.count)
            return [
                FigureTable(id: "ages_" + kind.rawValue, title: "Âge des personnes reçues — \(kind.label)",
                            note: "Personnes distinctes reçues pendant la période, à leur première venue ; part sur ces personnes.",
                            rows: ages, chart: true, hasShare: true),
                FigureTable(id: "motifs_" + kind.rawValue, title: "Motifs des personnes reçues — \(kind.label)",
                            note: "Motifs de l'accueil qui a conduit à la permanence ; une personne peut en avoir plusieurs ; part sur les personnes reçues.",
                            rows: motives.motives.map { motive in row(motive.code, motive.label) { $0.motives[motive.code] ?? 0 } }, chart: true, hasShare: true),
            ]
        }
    }

    /// Families received by MDS social workers at the Cité, known or new, by residence sector.
    package static func residence(_ people: PermanencePeople, sectorNames: [String: String]) -> BreakdownTable {
        let residence = people.groups[.mdsAtCite]?.residence ?? [:]
        let lines = residence.keys.sorted { (sectorNames[$0] ?? "~") < (sectorNames[$1] ?? "~") }.map { sector -> (key: String, label: String, values: [Double?]) in
            let counts = residence[sector] ?? (0, 0)
            return (sector.isEmpty ? "sans_secteur" : sector, sector.isEmpty ? "Sans secteur (sans domicile, ou hors Bordeaux)" : sectorNames[sector] ?? sector,
                    [Double(counts.known), Double(counts.people - counts.known)])
        }
        return BreakdownTable(id: "residence_mds_cite", title: "Familles reçues par la MDS à la Cité : déjà connues ou nouvelles, par secteur de résidence",
                              note: "Personnes distinctes reçues pendant la période ; « déjà connues » : suivies par une MDS selon l'accueil, ou retrouvées dans le fichier.",
                              lineHeader: "Secteur de résidence",
                              columns: [.init(key: "connues", label: "Déjà connues", countsPeople: true), .init(key: "nouvelles", label: "Nouvelles situations", countsPeople: true)],
                              lines: lines)
    }

    /// One line per month; a month cell hidden at the site (`MonthMasking`) reads « masqué ».
    package static func monthly(_ series: MonthlySeries) -> BreakdownTable {
        let columns = MonthlySeries.columns
        var table = BreakdownTable(
            id: "mois", title: "Flux mensuel", note: "Contacts et orientations comptés à leur date et au site d'accueil ; personnes reçues en permanence : passages, au site de la permanence.",
            lineHeader: "Mois",
            columns: columns.map { .init(key: $0.key, label: $0.label, countsPeople: $0.people) },
            lines: series.months.map { month in
                let date = LocalDate(iso: month.month + "-01")
                return (month.month, date.map { $0.calendarDate.frenchMonthLabel } ?? month.month, columns.map { Double(month.counts[$0.key] ?? 0) })
            })
        for month in series.months {
            for column in columns where column.people {
                if let cell = column.cell, month.hidden.contains(MonthMasking.cell(cell.0, cell.1)) { table.hide(line: month.month, column: column.key) }
            }
        }
        return table
    }
}
