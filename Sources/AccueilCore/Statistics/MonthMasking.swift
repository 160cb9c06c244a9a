import Orientation

/// Masking that survives differencing. Every figure the page, the CSV or the API gives is a sum of
/// month cells: one site (or all sites together), one calendar month, one dimension and key. Periods
/// are whole months, so any difference an attacker can form between two answers (overlapping
/// periods, a period against its comparison, one site against all) is a sum of such cells. A cell
/// is hidden when it counts one to four people (primary suppression), or when a relation the
/// figures publish would give a hidden cell back (secondary suppression):
/// - the keys of a partition sum to a total (age brackets to the intakes, channels to the contacts,
///   destinations of the MDS to the MDS orientations…): the hidden parts of a month must be at least
///   two and add up to five or more; and when the total itself is hidden, so is one of its parts, or
///   the parts would add back up to it;
/// - a subset and its rest make up a whole (intakes already known among all intakes…): the rest is
///   a cell of its own, never shown, that may be small and so hide the subset;
/// - two cells that count the same people (the orientations outside Bordeaux, as a service and as a
///   destination) are hidden together;
/// - the sites add up to all sites: the hidden sites of a cell must be at least two and add up to
///   five or more, or the all-sites cell is hidden too.
/// A figure is shown only if none of its month cells is hidden. The desk's volumes (contacts,
/// intakes, orientations) say nothing about anyone's situation and are never hidden.
/// docs/api.md describes the method.
package enum MonthMasking {
    /// A cell's name: dimension and key.
    package static func cell(_ dimension: String, _ key: String = "total") -> String { dimension + "\u{1F}" + key }

    package static let volumes: Set<String> = ["contacts", "accueils", "information_seule", "orientations", "delai"]

    /// Whether a cell counts the desk's volumes (never hidden by this rule).
    package static func isVolume(_ cell: String) -> Bool { volumes.contains(dimension(of: cell)) }

    /// Dimensions whose keys split a total.
    static let partitions: [(dimension: String, total: String)] = [
        ("canal", cell("contacts")), ("niveau", cell("accueils")), ("age", cell("accueils")), ("foyer", cell("accueils")),
        ("service", cell("orientations")), ("destination", cell("orientations")), ("statut", cell("orientations")),
        (StatisticsCounters.derogationByService, cell("derogation")),
        (StatisticsCounters.outsideDimension, cell("service", StatisticsCounters.outsideBordeaux)),
        (StatisticsCounters.communeDimension, cell("service", StatisticsCounters.outsideBordeaux)),
        (Outreach.placeDimension, cell("canal", Outreach.channelKey)), (Outreach.teamDimension, cell("canal", Outreach.channelKey)),
        // Not every intake with the motive has a stage: the rest is hidden with them (conservative).
        (ExpulsionStage.dimension, cell("motif", ExpulsionStage.motive)),
        (ReceptionCounters.Kind.mdsAtCite.ages, cell(ReceptionCounters.Kind.mdsAtCite.total)),
        (ReceptionCounters.Kind.ccasInMDS.ages, cell(ReceptionCounters.Kind.ccasInMDS.total)),
        (ReceptionCounters.sector, cell(ReceptionCounters.Kind.mdsAtCite.total)),
    ]

    /// Cells counting part of another cell: (part, whole).
    static let subsets: [(part: String, whole: String)] = [
        (cell("double_sollicitation"), cell("accueils")), (cell("grossesse"), cell("accueils")),
        (cell("derogation"), cell("orientations")), (cell("cite_mds", "connue"), cell("cite_mds")),
        (cell("ccas_sans_mineur"), cell("service", Service.ccas.rawValue)),
    ]

    /// Dimensions whose every key is part of the same key of another: (part, whole).
    static let subsetDimensions: [(part: String, whole: String)] = [(ReceptionCounters.knownBySector, ReceptionCounters.sector)]

    /// Cells that count the same people.
    static let equal: [(String, String)] = [
        (cell("service", StatisticsCounters.outsideBordeaux), cell("destination", StatisticsCounters.outsideBordeaux)),
    ]

    /// The rest of a subset: a cell of its own (whole minus part), hidden when small, never shown.
    package static func rest(_ part: String) -> String { part + "\u{1F}reste" }

    /// The hidden cells of one month, by site (`StatisticsCounters.allSites` included), from the
    /// month's counters by site and cell. `destinationServices`: destination key → the service it
    /// belongs to (a site's destinations add up to its service's orientations).
    package static func hidden(_ counts: [String: [String: Int]], destinationServices: [String: String] = [:]) -> [String: Set<String>] {
        var counts = counts
        for (site, cells) in counts {
            var pairs = subsets
            for (part, whole) in subsetDimensions {
                for key in Set(cells.keys.filter { dimension(of: $0) == whole }).map({ String($0.dropFirst(whole.count + 1)) }) {
                    pairs.append((cell(part, key), cell(whole, key)))
                }
            }
            for (part, whole) in pairs where cells[part] != nil || cells[whole] != nil {
                counts[site]?[rest(part)] = (cells[whole] ?? 0) - (cells[part] ?? 0)
            }
        }
        var hidden: [String: Set<String>] = [:]
        for (site, cells) in counts {
            hidden[site] = Set(cells.filter { Masking.hides($0.value) && !volumes.contains(dimension(of: $0.key)) }.keys)
        }
        let groups = Dictionary(grouping: Set(counts.values.flatMap(\.keys))) { dimension(of: $0) }
        var relations: [(parts: Set<String>, total: String?)] = partitions.compactMap { partition in
            groups[partition.dimension].map { (Set($0), partition.total) }
        }
        let destinations = Dictionary(grouping: groups["destination"] ?? []) { destinationServices[String($0.dropFirst("destination".count + 1))] }
        for (service, cells) in destinations { if let service { relations.append((Set(cells), cell("service", service))) } }
        for rested in Set(counts.values.flatMap { $0.keys.filter { $0.hasSuffix("\u{1F}reste") } }) {
            relations.append((Set([String(rested.dropLast("\u{1F}reste".count)), rested]), nil))
        }
        let sites = counts.keys.filter { $0 != StatisticsCounters.allSites }
        var changed = true
        while changed {
            changed = false
            for (site, cells) in counts {
                func isHidden(_ cell: String) -> Bool { hidden[site]?.contains(cell) ?? false }
                for relation in relations {
                    // The parts of a total: never one alone, never fewer than five together.
                    while let next = secondary(among: relation.parts.map { (id: $0, count: cells[$0] ?? 0, hidden: isHidden($0)) }) {
                        hidden[site, default: []].insert(next)
                        changed = true
                    }
                    // A hidden total keeps at least one of its non-zero parts hidden.
                    if let total = relation.total, isHidden(total), !relation.parts.contains(where: { isHidden($0) && (cells[$0] ?? 0) > 0 }),
                       let next = relation.parts.filter({ (cells[$0] ?? 0) > 0 }).min(by: { (cells[$0] ?? 0, $0) < (cells[$1] ?? 0, $1) }) {
                        hidden[site, default: []].insert(next)
                        changed = true
                    }
                }
                for (one, other) in equal where isHidden(one) != isHidden(other) {
                    hidden[site, default: []].formUnion([one, other])
                    changed = true
                }
            }
            // Across sites: the sites of a cell shown for all sites.
            let all = StatisticsCounters.allSites
            for cell in Set(sites.flatMap { counts[$0]?.keys ?? [:].keys }) where !(hidden[all]?.contains(cell) ?? false) {
                let parts = sites.map { (id: $0, count: counts[$0]?[cell] ?? 0, hidden: hidden[$0]?.contains(cell) ?? false) }
                guard needsMore(parts) else { continue }
                if let next = secondary(among: parts) {
                    hidden[next, default: []].insert(cell)
                } else {
                    hidden[all, default: []].insert(cell)
                }
                changed = true
            }
        }
        return hidden
    }

    /// Whether the hidden parts could be told apart from the total: a hidden part alone, or hidden
    /// parts adding up to fewer than five while a shown part could still join them. (When every
    /// other part is zero, what the hidden ones add up to is the total itself.)
    private static func needsMore(_ parts: [(id: String, count: Int, hidden: Bool)]) -> Bool {
        let hiddenParts = parts.filter(\.hidden)
        let hiddenSum = hiddenParts.reduce(0) { $0 + $1.count }
        guard hiddenSum > 0 else { return false }
        return hiddenParts.count == 1 || (hiddenSum < Masking.threshold && parts.contains { !$0.hidden && $0.count > 0 })
    }

    /// The part to hide next, when the hidden ones need company: the smallest non-zero one shown, or
    /// else a zero (hidden, it no longer tells that the whole total is in the hidden part).
    private static func secondary(among parts: [(id: String, count: Int, hidden: Bool)]) -> String? {
        guard needsMore(parts) else { return nil }
        let shown = parts.filter { !$0.hidden }
        return (shown.filter { $0.count > 0 }.min { ($0.count, $0.id) < ($1.count, $1.id) } ?? shown.min { $0.id < $1.id })?.id
    }

    private static func dimension(of cell: String) -> String {
        String(cell.prefix { $0 != "\u{1F}" })
    }
}
