#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HTTPCore
import HTTPServer
import SQLiteStore
import Synchronization
import TestSupport
import Web
@testable import AccueilCore
@testable import AccueilWeb

/// The whole application with a fresh SQLite file and a clock tests can move. Browsers call its frozen
/// `Responder` in process; with `live: true` it also listens on a loopback socket, for the end-to-end
/// checks that must cross the real server.
final class TestApp: Sendable {
    let responder: Responder
    let server: HTTPServer?
    let port: Int?
    let store: Store
    let context: AppContext
    let directory: String
    private let time = TestClock()
    /// The waits the application asked for, in order (none is actually slept).
    let pauses = PauseLog()

    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Links handed out by the server start with this, whatever Host the request names.
    static let publicURL = "https://accueil.test"

    init(production: Bool = false, busyTimeout: Duration = .milliseconds(5000), live: Bool = false,
         prepare: (Store) throws -> Void = { _ in }, configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        var template = Array("/tmp/accueil-test-XXXXXX".utf8CString)
        directory = String(cString: mkdtemp(&template))
        store = try Store(path: directory + "/test.sqlite", migrator: Schema.migrator, busyTimeout: busyTimeout)
        try prepare(store)
        var configuration = AppConfiguration()
        configuration.publicDirectory = Self.repositoryRoot + "/Public"
        configuration.resourcesDirectory = Self.repositoryRoot + "/Resources"
        configuration.production = production
        configuration.passwordHashingIsFastForTests = true
        configuration.publicURL = Self.publicURL
        configure(&configuration)
        let time = self.time
        var context = try Bootstrap.makeContext(store: store, configuration: configuration, clock: { time.value.withLock { $0 } })
        let pauses = self.pauses
        context.pause = { seconds in pauses.value.withLock { $0.append(seconds) } }
        self.context = context
        let metrics = ServerMetrics()
        let responder = Application.responder(context: self.context, metrics: metrics)
        self.responder = responder
        guard live else {
            server = nil
            port = nil
            return
        }
        var serverConfiguration = ServerConfiguration()
        serverConfiguration.port = 0
        let server = HTTPServer(configuration: serverConfiguration, errorResponder: ErrorPages.serverResponder(behindTLS: false), logger: nil) { request in
            await Application.answer(request, responder: responder, metrics: metrics)
        }
        metrics.countConnections { server.connectionCount }
        try server.start()
        self.server = server
        port = server.port
    }

    func advanceClock(seconds: Int64) { time.value.withLock { $0 += seconds } }
    var now: Int64 { time.value.withLock { $0 } }

    func stop() async {
        if let server {
            server.shutdown()
            await server.stopped()
        }
        _ = system("rm -rf '\(directory)'")
    }

    func browser() -> Browser { port.map { Browser(port: $0) } ?? Browser(.inProcess(responder)) }

    /// A browser already signed in with a demo account.
    func signedIn(_ login: String) async throws -> Browser {
        let browser = browser()
        let password = DemoAccounts.all.first { $0.login == login }?.password ?? ""
        let response = try await browser.logIn(login, password)
        precondition(response.status == 303, "demo login \(login) failed: \(response.status)")
        return browser
    }

    func auditCount(_ action: AuditAction? = nil) throws -> Int {
        try store.readSync { db in
            if let action { return try db.int("SELECT count(*) FROM audit_log WHERE action = ?", [action.rawValue]) ?? 0 }
            return try db.int("SELECT count(*) FROM audit_log") ?? 0
        }
    }
}

/// Unix seconds fixed at 2026-11-16; tests move it explicitly.
final class TestClock: Sendable {
    let value = Mutex<Int64>(1_795_000_000)
}

/// The seconds the application asked to wait, recorded instead of slept.
final class PauseLog: Sendable {
    let value = Mutex<[Int]>([])
    var recorded: [Int] { value.withLock { $0 } }
}

/// Runs `body` with a started app and always stops it.
func withApp(production: Bool = false, busyTimeout: Duration = .milliseconds(5000), live: Bool = false,
             configure: (inout AppConfiguration) -> Void = { _ in }, _ body: (TestApp) async throws -> Void) async throws {
    let app = try TestApp(production: production, busyTimeout: busyTimeout, live: live, configure: configure)
    do { try await body(app) } catch {
        await app.stop()
        throw error
    }
    await app.stop()
}
