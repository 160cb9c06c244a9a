#if canImport(Glibc)
import Glibc
#endif
import AccueilCore
import Web

/// Unexpected errors are logged with their type and route pattern only: error descriptions can quote
/// user input, and path parameters can be secrets (a calendar link's token), neither of which may
/// reach the logs.
enum InternalErrorLog {
    static let report: @Sendable (any Error, Request) -> Void = { error, request in
        let line = "error \(type(of: error)) on \(request.method) \(routeShape(request.path, parameters: request.parameters))\n"
        _ = Array(line.utf8).withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// The path with every segment matched by a route parameter written as ":name"
    /// ("/agenda/:fichier"); unmatched paths have no parameters and are kept as they are.
    static func routeShape(_ path: String, parameters: [String: String]) -> String {
        let names = Dictionary(parameters.map { ($0.value, $0.key) }) { first, _ in first }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { segment in names[String(segment)].map { ":" + $0 } ?? String(segment) }
            .joined(separator: "/")
    }
}
