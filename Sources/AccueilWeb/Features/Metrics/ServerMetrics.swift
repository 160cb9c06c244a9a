import Foundation
import Synchronization

/// What operators watch, counted in memory since the process started (Prometheus counters restart
/// with the process; the scraper handles it): requests by route shape, method and status, a latency
/// histogram, database faults by kind. Gauges (open connections, last purge, replication lag) are
/// read when scraped.
public final class ServerMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct RequestKey: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    private struct State {
        var requests: [RequestKey: Int] = [:]
        var bucketCounts = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var count = 0
        var sum = 0.0
        var faults: [String: Int] = ["busy": 0, "lecture_seule": 0, "disque_plein": 0]
    }

    private let state = Mutex(State())
    private let connectionCounter = Mutex<(@Sendable () -> Int)?>(nil)

    public init() {}

    /// The server's open connections, once the server exists.
    public func countConnections(with counter: @escaping @Sendable () -> Int) { connectionCounter.withLock { $0 = counter } }

    /// One answered request; `route` is the pattern, never the path (no file numbers in metrics).
    public func observe(route: String?, method: String, status: Int, seconds: Double) {
        // Methods outside the usual set are one label, so that a client cannot create series at will.
        let method = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"].contains(method) ? method : "autre"
        state.withLock { state in
            state.requests[RequestKey(route: route ?? "aucune", method: method, status: status), default: 0] += 1
            state.count += 1
            state.sum += seconds
            if let index = Self.buckets.firstIndex(where: { seconds <= $0 }) { state.bucketCounts[index] += 1 }
        }
    }

    /// A database fault shown to a user as a 503 (see `DatabaseFaults`).
    func fault(_ kind: String) { state.withLock { $0.faults[kind, default: 0] += 1 } }

    /// The Prometheus text exposition format (version 0.0.4); `gauges` are read by the caller.
    func render(gauges: [(name: String, help: String, value: Double?)]) -> String {
        let snapshot = state.withLock { $0 }
        var out = ""
        out += "# HELP accueil_http_requests_total Requêtes traitées, par forme de route, méthode et statut.\n"
        out += "# TYPE accueil_http_requests_total counter\n"
        for (key, value) in snapshot.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            out += "accueil_http_requests_total{route=\"\(Self.escape(key.route))\",method=\"\(key.method)\",status=\"\(key.status)\"} \(value)\n"
        }
        out += "# HELP accueil_http_request_duration_seconds Durée de traitement des requêtes.\n"
        out += "# TYPE accueil_http_request_duration_seconds histogram\n"
        var cumulative = 0
        for (index, bound) in Self.buckets.enumerated() {
            cumulative += snapshot.bucketCounts[index]
            out += "accueil_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        out += "accueil_http_request_duration_seconds_bucket{le=\"+Inf\"} \(snapshot.count)\n"
        out += "accueil_http_request_duration_seconds_sum \(snapshot.sum)\n"
        out += "accueil_http_request_duration_seconds_count \(snapshot.count)\n"
        out += "# HELP accueil_database_faults_total Requêtes refusées (503) pour une base occupée, en lecture seule ou un disque plein.\n"
        out += "# TYPE accueil_database_faults_total counter\n"
        for (kind, value) in snapshot.faults.sorted(by: { $0.key < $1.key }) {
            out += "accueil_database_faults_total{kind=\"\(kind)\"} \(value)\n"
        }
        var all = gauges
        if let connections = connectionCounter.withLock({ $0 }) {
            all.insert(("accueil_open_connections", "Connexions HTTP ouvertes.", Double(connections())), at: 0)
        }
        for gauge in all {
            guard let value = gauge.value else { continue }
            out += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n\(gauge.name) \(value)\n"
        }
        return out
    }

    static func escape(_ label: String) -> String {
        label.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
