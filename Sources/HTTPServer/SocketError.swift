#if canImport(Glibc)
import Glibc
#endif

/// A failed system call, with its errno text (never request data).
public struct SocketError: Error, CustomStringConvertible, Sendable {
    public let call: String
    public let code: Int32

    init(_ call: String, code: Int32 = errno) {
        self.call = call
        self.code = code
    }

    public var description: String { "\(call): \(String(cString: strerror(code)))" }
}
