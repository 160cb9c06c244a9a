import Orientation
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
    /// Decoy hash verified for unknown logins, so they cost as much time as a wrong password.
    package let decoyHash: String
    /// Unix seconds; injectable so tests can move time without sleeping.
    public let clock: @Sendable () -> Int64
    /// Waits that many seconds (a login slowed down); tests record the wait instead of sleeping.
    package var pause: @Sendable (_ seconds: Int) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }

    public var sessions: SessionSettings { configuration.sessions }
    public func now() -> Int64 { clock() }

    /// The partner directory's checks as of today.
    package var directoryCheck: DirectoryCheck { DirectoryCheck(vocabulary: directoryVocabulary, today: today.description) }
}
