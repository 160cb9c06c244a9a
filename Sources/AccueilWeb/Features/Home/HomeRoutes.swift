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
                let (reports, sites) = try await context.store.read { db in (try ProtectionRepository.unacknowledged(db, for: account), try SiteDirectory.all(db)) }
                pending = ProtectionPages.pending(reports,
                                                  names: sites.namesByID, now: context.now())
            }
            // For the reviewers: how many files were opened outside their scope these seven days.
            if let account = request.session?.account, account.can(.readAudit) {
                let since = context.now() - 7 * 86_400
                let count = try await context.store.read { db in try BreakGlass.count(db, since: since) }
                pending = pending + """
                    <section aria-labelledby="bris" class="notice\(count > 0 ? " warning" : "")"><h2 id="bris">Bris de glace</h2>
                    <p>\(count == 0 ? "Aucun dossier ouvert hors périmètre ces 7 derniers jours." : "\(count) dossier\(count > 1 ? "s" : "") ouvert\(count > 1 ? "s" : "") hors périmètre ces 7 derniers jours.") <a href="/admin/bris-de-glace">Revoir</a></p></section>
                    """
            }
            var response = HTTPResponse(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: HomePage.render(request, alerts: pending).bytes)
            if request.session == nil { response.headers.set("Cache-Control", "no-cache") }
            return response
        }
    }
}
