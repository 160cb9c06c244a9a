#if canImport(Glibc)
import Glibc
#endif
import Web

/// Unexpected errors are logged with their type and route pattern only: error descriptions can quote
/// user input, which must not reach the logs.
enum InternalErrorLog {
    static let report: @Sendable (any Error, Request) -> Void = { error, request in
        let line = "error \(type(of: error)) on \(request.method) \(request.path)\n"
        _ = Array(line.utf8).withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
