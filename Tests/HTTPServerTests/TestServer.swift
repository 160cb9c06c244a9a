import HTTPCore
import TestSupport
@testable import HTTPServer

/// Starts a real server on an ephemeral loopback port with short timeouts; stops it afterwards.
func withTestServer(
    _ adjust: (inout ServerConfiguration) -> Void = { _ in },
    handler: @escaping HTTPHandler = { request in .text("path=\(request.path) body=\(String(decoding: request.body, as: UTF8.self))") },
    _ body: (HTTPServer, Int) async throws -> Void
) async throws {
    var configuration = ServerConfiguration()
    configuration.port = 0
    // Generous by default so a loaded CI machine cannot trip them; timeout tests shorten them.
    configuration.headerTimeout = 30
    configuration.bodyTimeout = 30
    configuration.idleTimeout = 30
    configuration.lingerTimeout = 30
    configuration.sweepInterval = 0.1
    configuration.shutdownGracePeriod = 2
    adjust(&configuration)
    let server = HTTPServer(configuration: configuration, logger: nil, handler: handler)
    try server.start()
    let port = try #require(server.port)
    do {
        try await body(server, port)
    } catch {
        server.shutdown()
        await server.stopped()
        throw error
    }
    server.shutdown()
    await server.stopped()
}

func sleep(seconds: Double) async throws {
    try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
}

import Testing
