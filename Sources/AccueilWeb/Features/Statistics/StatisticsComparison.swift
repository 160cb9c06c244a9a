import AccueilCore
import Orientation

/// What the figures of a period are compared with: nothing, the period just before (same length),
/// the same days a year earlier (the experiment compared with the year before), or any other period.
enum StatisticsComparison: Sendable, Equatable {
    case none
    case previous
    case yearEarlier
    case custom(from: String, to: String)

    /// The parameter names and values of one surface (the page's French ones, the API's English ones).
    struct Vocabulary {
        let mode: String, from: String, to: String
        let none: String, previous: String, yearEarlier: String, custom: String
        /// Older links of the page sent `comparer=1`; the API ignored `compare` before it had values.
        var legacyPrevious: Set<String> = []
        /// The API refuses comparison bounds with another comparison (a strict contract); the page's
        /// form sends them whatever the choice.
        var boundsOnlyWhenCustom = false

        static let page = Vocabulary(mode: "comparer", from: "comparer_du", to: "comparer_au", none: "aucune", previous: "precedente",
                                     yearEarlier: "annee", custom: "autre", legacyPrevious: ["1"])
        static let api = Vocabulary(mode: "compare", from: "compareFrom", to: "compareTo", none: "none", previous: "previous",
                                    yearEarlier: "year", custom: "custom", legacyPrevious: ["1", "true"],
                                    boundsOnlyWhenCustom: true)
    }

    /// Nil when the mode is unknown; `.custom` keeps its dates as typed (checked by `period(for:)`).
    init?(query: (String) -> String?, _ words: Vocabulary, default fallback: StatisticsComparison) {
        switch query(words.mode) {
        case nil, "":
            // Either bound given (an empty one counts as absent) means a custom comparison, checked as such.
            let given = [query(words.from), query(words.to)].contains { !($0 ?? "").isEmpty }
            self = given ? .custom(from: query(words.from) ?? "", to: query(words.to) ?? "") : fallback
        case words.none: self = .none
        case let value? where value == words.previous || words.legacyPrevious.contains(value): self = .previous
        case words.yearEarlier: self = .yearEarlier
        case words.custom: self = .custom(from: query(words.from) ?? "", to: query(words.to) ?? "")
        default: return nil
        }
    }

    func value(_ words: Vocabulary) -> String {
        switch self {
        case .none: words.none
        case .previous: words.previous
        case .yearEarlier: words.yearEarlier
        case .custom: words.custom
        }
    }

    /// The period to compare `period` with, or the reason it cannot be built (field, French message).
    func period(for period: StatisticsPeriod, _ words: Vocabulary) -> Result<StatisticsPeriod?, Problem> {
        switch self {
        case .none: return .success(nil)
        case .previous: return .success(period.previous)
        case .yearEarlier: return .success(period.yearEarlier)
        case .custom(let from, let to):
            guard let start = StatisticsFilter.date(from) else { return .failure(Problem(field: words.from, message: "La date de début de la période de comparaison est invalide (format AAAA-MM-JJ).")) }
            guard let end = StatisticsFilter.date(to) else { return .failure(Problem(field: words.to, message: "La date de fin de la période de comparaison est invalide (format AAAA-MM-JJ).")) }
            guard start <= end else { return .failure(Problem(field: words.to, message: "La période de comparaison doit finir après son début.")) }
            return .success(StatisticsPeriod(from: start, to: end, siteID: period.siteID))
        }
    }

    struct Problem: Error, Equatable {
        let field: String
        let message: String
    }
}
