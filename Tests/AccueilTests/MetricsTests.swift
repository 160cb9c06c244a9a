import Foundation
import HTTPCore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// GET /metrics over a real socket: Prometheus text, requests counted by route shape (never the
/// concrete path), the latency histogram, the gauges; from the loopback only, not through a proxy.
@Suite(.serialized) struct MetricsTests {
    @Test func theMetricsCountRoutesByShapeAndStayOnTheMachine() async throws {
        try await withApp(live: true) { app in
            let browser = app.browser()
            #expect(try await browser.get("/livez").status == 200)
            #expect(try await browser.get("/personnes/123").status == 303)
            #expect(try await browser.get("/personnes/456").status == 303)
            #expect(try await browser.get("/nulle-part").status == 404)
            let metrics = try await browser.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            let text = metrics.text
            #expect(text.contains("accueil_http_requests_total{route=\"/livez\",method=\"GET\",status=\"200\"} 1"))
            #expect(text.contains("accueil_http_requests_total{route=\"/personnes/:id\",method=\"GET\",status=\"303\"} 2"))
            #expect(text.contains("accueil_http_requests_total{route=\"aucune\",method=\"GET\",status=\"404\"} 1"))
            #expect(!text.contains("/personnes/123") && !text.contains("nulle-part"), "no concrete path, no file number")
            #expect(text.contains("accueil_http_request_duration_seconds_bucket{le=\"+Inf\"} 4"))
            #expect(text.contains("accueil_http_request_duration_seconds_count 4"))
            #expect(text.contains("# TYPE accueil_open_connections gauge"))
            #expect(text.contains("accueil_database_faults_total{kind=\"busy\"} 0"))
            #expect(text.contains("accueil_audit_chain_head "))
            // Through the reverse proxy (which forwards every client from the loopback): not found.
            #expect(try await browser.get("/metrics", headers: ["X-Forwarded-For": "203.0.113.9"]).status == 404)
        }
    }

    @Test func aClientFromAnotherMachineIsNotAnswered() async throws {
        try await withApp { app in
            var http = HTTPRequest(method: "GET", target: "/metrics", headers: HTTPHeaders([("Host", "accueil.example")]))
            http.remoteAddress = "192.0.2.10"
            #expect(await app.responder.respond(to: http).status == .notFound)
            http.remoteAddress = "127.0.0.1"
            #expect(await app.responder.respond(to: http).status == .ok)
        }
    }

    @Test func faultsAndLabelsAreWrittenSafely() throws {
        let metrics = ServerMetrics()
        metrics.fault("busy")
        metrics.observe(route: "/a\"b", method: "BREW", status: 418, seconds: 0.003)
        let text = metrics.render(gauges: [("accueil_x", "x", nil)])
        #expect(text.contains("accueil_database_faults_total{kind=\"busy\"} 1"))
        #expect(text.contains("route=\"/a\\\"b\",method=\"autre\",status=\"418\"} 1"))
        #expect(text.contains("accueil_http_request_duration_seconds_bucket{le=\"0.0025\"} 0"))
        #expect(text.contains("accueil_http_request_duration_seconds_bucket{le=\"0.005\"} 1"))
        #expect(!text.contains("accueil_x"), "an unknown gauge is left out")
    }
}
