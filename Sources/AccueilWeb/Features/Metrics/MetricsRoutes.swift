import AccueilCore
import Foundation
import HTTPCore
import SQLiteStore
import Web

/// GET /metrics for Prometheus: reachable from the machine itself (loopback, and not through the
/// reverse proxy, which forwards every client from the loopback with X-Forwarded-For), or with an
/// API token holding `metrics:read`. Anyone else gets the ordinary 404. Figures only: no person, no account, no path with a number in it.
enum MetricsRoutes {
    static func register(on router: inout Router, context: AppContext, metrics: ServerMetrics) {
        router.get("/metrics") { request in
            if let token = request[CurrentAPIToken.self] {
                guard token.scopes.contains(.metricsRead) else { throw HTTPError(.forbidden, "Ce jeton n'a pas la portée « metrics:read ».") }
            } else if !isLocal(request) {
                throw HTTPError.notFound
            }
            let now = context.now()
            let (lastPurge, head) = try await context.store.read { db in
                (try db.int("SELECT max(at) FROM audit_log WHERE action = ?", [AuditAction.retentionPurged.rawValue]), try AuditChain.head(db))
            }
            let body = metrics.render(gauges: [
                ("accueil_last_purge_timestamp_seconds", "Dernière purge de conservation (secondes Unix).", lastPurge.map(Double.init)),
                ("accueil_audit_chain_head", "Numéro de la dernière entrée du journal d'accès chaîné.", Double(head.id)),
                ("accueil_replication_lag_seconds", "Âge de la dernière écriture du réplica Litestream (si ACCUEIL_REPLICA_DIR est donné).",
                 replicationLag(now: now)),
            ])
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
                                body: Array(body.utf8))
        }
    }

    static func isLocal(_ request: Request) -> Bool {
        guard let address = request.http.remoteAddress, address.hasPrefix("127.") || address == "::1" || address == "::ffff:127.0.0.1" else { return false }
        return request.headers["X-Forwarded-For"] == nil && request.headers["Forwarded"] == nil && request.headers["X-Real-IP"] == nil
    }

    /// When the replica is a local directory (Litestream's file replica), how long ago it was last
    /// written; unknown (not exported) otherwise.
    static func replicationLag(now: Int64) -> Double? {
        guard let directory = ProcessInfo.processInfo.environment["ACCUEIL_REPLICA_DIR"], !directory.isEmpty,
              let files = FileManager.default.enumerator(atPath: directory) else { return nil }
        var newest: Date?
        for case let file as String in files {
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/" + file)
            if let date = attributes?[.modificationDate] as? Date, date > (newest ?? .distantPast) { newest = date }
        }
        return newest.map { max(0, Double(now) - $0.timeIntervalSince1970) }
    }
}
