/// An incremental HTTP/1.1 request parser (RFC 9112).
///
/// Bytes arrive in any split; `nextRequest()` returns a request once its head and whole body are in.
/// Pipelined requests come out one by one, in order. Framing is never guessed: anything that two
/// implementations could read differently (request smuggling, RFC 9112 §6.3 and §11.2) is an error.
/// After an error the parser stays failed: the connection must answer and close.
public struct RequestParser: Sendable {
    public let limits: ParserLimits
    private var buffer: [UInt8] = []
    /// Bytes before this index are consumed.
    private var start = 0
    /// Where the search for the end of the head resumes, so a slow sender costs linear time, not quadratic.
    private var scanFrom = 0
    private var state: State = .head
    private var failure: HTTPParseError?
    /// Empty lines skipped before the current request line.
    private var leadingEmptyLines = 0
    /// Chunk-size lines (with extensions) of the current request, in bytes.
    private var chunkFramingBytes = 0
    static let maxLeadingEmptyLines = 8
    /// Set when a head announcing a body with `Expect: 100-continue` was parsed and the body is not in yet.
    public private(set) var expectsContinue = false

    private enum State: Sendable {
        case head
        case fixedBody(HTTPRequest, length: Int)
        case chunkSize(HTTPRequest)
        case chunkData(HTTPRequest, remaining: Int)
        case chunkDataEnd(HTTPRequest)
        case trailers(HTTPRequest, bytes: Int)
    }

    public init(limits: ParserLimits = ParserLimits()) { self.limits = limits }

    /// True while part of a request has been received but not the whole of it.
    public var isMidRequest: Bool {
        if case .head = state { return buffer.count > start }
        return true
    }

    /// The version of the request whose body is arriving, if any.
    public var pendingVersion: HTTPVersion? {
        switch state {
        case .head: nil
        case .fixedBody(let request, _), .chunkSize(let request), .chunkData(let request, _), .chunkDataEnd(let request), .trailers(let request, _):
            request.version
        }
    }

    /// True once a head has been parsed and its body is still arriving.
    public var isReceivingBody: Bool {
        if case .head = state { return false }
        return true
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) { buffer.append(contentsOf: bytes) }
    public mutating func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// Acknowledges that the interim 100 (Continue) answer was sent.
    public mutating func continueSent() { expectsContinue = false }

    /// The next complete request, or nil if more bytes are needed.
    public mutating func nextRequest() throws(HTTPParseError) -> HTTPRequest? {
        if let failure { throw failure }
        do {
            let request = try step()
            if request != nil {
                leadingEmptyLines = 0
                chunkFramingBytes = 0
            }
            // Consumed bytes are dropped as they go, not only per request: a body arriving in many
            // reads must not keep every chunk line it went through.
            compact()
            return request
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func step() throws(HTTPParseError) -> HTTPRequest? {
        while true {
            switch state {
            case .head:
                guard let request = try parseHead() else { return nil }
                if let done = try beginBody(request) { return done }
            case .fixedBody(var request, let length):
                guard buffer.count - start >= length else { return nil }
                request.body = Array(buffer[start..<start + length])
                start += length
                state = .head
                expectsContinue = false
                return request
            case .chunkSize(let request):
                guard let size = try parseChunkSizeLine() else { return nil }
                if size == 0 {
                    state = .trailers(request, bytes: 0)
                } else {
                    guard request.body.count + size <= limits.maxBodyBytes else { throw .bodyTooLarge }
                    state = .chunkData(request, remaining: size)
                }
            case .chunkData(var request, let remaining):
                let available = min(remaining, buffer.count - start)
                guard available > 0 else { return nil }
                request.body.append(contentsOf: buffer[start..<start + available])
                start += available
                state = remaining == available ? .chunkDataEnd(request) : .chunkData(request, remaining: remaining - available)
            case .chunkDataEnd(let request):
                guard buffer.count - start >= 2 else { return nil }
                guard buffer[start] == ByteClass.cr, buffer[start + 1] == ByteClass.lf else {
                    throw .malformed("chunk data not followed by CRLF")
                }
                start += 2
                state = .chunkSize(request)
            case .trailers(let request, let bytes):
                // Trailer fields are tolerated and dropped (RFC 9112 §7.1.2): nothing here reads them,
                // and merging them into the head would let a sender add fields after the fact.
                guard let lineEnd = findCRLF(from: start) else {
                    if bytes + buffer.count - start > limits.maxHeaderBytes { throw .headerSectionTooLarge }
                    return nil
                }
                let length = lineEnd - start
                if length == 0 {
                    start += 2
                    state = .head
                    expectsContinue = false
                    return request
                }
                try validateFieldLine(start, lineEnd)
                guard bytes + length + 2 <= limits.maxHeaderBytes else { throw .headerSectionTooLarge }
                start = lineEnd + 2
                state = .trailers(request, bytes: bytes + length + 2)
            }
        }
    }

    // MARK: head

    private mutating func parseHead() throws(HTTPParseError) -> HTTPRequest? {
        // RFC 9112 §2.2: empty lines before the request line are ignored — a few of them. An endless
        // stream of them is not a client being lenient-worthy: it would hold the connection forever.
        while buffer.count - start >= 2, buffer[start] == ByteClass.cr, buffer[start + 1] == ByteClass.lf {
            start += 2
            leadingEmptyLines += 1
            if leadingEmptyLines > Self.maxLeadingEmptyLines { throw .malformed("too many empty lines") }
        }
        scanFrom = max(scanFrom, start)
        guard let lineEnd = findCRLF(from: start, limit: limits.maxRequestLineBytes) else {
            // `+ 1`: the CR of a CRLF whose LF is still in flight is not part of the line.
            if buffer.count - start > limits.maxRequestLineBytes + 1 { throw .requestLineTooLong }
            try rejectBareLineFeed(start, buffer.count)
            return nil
        }
        guard let headEnd = findHeadEnd(from: lineEnd) else {
            // `+ 1`: the CR of the final empty line may be in while its LF is not.
            if buffer.count - lineEnd - 2 > limits.maxHeaderBytes + 1 { throw .headerSectionTooLarge }
            return nil
        }
        var request = try parseRequestLine(start, lineEnd)
        var headerBytes = 0
        var lineStart = lineEnd + 2
        while lineStart < headEnd {
            guard let end = findCRLF(from: lineStart), end <= headEnd else { throw .malformed("header line") }
            headerBytes += end - lineStart + 2
            if headerBytes > limits.maxHeaderBytes { throw .headerSectionTooLarge }
            if request.headers.count >= limits.maxHeaderCount { throw .tooManyHeaders }
            let (name, value) = try parseFieldLine(lineStart, end)
            request.headers.add(name, value)
            lineStart = end + 2
        }
        start = headEnd + 2
        scanFrom = start
        return request
    }

    /// Finds the empty line ending the head, scanning only bytes not seen before.
    private mutating func findHeadEnd(from requestLineEnd: Int) -> Int? {
        // The head ends at the first CRLF directly preceded by another CRLF (an empty line).
        var i = max(scanFrom, requestLineEnd + 2)
        while i + 1 < buffer.count {
            if buffer[i] == ByteClass.cr, buffer[i + 1] == ByteClass.lf,
               buffer[i - 2] == ByteClass.cr, buffer[i - 1] == ByteClass.lf {
                return i
            }
            i += 1
        }
        scanFrom = max(requestLineEnd + 2, buffer.count - 1)
        return nil
    }

    private func findCRLF(from: Int, limit: Int = .max) -> Int? {
        var i = from
        let end = buffer.count - 1
        while i < end {
            if buffer[i] == ByteClass.cr && buffer[i + 1] == ByteClass.lf { return i }
            if i - from > limit { return nil }
            i += 1
        }
        return nil
    }

    /// A bare LF or CR inside what should be the request line is malformed; say so early rather than wait.
    private func rejectBareLineFeed(_ from: Int, _ to: Int) throws(HTTPParseError) {
        for i in from..<to where buffer[i] == ByteClass.lf { throw .malformed("bare LF") }
    }

    private func parseRequestLine(_ from: Int, _ to: Int) throws(HTTPParseError) -> HTTPRequest {
        guard to - from <= limits.maxRequestLineBytes else { throw .requestLineTooLong }
        // request-line = method SP request-target SP HTTP-version (RFC 9112 §3): exactly one space each.
        var i = from
        while i < to, ByteClass.isToken(buffer[i]) { i += 1 }
        guard i > from, i < to, buffer[i] == ByteClass.sp else { throw .malformed("method") }
        let method = String(decoding: buffer[from..<i], as: UTF8.self)
        let targetStart = i + 1
        var j = targetStart
        while j < to, ByteClass.isTarget(buffer[j]) { j += 1 }
        guard j > targetStart, j < to, buffer[j] == ByteClass.sp else { throw .malformed("request-target") }
        let target = String(decoding: buffer[targetStart..<j], as: UTF8.self)
        guard target.hasPrefix("/") || (target == "*" && method == "OPTIONS")
            || target.lowercased().hasPrefix("http://") || target.lowercased().hasPrefix("https://")
        else { throw .malformed("request-target form") }
        let version = try parseVersion(j + 1, to)
        return HTTPRequest(method: method, target: target, version: version)
    }

    private func parseVersion(_ from: Int, _ to: Int) throws(HTTPParseError) -> HTTPVersion {
        // HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 §2.3), case-sensitive.
        guard to - from == 8,
              buffer[from..<from + 5].elementsEqual("HTTP/".utf8),
              buffer[from + 6] == UInt8(ascii: "."),
              let major = ByteClass.hexValue(buffer[from + 5]), major < 10,
              let minor = ByteClass.hexValue(buffer[from + 7]), minor < 10
        else { throw .malformed("version") }
        guard major == 1 else { throw .unsupportedVersion }
        // A higher 1.x minor version is answered as 1.1 (RFC 9110 §6.2).
        return minor == 0 ? .http10 : .http11
    }

    private func validateFieldLine(_ from: Int, _ to: Int) throws(HTTPParseError) { _ = try parseFieldLine(from, to) }

    private func parseFieldLine(_ from: Int, _ to: Int) throws(HTTPParseError) -> (String, String) {
        // obs-fold (a line starting with whitespace) is rejected, as RFC 9112 §5.2 allows for servers.
        guard from < to, buffer[from] != ByteClass.sp, buffer[from] != ByteClass.htab else {
            throw .malformed(from < to ? "obs-fold" : "empty header line")
        }
        var colon = from
        while colon < to, ByteClass.isToken(buffer[colon]) { colon += 1 }
        // No whitespace is allowed between the field name and the colon (RFC 9112 §5.1).
        guard colon > from, colon < to, buffer[colon] == UInt8(ascii: ":") else { throw .malformed("field name") }
        var valueStart = colon + 1
        var valueEnd = to
        while valueStart < valueEnd, buffer[valueStart] == ByteClass.sp || buffer[valueStart] == ByteClass.htab { valueStart += 1 }
        while valueEnd > valueStart, buffer[valueEnd - 1] == ByteClass.sp || buffer[valueEnd - 1] == ByteClass.htab { valueEnd -= 1 }
        for k in valueStart..<valueEnd where !ByteClass.isFieldValue(buffer[k]) { throw .malformed("field value") }
        return (String(decoding: buffer[from..<colon], as: UTF8.self), String(decoding: buffer[valueStart..<valueEnd], as: UTF8.self))
    }

    // MARK: body framing (RFC 9112 §6)

    private mutating func beginBody(_ request: HTTPRequest) throws(HTTPParseError) -> HTTPRequest? {
        let hosts = request.headers.values(for: "Host")
        if request.version == .http11 && hosts.count != 1 || hosts.count > 1 { throw .malformed("Host") }
        // Host = uri-host [ ":" port ] (RFC 9112 §3.2, RFC 3986 §3.2.2): no spaces, userinfo, paths or controls.
        if let host = hosts.first, !host.utf8.allSatisfy(ByteClass.isHostCharacter) { throw .malformed("Host value") }
        let transferEncodings = request.headers.values(for: "Transfer-Encoding")
        let contentLengths = request.headers.values(for: "Content-Length")
        let wantsContinue = request.headers["Expect"]?.equalsIgnoringASCIICase("100-continue") ?? false

        if !transferEncodings.isEmpty {
            guard request.version == .http11 else { throw .malformed("Transfer-Encoding in HTTP/1.0") }
            guard contentLengths.isEmpty else { throw .malformed("Content-Length with Transfer-Encoding") }
            guard request.headers.tokens(for: "Transfer-Encoding") == ["chunked"] else {
                throw .malformed("unsupported transfer coding")
            }
            state = .chunkSize(request)
            expectsContinue = wantsContinue
            return nil
        }
        guard let length = try contentLength(contentLengths), length > 0 else {
            state = .head
            return request
        }
        guard length <= limits.maxBodyBytes else { throw .bodyTooLarge }
        state = .fixedBody(request, length: length)
        expectsContinue = wantsContinue && buffer.count - start < length
        return nil
    }

    /// Content-Length = 1*DIGIT; a list of identical values is one value, differing ones are an error (RFC 9112 §6.3).
    private func contentLength(_ values: [String]) throws(HTTPParseError) -> Int? {
        var result: Int?
        for value in values {
            for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = element.trimmingASCIIWhitespace()
                guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    throw .malformed("Content-Length")
                }
                // More digits than any allowed body could need: too large, without overflowing Int.
                guard digits.utf8.count <= 15, let number = Int(digits) else { throw .bodyTooLarge }
                if let result, result != number { throw .malformed("differing Content-Length") }
                result = number
            }
        }
        return result
    }

    /// chunk-size [ chunk-ext ] CRLF; returns nil until the whole line is in.
    private mutating func parseChunkSizeLine() throws(HTTPParseError) -> Int? {
        guard let lineEnd = findCRLF(from: start, limit: limits.maxChunkLineBytes) else {
            if buffer.count - start > limits.maxChunkLineBytes + 1 { throw .malformed("chunk line too long") }
            return nil
        }
        guard lineEnd - start <= limits.maxChunkLineBytes else { throw .malformed("chunk line too long") }
        // Tiny chunks with long extensions would let framing bytes dwarf the body; they share a budget.
        chunkFramingBytes += lineEnd - start + 2
        if chunkFramingBytes > limits.maxHeaderBytes + limits.maxBodyBytes / 4 { throw .bodyTooLarge }
        var i = start
        var size = 0
        while i < lineEnd, let digit = ByteClass.hexValue(buffer[i]) {
            size = size * 16 + digit
            // Bounded while reading, so a long run of hex digits can neither overflow nor pass the limit.
            if size > limits.maxBodyBytes { throw .bodyTooLarge }
            i += 1
        }
        guard i > start else { throw .malformed("chunk size") }
        // chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS value ] ): tolerated, checked for control bytes only.
        var k = i
        while k < lineEnd, buffer[k] == ByteClass.sp || buffer[k] == ByteClass.htab { k += 1 }
        if k < lineEnd {
            guard buffer[k] == UInt8(ascii: ";") else { throw .malformed("chunk extension") }
            for b in buffer[k..<lineEnd] where !ByteClass.isFieldValue(b) { throw .malformed("chunk extension") }
        }
        start = lineEnd + 2
        return size
    }

    /// Drops consumed bytes once in a while; the common case (one request per read) empties the buffer.
    private mutating func compact() {
        if start == 0 { return }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
            scanFrom = 0
        } else if start > 4096 {
            buffer.removeFirst(start)
            scanFrom -= start
            start = 0
        }
    }
}
