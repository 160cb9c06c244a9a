import Orientation

/// The filter of the figures page and API: period, reception site, comparison. Parsed strictly:
/// a malformed date is an error shown to the user, never silently replaced.
struct StatisticsFilter: Sendable {
    var from: String
    var to: String
    var siteID: String
    var compare: Bool
    var errors: [(field: String, message: String)] = []

    /// By default: from the 1st of January of this year to today, all sites, compared.
    static func defaults(today: String) -> StatisticsFilter {
        StatisticsFilter(from: String(today.prefix(4)) + "-01-01", to: today, siteID: "", compare: true)
    }

    /// `names` maps the page's parameter names (du/au/site) or the API's (from/to/site).
    init(query: (String) -> String?, names: (from: String, to: String, site: String, compare: String?), today: String, knownSites: Set<String>) {
        let defaults = Self.defaults(today: today)
        from = query(names.from) ?? defaults.from
        to = query(names.to) ?? defaults.to
        siteID = query(names.site) ?? ""
        // An unchecked box sends nothing, so "absent" means "no" once the form was sent; a first visit
        // (no parameter at all) compares by default. The API always compares.
        compare = names.compare.map { query($0) == "1" } ?? true
        if query(names.from) == nil && query(names.to) == nil, let name = names.compare, query(name) == nil { compare = true }
        let start = LocalDate(iso: from), end = LocalDate(iso: to)
        if start == nil { errors.append((names.from, "La date de début est invalide (format AAAA-MM-JJ).")) }
        if end == nil { errors.append((names.to, "La date de fin est invalide (format AAAA-MM-JJ).")) }
        if let start, let end, end < start { errors.append((names.to, "La date de fin doit suivre la date de début.")) }
        if !siteID.isEmpty, !knownSites.contains(siteID) { errors.append((names.site, "Ce site n'existe pas.")) }
    }

    private init(from: String, to: String, siteID: String, compare: Bool) {
        self.from = from
        self.to = to
        self.siteID = siteID
        self.compare = compare
    }

    var period: StatisticsPeriod? {
        errors.isEmpty ? StatisticsPeriod(from: from, to: to, siteID: siteID.isEmpty ? nil : siteID) : nil
    }

    /// The query string that reproduces this filter (links to the CSV files).
    var queryString: String {
        "du=\(from)&au=\(to)&site=\(siteID)" + (compare ? "&comparer=1" : "")
    }
}
