import Orientation

/// The filter of the figures page and API: period, reception site, comparison. Parsed strictly:
/// a malformed date is an error shown to the user, never silently replaced.
struct StatisticsFilter: Sendable {
    var from: String
    var to: String
    var siteID: String
    var comparison: StatisticsComparison
    var errors: [(field: String, message: String)] = []
    /// The period compared with, once the filter is valid (nil: no comparison).
    private(set) var comparisonPeriod: StatisticsPeriod?
    private let words: StatisticsComparison.Vocabulary

    /// `names` are the page's parameter names (du/au/site) or the API's (from/to/site); `words` those
    /// of the comparison. By default: from the 1st of January of this year to today, all sites,
    /// compared with the period just before.
    init(query: (String) -> String?, names: (from: String, to: String, site: String), words: StatisticsComparison.Vocabulary,
         today: String, knownSites: Set<String>) {
        self.words = words
        from = query(names.from) ?? String(today.prefix(4)) + "-01-01"
        to = query(names.to) ?? today
        siteID = query(names.site) ?? ""
        let start = LocalDate(iso: from), end = LocalDate(iso: to)
        if start == nil { errors.append((names.from, "La date de début est invalide (format AAAA-MM-JJ).")) }
        if end == nil { errors.append((names.to, "La date de fin est invalide (format AAAA-MM-JJ).")) }
        if let start, let end, end < start { errors.append((names.to, "La date de fin doit suivre la date de début.")) }
        if !siteID.isEmpty, !knownSites.contains(siteID) { errors.append((names.site, "Ce site n'existe pas.")) }
        if let parsed = StatisticsComparison(query: query, words, default: .previous) {
            comparison = parsed
        } else {
            comparison = .previous
            errors.append((words.mode, "Choisissez avec quoi comparer la période."))
        }
        if errors.isEmpty, let period = StatisticsPeriod(from: from, to: to, siteID: siteID.isEmpty ? nil : siteID) {
            switch comparison.period(for: period, words) {
            case .success(let compared): comparisonPeriod = compared
            case .failure(let problem): errors.append((problem.field, problem.message))
            }
        }
    }

    /// Nil while any field is wrong (comparison included).
    var period: StatisticsPeriod? {
        errors.isEmpty ? StatisticsPeriod(from: from, to: to, siteID: siteID.isEmpty ? nil : siteID) : nil
    }

    /// The query string that reproduces this filter (links to the CSV files).
    var queryString: String {
        var query = "du=\(from)&au=\(to)&site=\(siteID)&\(words.mode)=\(comparison.value(words))"
        if case .custom(let from, let to) = comparison { query += "&\(words.from)=\(from)&\(words.to)=\(to)" }
        return query
    }
}
