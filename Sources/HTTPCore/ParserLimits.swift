/// Explicit bounds on what one request may occupy. Every limit maps to a status (RFC 9110 §15.5)
/// and the connection is closed afterwards, because the rest of the stream can no longer be framed.
public struct ParserLimits: Sendable {
    /// Request line, CRLF excluded → 414 when exceeded.
    public var maxRequestLineBytes: Int = 8 * 1024
    /// Header section after the request line → 431 when exceeded. Also bounds chunked trailers.
    public var maxHeaderBytes: Int = 16 * 1024
    /// Number of header fields → 431 when exceeded.
    public var maxHeaderCount: Int = 100
    /// Decoded body → 413 when exceeded (checked against Content-Length before reading it).
    public var maxBodyBytes: Int = 1024 * 1024
    /// One chunk-size line with its extensions → 400 when exceeded (extensions are tolerated, not unbounded).
    public var maxChunkLineBytes: Int = 1024

    public init() {}
    public init(maxRequestLineBytes: Int = 8 * 1024, maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100,
                maxBodyBytes: Int = 1024 * 1024, maxChunkLineBytes: Int = 1024) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxChunkLineBytes = maxChunkLineBytes
    }
}

/// Why a request could not be parsed. The reason is for logs and tests; clients get a generic page.
public enum HTTPParseError: Error, Equatable, Sendable {
    case requestLineTooLong
    case headerSectionTooLarge
    case tooManyHeaders
    case bodyTooLarge
    case unsupportedVersion
    case malformed(String)

    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: .uriTooLong
        case .headerSectionTooLarge, .tooManyHeaders: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .unsupportedVersion: .httpVersionNotSupported
        case .malformed: .badRequest
        }
    }
}
