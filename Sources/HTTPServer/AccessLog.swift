#if canImport(Glibc)
import Glibc
#endif
import HTTPCore

/// What one access-log line holds. Deliberately no query string, no client address, no header:
/// those can carry personal data (a name typed into a search box) and the log is not a place for it.
public struct AccessLogEntry: Sendable {
    public let method: String
    public let path: String
    public let status: Int
    public let bytes: Int
    public let durationMicroseconds: Int

    public var line: String {
        let ms = Double(durationMicroseconds) / 1000
        let rounded = (ms * 10).rounded() / 10
        return "\(method) \(path) \(status) \(bytes) \(rounded)ms"
    }
}

public typealias AccessLogger = @Sendable (AccessLogEntry) -> Void

public enum AccessLog {
    /// One line per request on standard error; one write(2) each, so lines from different queues never interleave.
    public static let standardError: AccessLogger = { entry in
        let bytes = Array((entry.line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// Logs paths under `prefixes` as the prefix and "…": their rest is a secret (a calendar
    /// subscription token is the credential itself) and a log line must not hand it out.
    public static func hidingSecrets(under prefixes: [String], _ logger: @escaping AccessLogger) -> AccessLogger {
        { entry in
            // Anywhere in the path: the router also serves "//agenda/…" (empty segments are skipped).
            guard let prefix = prefixes.first(where: { entry.path.contains($0) }) else { return logger(entry) }
            logger(AccessLogEntry(method: entry.method, path: prefix + "…", status: entry.status, bytes: entry.bytes,
                                  durationMicroseconds: entry.durationMicroseconds))
        }
    }
}
