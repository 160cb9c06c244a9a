import AccueilCore
import HTML
import HTTPCore
import Web

/// Activity figures for managers: the page, one CSV per table, and the JSON API. Aggregates only
/// (no name is ever read), so reading them is not audited; the permission is `.readStatistics`.
enum StatisticsRoutes {
    static let apiPath = "/api/v1/stats"

    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .readStatistics)]

        router.get("/statistiques", middleware: gate) { request in
            let sites = try await context.store.read { db in try StatisticsLoader.sites(db) }
            let filter = pageFilter(request, context: context, sites: sites)
            guard let period = filter.period else {
                return Layout.response(title: "Statistiques", body: StatisticsPage.render(filter, figures: nil, sites: sites),
                                       request: request, status: .badRequest)
            }
            let figures = try await StatisticsLoader.load(context, period, comparedWith: filter.comparisonPeriod)
            return Layout.response(title: "Statistiques", body: StatisticsPage.render(filter, figures: figures, sites: sites), request: request)
        }

        router.get("/statistiques/:fichier", middleware: gate) { request in
            let file = try request.parameter("fichier")
            guard file.hasSuffix(".csv"), ActivityFigures.tableIDs.contains(String(file.dropLast(4))) else { throw HTTPError.notFound }
            let id = String(file.dropLast(4))
            let sites = try await context.store.read { db in try StatisticsLoader.sites(db) }
            let filter = pageFilter(request, context: context, sites: sites)
            guard let period = filter.period else { throw HTTPError(.badRequest, filter.errors.first?.message ?? "Filtre invalide.") }
            let figures = try await StatisticsLoader.load(context, period, comparedWith: filter.comparisonPeriod)
            let body: [UInt8]
            if let table = figures.table(id) {
                body = StatisticsExport.csv(table, comparing: figures.previousPeriod != nil)
            } else if let breakdown = figures.breakdown(id) {
                body = StatisticsExport.csv(breakdown)
            } else {
                throw HTTPError.notFound
            }
            return HTTPResponse(status: .ok, headers: [
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"statistiques-\(id)-\(filter.from)-\(filter.to).csv\"",
            ], body: body)
        }

        router.get(apiPath, middleware: [RequireAccess(permission: .readStatistics, scope: .statsRead)]) { request in
            let sites = try await context.store.read { db in try StatisticsLoader.sites(db) }
            let filter = StatisticsFilter(query: { request.query[$0] }, names: ("from", "to", "site"), words: .api,
                                          today: context.today, knownSites: Set(sites.map(\.id)))
            guard let period = filter.period else { return badFilter(filter) }
            let figures = try await StatisticsLoader.load(context, period, comparedWith: filter.comparisonPeriod)
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"],
                                body: StatisticsExport.json(figures, requested: filter.requested))
        }
    }

    /// The API's own 400, shaped like the orientation contract's: a French sentence and the field at fault.
    static func badFilter(_ filter: StatisticsFilter) -> HTTPResponse {
        let problem = filter.errors.first
        return .json("{\"error\":\(JSONText.quote(problem?.message ?? "Filtre invalide.")),\"field\":\(problem.map { JSONText.quote($0.field) } ?? "null")}",
                     status: .badRequest)
    }

    static func pageFilter(_ request: Request, context: AppContext, sites: [DirectorySite]) -> StatisticsFilter {
        StatisticsFilter(query: { request.query[$0] }, names: ("du", "au", "site"), words: .page,
                         today: context.today, knownSites: Set(sites.map(\.id)))
    }
}
