import AccueilCore
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
    private let today: LocalDate

    /// Whether the period reaches the month not over yet, whose details are hidden.
    var reachesRunningMonth: Bool {
        guard let period else { return false }
        return period.to >= today.adding(days: 1 - today.day) ?? today
    }

    /// `names` are the page's parameter names (du/au/site) or the API's (from/to/site); `words` those
    /// of the comparison. By default: the months of the year completed so far (the running month's
    /// details are hidden until it is over, `MonthMaskCache`), all sites, compared with the months
    /// just before.
    init(query: (String) -> String?, names: (from: String, to: String, site: String), words: StatisticsComparison.Vocabulary,
         today: LocalDate, knownSites: Set<String>) {
        self.words = words
        let lastCompleted = today.adding(days: -today.day) ?? today
        from = query(names.from) ?? LocalDate(year: lastCompleted.year, month: 1, day: 1)!.description
        to = query(names.to) ?? lastCompleted.description
        self.today = today
        siteID = query(names.site) ?? ""
        let start = Self.date(from), end = Self.date(to)
        if start == nil { errors.append((names.from, "La date de début est invalide (format AAAA-MM-JJ, entre \(Self.years.lowerBound) et \(Self.years.upperBound)).")) }
        if end == nil { errors.append((names.to, "La date de fin est invalide (format AAAA-MM-JJ, entre \(Self.years.lowerBound) et \(Self.years.upperBound)).")) }
        if let start, let end, end < start { errors.append((names.to, "La date de fin doit suivre la date de début.")) }
        if !siteID.isEmpty, !knownSites.contains(siteID) { errors.append((names.site, "Ce site n'existe pas.")) }
        if let parsed = StatisticsComparison(query: query, words, default: .previous) {
            comparison = parsed
        } else {
            comparison = .previous
            errors.append((words.mode, "Choisissez avec quoi comparer la période."))
        }
        if words.boundsOnlyWhenCustom, case .custom = comparison {} else if words.boundsOnlyWhenCustom,
           [query(words.from), query(words.to)].contains(where: { !($0 ?? "").isEmpty }) {
            errors.append((words.from, "\(words.from) et \(words.to) ne s'emploient qu'avec \(words.mode)=\(words.custom)."))
        }
        if errors.isEmpty, let period = StatisticsPeriod(from: from, to: to, siteID: siteID.isEmpty ? nil : siteID)?.wholeMonths {
            switch comparison.period(for: period, words) {
            case .success(let compared): comparisonPeriod = compared?.wholeMonths
            case .failure(let problem): errors.append((problem.field, problem.message))
            }
        }
    }

    /// The years a period may cover: the desk's, with room for the comparison period before them
    /// (and far from the ends of the calendar, where day arithmetic has nowhere to go).
    static let years = 2000...2100

    /// A day of `years` written "AAAA-MM-JJ", or nil.
    static func date(_ text: String) -> LocalDate? {
        LocalDate(iso: text).flatMap { years.contains($0.year) ? $0 : nil }
    }

    /// Nil while any field is wrong (comparison included). The figures are computed on whole calendar
    /// months (`MonthMasking`): the period asked is widened to the months it touches.
    var period: StatisticsPeriod? { requested?.wholeMonths }

    /// The period as typed, to say when it was widened.
    var requested: StatisticsPeriod? {
        errors.isEmpty ? StatisticsPeriod(from: from, to: to, siteID: siteID.isEmpty ? nil : siteID) : nil
    }

    /// Whether the period asked did not fall on whole months.
    var widened: Bool { requested.map { !$0.isWholeMonths } ?? false }

    /// The query string that reproduces this filter: for the page's own links (CSV files), and in the
    /// API's words for the same figures in JSON.
    var queryString: String { query(("du", "au"), words) }
    var apiQueryString: String { query(("from", "to"), .api) }

    private func query(_ names: (from: String, to: String), _ words: StatisticsComparison.Vocabulary) -> String {
        var query = "\(names.from)=\(from)&\(names.to)=\(to)&site=\(siteID)&\(words.mode)=\(comparison.value(words))"
        if case .custom(let from, let to) = comparison { query += "&\(words.from)=\(from)&\(words.to)=\(to)" }
        return query
    }
}
