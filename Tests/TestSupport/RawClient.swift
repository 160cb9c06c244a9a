#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// A loopback TCP client that speaks raw bytes, so tests control exactly what is sent.
///
/// Reads block, so they run on a Dispatch queue of their own: blocking a thread of Swift's small
/// cooperative pool would starve the server's handlers under test (2 cores, 2 pool threads).
public final class RawClient: @unchecked Sendable {
    private let queue = DispatchQueue(label: "raw-client")
    public struct Response: Sendable {
        public let statusLine: String
        public let headers: [Header]
        public struct Header: Sendable { public let name: String; public let value: String }
        public let body: [UInt8]
        public var status: Int { Int(statusLine.split(separator: " ")[1]) ?? 0 }
        public func headers(_ name: String) -> [String] { headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value) }
        public func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
        public var text: String { String(decoding: body, as: UTF8.self) }

        /// One response from the start of `bytes` and how many bytes it used; nil while incomplete.
        /// Shared by the socket client and by tests that serialise a response in process.
        public static func parse(_ bytes: [UInt8], head: Bool = false) throws -> (Response, Int)? {
            guard let end = headEnd(bytes) else { return nil }
            let headText = String(decoding: bytes[0..<end], as: UTF8.self)
            var lines = headText.components(separatedBy: "\r\n")
            let statusLine = lines.removeFirst()
            let headers = lines.compactMap { line -> Header? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return Header(name: String(line[..<colon]), value: String(line[line.index(after: colon)...]).trimmingCharacters())
            }
            let parts = statusLine.split(separator: " ")
            guard parts.count >= 2, let status = Int(parts[1]) else { throw ClientError.malformed }
            let length = (head || status < 200 || status == 304) ? 0 : Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0
            guard bytes.count >= end + 4 + length else { return nil }
            let body = Array(bytes[(end + 4)..<(end + 4 + length)])
            return (Response(statusLine: statusLine, headers: headers, body: body), end + 4 + length)
        }

        private static func headEnd(_ bytes: [UInt8]) -> Int? {
            guard bytes.count >= 4 else { return nil }
            for i in 0...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
                return i
            }
            return nil
        }
    }

    public let fd: Int32
    private var buffer: [UInt8] = []

    public init(port: Int, receiveTimeout: Double = 30) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        // No close here: every stored property is set, so a throwing init still runs deinit, which closes
        // the descriptor. Closing it twice would close whatever file another thread opened in between
        // (a test's SQLite database: "disk I/O error").
        guard result == 0 else { throw ClientError.connectFailed }
        var timeout = timeval(tv_sec: Int(receiveTimeout), tv_usec: Int((receiveTimeout - Double(Int(receiveTimeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    public enum ClientError: Error { case connectFailed, timedOut, closed, malformed }

    public func send(_ text: String) { send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads more bytes; false when the server closed the connection.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n > 0 { buffer.append(contentsOf: chunk[0..<n]); return true }
            if n == 0 { return false }
            // A socket with SO_RCVTIMEO is never restarted after a signal (signal(7)): a SIGCHLD from
            // a test that runs a child process would otherwise look like the server hanging up.
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { throw ClientError.timedOut }
            return false  // ECONNRESET and the like: the server is gone from this connection
        }
    }

    public func readResponse(head: Bool = false) async throws -> Response {
        try await offPool { try self.blockingReadResponse(head: head) }
    }

    public func isClosedByServer() async -> Bool {
        (try? await offPool { self.blockingIsClosedByServer() }) ?? false
    }

    private func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Reads one response (Content-Length framed, or no body for HEAD / 1xx / 304).
    private func blockingReadResponse(head: Bool) throws -> Response {
        while true {
            if let (response, used) = try Response.parse(buffer, head: head) {
                buffer.removeFirst(used)
                return response
            }
            guard try fill() else { throw ClientError.closed }
        }
    }

    /// True if the server closes the connection (EOF or reset) within the receive timeout, with nothing more sent.
    private func blockingIsClosedByServer() -> Bool {
        do { return try !fill() && buffer.isEmpty } catch { return false }
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
