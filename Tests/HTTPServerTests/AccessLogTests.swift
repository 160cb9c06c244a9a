import HTTPCore
import Testing
import TestSupport
@testable import HTTPServer

@Suite("Access log on a real socket")
struct AccessLogTests {
    /// A calendar subscription token is the credential itself: the log line must not carry it.
    @Test func pathsUnderASecretPrefixAreLoggedWithoutTheirSecret() async throws {
        let (entries, sink) = AsyncStream.makeStream(of: AccessLogEntry.self)
        var configuration = ServerConfiguration()
        configuration.port = 0
        let logger = AccessLog.hidingSecrets(under: ["/agenda/"]) { sink.yield($0) }
        let server = HTTPServer(configuration: configuration, logger: logger) { _ in .text("ok") }
        try server.start()
        let port = try #require(server.port)
        var lines: [String] = []
        for path in ["/agenda/s3cr3t-t0ken.ics", "//agenda/s3cr3t-again.ics", "/planning/ics/sites/mds-lac.ics"] {
            let client = try RawClient(port: port)
            client.send("GET \(path) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
        }
        for await entry in entries {
            lines.append(entry.line)
            if lines.count == 3 { break }
        }
        server.shutdown()
        await server.stopped()
        #expect(lines.filter { $0.hasPrefix("GET /agenda/… 200 ") }.count == 2)
        #expect(lines.contains { $0.hasPrefix("GET /planning/ics/sites/mds-lac.ics 200 ") })
        #expect(!lines.contains { $0.contains("s3cr3t") })
    }
}
