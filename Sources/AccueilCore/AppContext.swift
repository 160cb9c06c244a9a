import Orientation
import Synchronization
import SQLiteStore

/// What every feature needs, built once at start-up and shared (immutable) by all requests.
public struct AppContext: Sendable {
    public let store: Store
    public let configuration: AppConfiguration
    public let referential: TerritorialReferential
    public let motives: MotiveCatalog
    /// The data·inclusion schema's admitted values, for the partner directory.
    package var directoryVocabulary = DirectoryVocabulary.empty
    /// The texts of the person's slip, French and its translations.
    public let slipCatalogues: SlipCatalogues
    package let hasher: PasswordHasher
    package let passwordPolicy: PasswordPolicy
    package let throttle: LoginThrottle
    /// Secrets shown once after the POST that made them (calendar links).
    package let reveals = OneTimeReveals()
    /// The month cells hidden from the figures, by month (see `MonthMasking`).
    package let monthMasks = MonthMaskCache()
    /// Decoy hash verified for unknown logins, so they cost as much time as a wrong password.
    package let decoyHash: String
    /// Unix seconds; injectable so tests can move time without sleeping.
    public let clock: @Sendable () -> Int64
    /// Waits that many seconds (a login slowed down); tests record the wait instead of sleeping.
    package var pause: @Sendable (_ seconds: Int) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }

    public var sessions: SessionSettings { configuration.sessions }
    public func now() -> Int64 { clock() }

    /// Where the server listens, once it does (for the demo's default public URL).
    package let listening = ListeningAddress()

    /// The start of every absolute link: the configured public URL, else the listening address.
    package var publicURL: String {
        configuration.publicURL.isEmpty ? (listening.url ?? "http://127.0.0.1:8080") : configuration.publicURL
    }

    /// The partner directory's checks as of today.
    package var directoryCheck: DirectoryCheck { DirectoryCheck(vocabulary: directoryVocabulary, today: today.description) }
}

/// The listening address, set once the socket is bound (the port may have been chosen by the system).
public final class ListeningAddress: Sendable {
    private let value = Mutex<String?>(nil)

    public var url: String? { value.withLock { $0 } }

    public func set(host: String, port: Int) { value.withLock { $0 = "http://\(host):\(port)" } }
}
