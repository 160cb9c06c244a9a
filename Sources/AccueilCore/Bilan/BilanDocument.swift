/// « Bilan de l'accueil commun » for a period, laid out like the experiment's bilan in Annexe 4 of
/// the convention: the context, the two permanence systems, the families and the people received,
/// ages, motives, the monthly flow, the work outside the sites, the eviction procedures, the
/// vigilance points, with the experiment's published figures as a reference column. One content,
/// three renderings: the printable page, the OpenDocument copy and (from the figures) the JSON.
package struct BilanDocument: Sendable {
    package struct Table: Sendable {
        package let id: String
        package let caption: String
        package let header: [String]
        package let rows: [[String]]
        /// Columns holding numbers (right-aligned).
        package let numeric: Set<Int>
    }

    package enum Block: Sendable {
        /// The managers' own words (an empty text is shown as still to write).
        case written(String)
        case paragraph(String)
        case note(String)
        case table(Table)
        /// The monthly flow as a chart (drawn by each rendering), followed by its table.
        case monthlyChart(MonthlySeries)
    }

    package struct Section: Sendable {
        package let id: String
        package let title: String
        package let blocks: [Block]
    }

    package let title: String
    package let subtitle: String
    package let sections: [Section]

    /// `siteName`: the site's name, or nil for all sites.
    package init(figures: ActivityFigures, texts: BilanTexts, siteName: String?) {
        let period = "du \(figures.period.from.frenchDescription) au \(figures.period.to.frenchDescription)"
        title = "Bilan de l'accueil commun"
        subtitle = period + (siteName.map { ", \($0)" } ?? ", tous les sites")
        let comparing = figures.previousPeriod != nil
        let reference = "Expérimentation \(BilanReference.period)"
        func table(_ id: String) -> Table? { figures.table(id).map { Self.table($0, comparing: comparing) } }
        func breakdown(_ id: String) -> Table? { figures.breakdown(id).map(Self.table) }
        func blocks(_ tables: [Table?]) -> [Block] { tables.compactMap { $0.map(Block.table) } }

        let keyRows = Self.keyFigures(figures).map { row in
            [row.label, row.value] + (comparing ? [row.previous] : []) + [BilanReference.figures[row.key] ?? "—"]
        }
        let keyTable = Table(id: "chiffres_cles", caption: "Les deux systèmes de permanences : chiffres clés, avec ceux de l'expérimentation",
                             header: ["Indicateur", "Période"] + (comparing ? ["Comparaison"] : []) + [reference],
                             rows: keyRows, numeric: Set(1...(comparing ? 3 : 2)))
        sections = [
            Section(id: "contexte", title: "Contexte", blocks: [.written(texts.context)]),
            Section(id: "permanences", title: "Les deux systèmes de permanences", blocks: [
                .paragraph("Les travailleurs sociaux des MDS tiennent des permanences à la Cité Municipale pour les familles avec enfant mineur ; "
                           + "ceux du service social du CCAS en tiennent dans les MDS pour les personnes sans enfant mineur."),
                .table(keyTable),
            ] + blocks([table("permanences")])),
            Section(id: "familles", title: "Les familles reçues par la MDS à la Cité Municipale",
                    blocks: blocks([breakdown("residence_mds_cite"), table("ages_mds_cite"), table("motifs_mds_cite")])),
            Section(id: "personnes", title: "Les personnes reçues par le CCAS dans les MDS",
                    blocks: blocks([table("ages_ccas_mds"), table("motifs_ccas_mds")])),
            Section(id: "accueils", title: "L'ensemble des accueils : âges et motifs",
                    blocks: blocks([table("ages"), table("motifs")]) + [.note("Dans l'expérimentation : \(BilanReference.motives).")]),
            Section(id: "flux", title: "Flux mensuel", blocks: [.monthlyChart(figures.monthly)] + blocks([breakdown("mois")])),
            Section(id: "hors_les_murs", title: "L'accueil hors les murs", blocks: blocks([table("hors_les_murs")])),
            Section(id: "expulsions", title: "La prévention des expulsions", blocks: blocks([table("expulsions")])),
            Section(id: "vigilance", title: "Points de vigilance", blocks: [
                .written(texts.vigilance), .note("Points de vigilance de l'expérimentation : \(BilanReference.vigilance)."),
            ]),
            Section(id: "methode", title: "Méthode", blocks: [
                .note("Chiffres agrégés, sans aucun nom, sur des mois entiers. « \(Masking.label) » : un groupe de moins de \(Masking.threshold) personnes, "
                      + "ou un chiffre qui permettrait d'en retrouver un."),
                .note("Colonne de référence : \(BilanReference.source) (\(BilanReference.period))."),
            ]),
        ]
    }

    /// The key figures and their reference, as text (masked ones as their mask).
    package static func keyFigures(_ figures: ActivityFigures) -> [(key: String, label: String, value: String, previous: String)] {
        var out: [(key: String, label: String, value: String, previous: String)] = []
        for key in ["familles_mds_cite", "familles_mds_cite_connues", "familles_mds_cite_nouvelles", "recus_ccas_mds_sans_enfant_mineur",
                    "part_permanences_ccas", "part_seances_ccas_mds"] {
            guard let row = figures.table("synthese")?.rows.first(where: { $0.key == key }) else { continue }
            let percent = key.hasPrefix("part_")
            func text(_ value: Double?, _ mask: String?) -> String {
                guard let value else { return "" }
                return mask ?? (percent ? NumberFormat.value(value) + "\u{00A0}%" : NumberFormat.value(value))
            }
            out.append((key, row.label, text(row.value, row.mask), text(row.previousValue, row.previousMask)))
        }
        for (key, table, label) in [("part_66_ccas_mds", "ages_ccas_mds", "Part des 66 ans et plus parmi les personnes reçues par le CCAS dans les MDS"),
                                    ("part_66_accueils", "ages", "Part des 66 ans et plus parmi l'ensemble des accueils")] {
            guard let row = figures.table(table)?.rows.first(where: { $0.key == "66+" }) else { continue }
            // No one received: no share to give (a dash, as in the reference column).
            func share(_ value: Double?, _ mask: String?) -> String { NumberFormat.shareCell(value, mask: mask).isEmpty ? "—" : NumberFormat.shareCell(value, mask: mask) }
            out.append((key, label, share(row.share, row.mask), share(row.previousShare, row.previousMask)))
        }
        return out
    }

    static func table(_ table: FigureTable, comparing: Bool) -> Table {
        let texts = table.texts(comparing: comparing)
        return Table(id: table.id, caption: "\(table.title) — \(table.note)", header: ["Indicateur"] + texts.header, rows: texts.rows,
                     numeric: Set(1...texts.header.count))
    }

    static func table(_ table: BreakdownTable) -> Table {
        Table(id: table.id, caption: "\(table.title) — \(table.note)", header: [table.lineHeader] + table.columns.map(\.label), rows: table.textRows,
              numeric: Set(1...table.columns.count))
    }
}
