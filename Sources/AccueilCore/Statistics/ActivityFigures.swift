import Orientation

/// The managers' figures for a period (and the previous one when compared), as tables ready to
/// render, export or serialise. Built from tallies only: no row ever carries a name.
package struct ActivityFigures: Sendable {
    package let period: StatisticsPeriod
    package let previousPeriod: StatisticsPeriod?
    package let tables: [FigureTable]

    /// Tables of several figures per line: the permanences by site and by sending service.
    package let breakdowns: [BreakdownTable]

    /// The monthly flow of the period (for the bilan's chart).
    package let monthly: MonthlySeries

    package struct Inputs {
        package var tally: Tally
        package var overdue: Int
        package var permanences = PermanenceFigures()
        /// The monthly flow (the period's only: comparisons compare totals).
        package var months = MonthlySeries(months: [])

        package init(tally: Tally, overdue: Int, permanences: PermanenceFigures = PermanenceFigures(), months: MonthlySeries = MonthlySeries(months: [])) {
            self.tally = tally
            self.overdue = overdue
            self.permanences = permanences
            self.months = months
        }
    }

    package static let tableIDs = ["synthese", "destinations", "suggestions", "motifs", "canaux", "niveaux", "ages", "foyers", "suivi", "permanences", "regle", "hors_bordeaux",
                                   "information", "hors_les_murs", "expulsions"]
        + PermanencePeopleTables.tableIDs + PermanenceTables.breakdownIDs + PermanencePeopleTables.breakdownIDs

    package init(period: StatisticsPeriod, current: Inputs, previousPeriod: StatisticsPeriod?, previous: Inputs?,
         sites: [DirectorySite], motives: MotiveCatalog, circonscriptions: [String: String] = [:], communeNames: [String: String] = [:],
         themeCategories: [DirectoryVocabulary.Term] = [], sectorNames: [String: String] = [:]) {
        self.period = period
        self.previousPeriod = previousPeriod
        monthly = current.months
        let now = current.tally, before = previous?.tally
        func row(_ key: String, _ label: String, _ get: (Tally) -> Int, share base: ((Tally) -> Int)? = nil) -> FigureTable.Row {
            let value = get(now), old = before.map(get)
            func ratio(_ count: Int, _ tally: Tally) -> Double? {
                guard let base else { return nil }
                let denominator = base(tally)
                return denominator == 0 ? nil : Double(count) / Double(denominator)
            }
            return FigureTable.Row(key: key, label: label, value: Double(value), previousValue: old.map(Double.init), basis: value,
                                   previousBasis: old, share: ratio(value, now), previousShare: old.flatMap { o in before.flatMap { ratio(o, $0) } })
        }
        /// The figure of one cell, hidden when one of its month cells is (`MonthMasking`).
        func cell(_ key: String, _ label: String, _ dimension: String, _ cellKey: String = "total", share base: ((Tally) -> Int)? = nil) -> FigureTable.Row {
            var figure = row(key, label, { $0.count(dimension, cellKey) }, share: base)
            figure.forceMasked = now.hides(dimension, cellKey)
            figure.forcePreviousMasked = before?.hides(dimension, cellKey) ?? false
            return figure
        }
        let named: (Tally) -> Int = { $0.count("accueils") }
        let oriented: (Tally) -> Int = { $0.count("orientations") }

        var summary = [
            cell("contacts", "Contacts (tous canaux)", "contacts"),
            cell("accueils", "Accueils nominatifs", "accueils"),
            cell("information_seule", "Contacts d'information anonymes", "information_seule"),
            cell("double_sollicitation", "Doubles sollicitations détectées (personne déjà connue)", "double_sollicitation"),
            cell("orientations", "Orientations", "orientations"),
            cell("derogations", "Dérogations à la règle", "derogation"),
        ]
        summary += PermanenceTables.summaryRows(current.permanences, previous?.permanences)
        let outside: (Tally) -> Int = { $0.count("service", StatisticsCounters.outsideBordeaux) }
        summary.append(cell("hors_bordeaux", "Orientations hors Bordeaux (vers les services d'une autre commune)", "service", StatisticsCounters.outsideBordeaux))
        summary.append(cell("sans_enfant_mineur_ccas", "Orientations vers le CCAS de personnes sans enfant mineur", "ccas_sans_mineur"))
        let delays = Self.median(now), oldDelays = before.map(Self.median)
        summary.append(FigureTable.Row(key: "delai_median_jours", label: "Délai médian de l'orientation au rendez-vous (jours)",
                                       value: delays.median, previousValue: oldDelays?.median, basis: delays.count,
                                       previousBasis: oldDelays?.count, share: nil, previousShare: nil))

        var siteName = sites.namesByID
        siteName[StatisticsCounters.outsideBordeaux] = "Hors Bordeaux : services d'une autre commune"
        let destinationKeys = sites.filter(\.kind.isDestination).map(\.id)
        let extraDestinations = Set(now.keys("destination").keys).union(before?.keys("destination").keys ?? [:].keys)
            .subtracting(destinationKeys).sorted()
        var destinations = (destinationKeys + extraDestinations).map { key in
            cell(key, siteName[key] ?? key, "destination", key, share: oriented)
        }
        Masking.protectPartition(&destinations, first: destinations.count)
        let statuses: [(OrientationRecord.Status, String)] = [(.honoured, "Honorées"), (.notHonoured, "Non honorées"), (.excused, "Excusées"),
                                                              (.reoriented, "Réorientées"), (.open, "En attente")]
        var loop = statuses.map { status, label in cell(status.rawValue, label, "statut", status.rawValue, share: oriented) }
        Masking.protectPartition(&loop, first: statuses.count)
        let overdueNow = current.overdue, overdueBefore = previous?.overdue
        loop.append(FigureTable.Row(key: "en_retard", label: "dont en retard (plus de \(OrientationRecord.overdueAfterDays) jours)",
                                    value: Double(overdueNow), previousValue: overdueBefore.map(Double.init), basis: overdueNow,
                                    previousBasis: overdueBefore, share: Self.ratio(overdueNow, oriented(now)),
                                    previousShare: overdueBefore.flatMap { o in before.flatMap { Self.ratio(o, oriented($0)) } }))

        var channels = (IntakeChannel.allCases.map { ($0.rawValue, $0.label) } + [(Outreach.channelKey, Outreach.channelLabel)]).map { key, label in
            cell(key, label, "canal", key, share: { $0.count("contacts") }) }
        Masking.protectPartition(&channels, first: channels.count)
        var levels = [("1", "Niveau 1"), ("2", "Niveau 2")].map { key, label in cell(key, label, "niveau", key, share: named) }
        Masking.protectPartition(&levels, first: levels.count)
        var ages = IntakeFacts.ageBrackets.map { b in cell(b.key, b.label, "age", b.key, share: named) }
        Masking.protectPartition(&ages, first: ages.count)
        var households = IntakeFacts.householdTypes.map { t in cell(t.key, t.label, "foyer", t.key, share: named) }
        Masking.protectPartition(&households, first: households.count)
        households.append(cell("grossesse", "Grossesse en cours (tous foyers)", "grossesse", share: named))

        tables = [
            FigureTable(id: "synthese", title: "Synthèse", note: "Orientations comptées à leur date et au site où la personne a été reçue ; "
                        + "une personne orientée deux fois compte deux fois. Délai médian calculé sur les orientations avec un rendez-vous ou une permanence réservés. "
                        + "Familles et personnes reçues en permanence : personnes distinctes venues à une permanence de la période (suite « honorée »), "
                        + "au site qui accueille la permanence ; « déjà connues » : suivies par une MDS selon l'accueil, ou retrouvées dans le fichier (à leur première venue de la période).",
                        rows: summary, chart: false, hasShare: false),
            FigureTable(id: "destinations", title: "Orientations par destination", note: "Part : sur l'ensemble des orientations.",
                        rows: destinations, chart: true, hasShare: true),
            FigureTable(id: "suggestions", title: "Orientations complémentaires suggérées", note: "Une orientation peut porter plusieurs suggestions ; part sur l'ensemble des orientations.",
                        rows: Suggestion.allCases.map { s in cell(s.rawValue, s.label, "suggestion", s.rawValue, share: oriented) },
                        chart: true, hasShare: true),
            FigureTable(id: "motifs", title: "Motifs de la demande", note: "Un accueil peut avoir plusieurs motifs ; part sur les accueils nominatifs.",
                        rows: motives.motives.map { m in cell(m.code, m.label, "motif", m.code, share: named) }, chart: true, hasShare: true),
            FigureTable(id: "canaux", title: "Canaux de contact", note: "Tous les contacts, y compris l'information anonyme.",
                        rows: channels, chart: true, hasShare: true),
            FigureTable(id: "niveaux", title: "Niveau de l'accueil", note: "Niveau 1 : accueil et orientation ; niveau 2 : évaluation par un travailleur social. Part sur les accueils nominatifs.",
                        rows: levels, chart: true, hasShare: true),
            FigureTable(id: "ages", title: "Âge des personnes reçues", note: "Part sur les accueils nominatifs (âge non renseigné compris).",
                        rows: ages, chart: true, hasShare: true),
            FigureTable(id: "foyers", title: "Composition du foyer", note: "Enfant mineur : à charge et de moins de 18 ans le jour de l'accueil. La grossesse est comptée à part, tous foyers confondus. Part sur les accueils nominatifs.",
                        rows: households, chart: true, hasShare: true),
            FigureTable(id: "suivi", title: "Suivi des orientations (boucle fermée)", note: "État actuel des orientations décidées pendant la période ; part sur l'ensemble de ces orientations.",
                        rows: loop, chart: true, hasShare: true),
            PermanenceTables.usage(current.permanences, previous?.permanences),
            FigureTable(id: "regle", title: "Départs de la règle de répartition",
                        note: "Dérogations au cas par cas (accord du PTS et du CCAS) par service retenu, et orientations décidées par un aménagement de la règle, par référence ; part sur l'ensemble des orientations.",
                        rows: Service.allCases.map { s in cell("derogation_" + s.rawValue, "Dérogations vers \(s.label)", StatisticsCounters.derogationByService, s.rawValue, share: oriented) }
                            + Set(now.keys(StatisticsCounters.adjustmentDimension).keys).union(before?.keys(StatisticsCounters.adjustmentDimension).keys ?? [:].keys).sorted().map { reference in
                                cell("amenagement_" + reference, "Aménagement \(reference)", StatisticsCounters.adjustmentDimension, reference, share: oriented)
                            },
                        chart: false, hasShare: true),
            FigureTable(id: "hors_bordeaux", title: "Orientations hors Bordeaux",
                        note: "Personnes résidant dans une autre commune, orientées vers le CCAS de leur commune ou la MDS dont elle dépend (convention, article 3) ; "
                            + "comptées à part des orientations vers les services de Bordeaux. Part sur les orientations hors Bordeaux.",
                        rows: Self.outsideRows(now, before, communeNames: communeNames, cell: cell, outside: outside), chart: false, hasShare: true),
            FigureTable(id: "information", title: "Contacts d'information : thèmes des services indiqués",
                        note: "Contacts d'information anonymes à qui une feuille « Où vous adresser » a été remise, par thème (schéma data·inclusion) "
                            + "des services indiqués ; une feuille peut porter plusieurs thèmes. Part sur l'ensemble des contacts d'information.",
                        rows: themeCategories.map { c in
                            cell(c.value, c.label, StatisticsCounters.informationThemeDimension, c.value, share: { $0.count("information_seule") })
                        }, chart: true, hasShare: true),
            FigureTable(id: "hors_les_murs", title: "Accueils hors les murs (aller-vers)",
                        note: "Contacts faits hors des sites d'accueil (permanence hors les murs, domicile, locaux d'un partenaire, rue), par lieu puis par équipe ; "
                            + "part sur l'ensemble des contacts hors les murs.",
                        rows: Self.outreachRows(cell: cell), chart: false, hasShare: true),
            FigureTable(id: "expulsions", title: "Prévention des expulsions : étapes de la procédure",
                        note: "Accueils au motif « Prévention des expulsions », par étape de la procédure indiquée par l'agent ; part sur les accueils à ce motif "
                            + "(une étape non précisée n'est pas comptée ici).",
                        rows: ExpulsionStage.allCases.map { s in
                            cell(s.rawValue, s.label, ExpulsionStage.dimension, s.rawValue, share: { $0.count("motif", ExpulsionStage.motive) })
                        }, chart: true, hasShare: true),
        ] + PermanencePeopleTables.tables(cell: cell, motives: motives)
        breakdowns = [PermanenceTables.bySite(current.permanences, names: sites.namesByID),
                      PermanenceTables.byService(current.permanences, circonscriptions: circonscriptions),
                      PermanencePeopleTables.residence(now, sectorNames: sectorNames),
                      PermanencePeopleTables.monthly(current.months)]
    }

    /// By place kind, then by team; each partition of the contacts outside the sites masked on its own.
    private static func outreachRows(cell: (String, String, String, String, ((Tally) -> Int)?) -> FigureTable.Row) -> [FigureTable.Row] {
        let all: (Tally) -> Int = { $0.count("canal", Outreach.channelKey) }
        var places = Outreach.Place.allCases.map { cell("lieu_" + $0.rawValue, $0.label, Outreach.placeDimension, $0.rawValue, all) }
        Masking.protectPartition(&places, first: places.count)
        var teams = Outreach.Team.allCases.map { cell("equipe_" + $0.rawValue, $0.label, Outreach.teamDimension, $0.rawValue, all) }
        Masking.protectPartition(&teams, first: teams.count)
        return places + teams
    }

    /// By the commune's service chosen, then by commune; each partition masked on its own.
    private static func outsideRows(_ now: Tally, _ before: Tally?, communeNames: [String: String],
                                    cell: (String, String, String, String, ((Tally) -> Int)?) -> FigureTable.Row,
                                    outside: @escaping (Tally) -> Int) -> [FigureTable.Row] {
        var services = Service.allCases.map { service in
            cell("service_" + service.rawValue, service == .ccas ? "Vers le CCAS de la commune" : "Vers la MDS dont dépend la commune",
                 StatisticsCounters.outsideDimension, service.rawValue, outside)
        }
        Masking.protectPartition(&services, first: services.count)
        let codes = Set(now.keys(StatisticsCounters.communeDimension).keys).union(before?.keys(StatisticsCounters.communeDimension).keys ?? [:].keys)
        var communes = codes.sorted { (communeNames[$0] ?? $0) < (communeNames[$1] ?? $1) }.map { code in
            cell("commune_" + code, "\(communeNames[code] ?? "Commune") (\(code))", StatisticsCounters.communeDimension, code, outside)
        }
        Masking.protectPartition(&communes, first: communes.count)
        return services + communes
    }

    package func breakdown(_ id: String) -> BreakdownTable? { breakdowns.first { $0.id == id } }

    package func table(_ id: String) -> FigureTable? { tables.first { $0.id == id } }

    package static func ratio(_ count: Int, _ base: Int) -> Double? { base == 0 ? nil : Double(count) / Double(base) }

    /// The exact median of the day histogram ("delai" → days → count); the mean of the two middle values for an even count.
    package static func median(_ tally: Tally) -> (median: Double, count: Int) {
        let histogram = tally.keys("delai").compactMap { key, count in Int(key).map { ($0, count) } }.sorted { $0.0 < $1.0 }
        let total = histogram.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return (0, 0) }
        func value(at rank: Int) -> Int {  // rank is 0-based
            var seen = 0
            for (days, count) in histogram {
                seen += count
                if rank < seen { return days }
            }
            return histogram.last?.0 ?? 0
        }
        let median = total % 2 == 1 ? Double(value(at: total / 2)) : Double(value(at: total / 2 - 1) + value(at: total / 2)) / 2
        return (median, total)
    }
}
