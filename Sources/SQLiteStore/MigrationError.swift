/// Why the migrator refused to touch a database.
public enum MigrationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The database records versions this binary does not know: it was migrated by a
    /// newer release. Running older code against it could corrupt data, so we stop.
    case unknownVersions(inDatabase: [Int], latestKnown: Int?)

    public var description: String {
        switch self {
        case .unknownVersions(let versions, let latest):
            let known = latest.map { "\($0)" } ?? "none"
            return "database has migration version(s) \(versions.map(String.init).joined(separator: ", ")) "
                + "unknown to this build (latest known: \(known)); refusing to run an older build "
                + "against a newer database"
        }
    }
}
