import AccueilCore
import HTML
import HTTPCore
import Web

enum HomeRoutes {
    static func register(on router: inout Router, context: AppContext) {
        router.get("/") { request in
            // The protection alerts this account receives and nobody has acknowledged yet.
            var pending: HTML = .empty
            if let account = request.session?.account, ProtectionAccess.receivesAlerts(account) {
                let (reports, sites) = try await context.store.read { db in (try ProtectionRepository.unacknowledged(db), try SiteDirectory.all(db)) }
                pending = ProtectionPages.pending(reports.filter { ProtectionAccess.receives($0, account) },
                                                  names: Dictionary(sites.map { ($0.id, $0.name) }) { first, _ in first }, now: context.now())
            }
            var response = HTTPResponse(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: HomePage.render(request, alerts: pending).bytes)
            if request.session == nil { response.headers.set("Cache-Control", "no-cache") }
            return response
        }
    }
}
