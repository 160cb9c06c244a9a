import AccueilCore
import HTML
import HTTPCore
import Web

/// « Bilan de l'accueil commun » for any whole months: the printable page, its OpenDocument copy, the
/// JSON, and the managers' texts saved with the period (audited). Aggregates only, like the figures.
enum BilanRoutes {
    static let apiPath = "/api/v1/stats/bilan"

    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .readStatistics)]

        router.get("/statistiques/bilan", middleware: gate) { request in
            let all = try await sites(context)
            return try await page(request, context: context, filter: StatisticsRoutes.pageFilter(request, context: context, sites: all), sites: all)
        }

        router.post("/statistiques/bilan", middleware: [RequirePermission(permission: .writeBilan)]) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let form = try request.form()
            let sites = try await sites(context)
            let filter = StatisticsFilter(query: { form[$0] }, names: ("du", "au", "site"), words: .page, today: context.today,
                                          knownSites: Set(sites.map(\.id)))
            guard let period = filter.period else { throw HTTPError(.badRequest, filter.errors.first?.message ?? "Période invalide.") }
            let texts = BilanTexts(context: (form["contexte"] ?? "").trimmed, vigilance: (form["vigilance"] ?? "").trimmed)
            guard texts.context.count <= BilanTexts.maximumLength, texts.vigilance.count <= BilanTexts.maximumLength else {
                // Nothing saved; what was typed comes back to be shortened.
                return try await page(request, context: context, filter: filter, sites: sites, typed: texts, status: .unprocessableContent,
                                      error: "Chaque texte compte au plus \(BilanTexts.maximumLength) caractères : rien n'a été enregistré.")
            }
            let now = context.now()
            try await context.store.write { db in try BilanTexts.save(db, texts, for: period, by: account.id, at: now) }
            return .redirect(to: "/statistiques/bilan?\(filter.queryString)&info=textes#contexte")
        }

        router.get("/statistiques/bilan.odt", middleware: gate) { request in
            let all = try await sites(context)
            let filter = StatisticsRoutes.pageFilter(request, context: context, sites: all)
            guard let period = filter.period else { throw HTTPError(.badRequest, filter.errors.first?.message ?? "Période invalide.") }
            let (figures, texts, siteName) = try await load(context, period, comparedWith: filter.comparisonPeriod, sites: all)
            let document = BilanDocument(figures: figures, texts: texts, siteName: siteName)
            return HTTPResponse(status: .ok, headers: [
                "Content-Type": "application/vnd.oasis.opendocument.text",
                "Content-Disposition": "attachment; filename=\"bilan-accueil-commun-\(period.from)-\(period.to).odt\"",
            ], body: BilanExport.odt(document, modified: context.today))
        }

        router.get(apiPath, middleware: [RequireAccess(permission: .readStatistics, scope: .statsRead)]) { request in
            let all = try await sites(context)
            let filter = StatisticsFilter(query: { request.query[$0] }, names: ("from", "to", "site"), words: .api,
                                          today: context.today, knownSites: Set(all.map(\.id)))
            guard let period = filter.period else { return StatisticsRoutes.badFilter(filter) }
            let (figures, texts, _) = try await load(context, period, comparedWith: filter.comparisonPeriod, sites: all)
            // The managers' texts are for the comité de suivi, not for partner software: a token gets the figures only.
            let shared = request[CurrentAPIToken.self] == nil ? texts : BilanTexts()
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"],
                                body: BilanExport.json(figures, texts: shared, requested: filter.requested))
        }
    }

    static func sites(_ context: AppContext) async throws -> [DirectorySite] {
        try await context.store.read { db in try StatisticsLoader.sites(db) }
    }

    /// `sites`: the directory the request's filter was checked against (for the site's name).
    static func load(_ context: AppContext, _ period: StatisticsPeriod, comparedWith previous: StatisticsPeriod?, sites: [DirectorySite]) async throws
        -> (ActivityFigures, BilanTexts, String?) {
        let figures = try await StatisticsLoader.load(context, period, comparedWith: previous)
        let texts = try await context.store.read { db in try BilanTexts.load(db, period) }
        return (figures, texts, period.siteID.map { id in sites.first { $0.id == id }?.name ?? id })
    }

    static func page(_ request: Request, context: AppContext, filter: StatisticsFilter, sites all: [DirectorySite], typed: BilanTexts? = nil,
                     status: HTTPStatus = .ok, error: String? = nil) async throws -> HTTPResponse {
        guard let period = filter.period else {
            return Layout.response(title: "Bilan de l'accueil commun", body: BilanPage.render(request, filter, document: nil, figures: nil, texts: BilanTexts(), sites: all),
                                   request: request, status: .badRequest, stylesheet: "bilan.css")
        }
        let (figures, saved, siteName) = try await load(context, period, comparedWith: filter.comparisonPeriod, sites: all)
        let notice = request.query["info"] == "textes" ? "Textes du bilan enregistrés." : nil
        return Layout.response(title: "Bilan de l'accueil commun",
                               body: BilanPage.render(request, filter, document: BilanDocument(figures: figures, texts: saved, siteName: siteName), figures: figures,
                                                      texts: typed ?? saved, sites: all, notice: notice, error: error),
                               request: request, status: status, stylesheet: "bilan.css")
    }
}
