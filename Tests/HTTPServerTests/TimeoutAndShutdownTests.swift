import HTTPCore
import TestSupport
import Synchronization
import Testing
@testable import HTTPServer

@Suite("Live server: timeouts, connection cap, graceful shutdown")
struct TimeoutAndShutdownTests {
    static func short(_ configuration: inout ServerConfiguration) {
        configuration.headerTimeout = 0.6
        configuration.bodyTimeout = 0.6
        configuration.idleTimeout = 0.6
    }

    @Test func slowHeaderSenderIsCutOffWith408() async throws {
        try await withTestServer(Self.short) { _, port in
            let client = try RawClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: t\r\n")
            // Keep dribbling bytes: activity must not extend the deadline (slowloris).
            for _ in 0..<4 {
                try await sleep(seconds: 0.2)
                client.send("X-A: b\r\n")
            }
            let response = try await client.readResponse()
            #expect(response.status == 408)
            #expect(await client.isClosedByServer())
        }
    }

    @Test func slowBodySenderIsCutOff() async throws {
        try await withTestServer(Self.short) { _, port in
            let client = try RawClient(port: port)
            client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nabc")
            let response = try await client.readResponse()
            #expect(response.status == 408)
            #expect(await client.isClosedByServer())
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        try await withTestServer(Self.short) { server, port in
            let client = try RawClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = try await client.readResponse()
            #expect(await client.isClosedByServer())
            try await sleep(seconds: 0.1)
            #expect(server.connectionCount == 0)
        }
    }

    @Test func connectionsOverTheCapAreRefusedWith503() async throws {
        try await withTestServer({ $0.maxConnections = 2 }) { server, port in
            let first = try RawClient(port: port)
            let second = try RawClient(port: port)
            first.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            second.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = try await first.readResponse()
            _ = try await second.readResponse()
            let third = try RawClient(port: port)
            let refused = try await third.readResponse()
            #expect(refused.status == 503)
            #expect(server.connectionCount == 2)
            // The two admitted connections still work.
            first.send("GET /still HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await first.readResponse().status == 200)
        }
    }

    @Test func gracefulShutdownFinishesTheRequestInFlight() async throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.sweepInterval = 0.1
        let started = Mutex(false)
        let released = Mutex(false)
        // The answer waits until shutdown has begun: the test controls the order, not the machine's load.
        let server = HTTPServer(configuration: configuration, logger: nil) { request in
            started.withLock { $0 = true }
            while !released.withLock({ $0 }) { try? await Task.sleep(nanoseconds: 10_000_000) }
            // One more suspension: its resumption is queued after the drain notice that shutdown() queued.
            try? await Task.sleep(nanoseconds: 10_000_000)
            return .text("finished \(request.path)")
        }
        try server.start()
        let port = try #require(server.port)
        let busy = try RawClient(port: port)
        let idle = try RawClient(port: port)
        busy.send("GET /long HTTP/1.1\r\nHost: t\r\n\r\n")
        while !started.withLock({ $0 }) { try await sleep(seconds: 0.01) }
        server.shutdown()
        released.withLock { $0 = true }
        let response = try await busy.readResponse()
        #expect(response.text == "finished /long")
        #expect(response.header("Connection") == "close")
        #expect(await idle.isClosedByServer())
        await server.stopped()
        #expect(server.connectionCount == 0)
        #expect(throws: RawClient.ClientError.self) { _ = try RawClient(port: port) }
    }
}
