import AccueilCore
import HTTPCore
import SQLiteStore
import Web

/// `GET /health`: for monitoring. Says whether the database answers; says nothing else.
/// `GET /livez`: liveness only (the process answers), plain `ok`, for load balancers.
enum HealthRoutes {
    static func register(on router: inout Router, store: Store) {
        router.get("/livez") { _ in
            var response = HTTPResponse.text("ok")
            response.headers.set("Cache-Control", "no-store")
            return response
        }
        router.get("/health") { _ in
            let reachable = (try? await store.read { db in try db.queryOne("SELECT 1 AS one")?.int("one") }) == 1
            let body = "{\"status\":\(reachable ? "\"ok\"" : "\"degraded\""),\"version\":\"\(AppConfiguration.version)\",\"database\":\(reachable ? "\"ok\"" : "\"unreachable\"")}"
            var response = HTTPResponse.json(body, status: reachable ? .ok : .serviceUnavailable)
            response.headers.set("Cache-Control", "no-store")
            return response
        }
    }
}
