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
}
