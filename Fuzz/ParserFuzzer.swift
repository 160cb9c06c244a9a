// libFuzzer harness for the HTTP request parser and the small decoders next to it.
//
// Built together with Sources/HTTPCore/*.swift as one module (see Fuzz/run.sh), so it sees HTTPCore's
// internal API such as ByteClass. Every broken invariant traps, which libFuzzer records as a crash.
//
// Input layout:
//   byte 0   how the stream is split into reads: bits 0-1 pick the chunk size range
//            (0: one byte per read, 1: 1-8, 2: 1-64, 3: 1-512), bit 2 adds empty reads, the rest seeds the sizes;
//   byte 1   seeds the tiny ParserLimits of the second parser;
//   byte 2…  the bytes a client sends on one connection.
// Inputs shorter than three bytes are fed as they are, with both control bytes taken as zero.
//
// Checked for every input, with the production limits and with tiny ones:
//   - differential: the stream parsed from one read and from many reads gives the same requests; if the
//     single read fails, the split one fails too; the split one may fail earlier only where the single read
//     is still waiting for bytes (early rejection of a bad prefix). FUZZ_STRICT_ERRORS=1 also demands the
//     same status (400, 413, 414, 431, 505) and no early rejection;
//   - every request respects the limits and the grammar (method, target, version, fields, framing);
//   - once failed, the parser throws the same error forever, even when more bytes arrive;
//   - tighter limits only ever reject more: the tiny-limit parser's requests are a prefix of the others';
//   - FormData(urlEncoded:) equals an independent byte-level decoder; Cookies(headers:) does not crash.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Plumbing

/// Prints why, then traps: `preconditionFailure` alone prints nothing in -O builds.
func fail(_ message: @autoclosure () -> String, _ context: @autoclosure () -> String = "") -> Never {
    var text = "\n*** INVARIANT BROKEN: \(message())\n"
    let detail = context()
    if !detail.isEmpty { text += detail + "\n" }
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    preconditionFailure(message())
}

@inline(__always) func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fail(message()) }
}

/// Read once at start-up; 0 unless FUZZ_STRICT_ERRORS=1.
let strictErrors: Bool = getenv("FUZZ_STRICT_ERRORS").map { String(cString: $0) == "1" } ?? false

/// FUZZ_DEBUG=1 prints what each input parsed to (for checking seeds; far too slow for fuzzing).
let debugOutput: Bool = getenv("FUZZ_DEBUG").map { String(cString: $0) == "1" } ?? false

func debugPrint(_ text: @autoclosure () -> String) {
    if debugOutput { debugPrintAlways(text()) }
}

/// SplitMix64: deterministic, so a crash input replays identically.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0xD1B5_4A32_D192_ED03 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func upTo(_ n: Int) -> Int { Int(next() % UInt64(n + 1)) }
}

func describe(_ bytes: some Collection<UInt8>) -> String {
    var out = "\""
    for b in bytes.prefix(600) {
        switch b {
        case 0x0D: out += "\\r"
        case 0x0A: out += "\\n"
        case 0x09: out += "\\t"
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(b))
        default:
            let hex = Array("0123456789abcdef".utf8)
            out += "\\x" + String(decoding: [hex[Int(b >> 4)], hex[Int(b & 15)]], as: UTF8.self)
        }
    }
    return out + (bytes.count > 600 ? "…(\(bytes.count) bytes)\"" : "\"")
}

// MARK: - Feeding the parser

struct Outcome {
    var requests: [HTTPRequest] = []
    var error: HTTPParseError?
    var isMidRequest = false
    var isReceivingBody = false
    var expectsContinue = false
}

/// Sizes of successive reads covering `total` bytes; `nil` means a single read.
func chunkSizes(total: Int, control: UInt8) -> [Int] {
    var rng = SplitMix(UInt64(control) &+ UInt64(total) << 8)
    let maxChunk = [1, 8, 64, 512][Int(control & 3)]
    let emptyReads = control & 4 != 0
    var sizes: [Int] = []
    var left = total
    while left > 0 {
        if emptyReads, rng.upTo(3) == 0 { sizes.append(0) }
        let n = min(left, 1 + rng.upTo(maxChunk - 1))
        sizes.append(n)
        left -= n
    }
    if emptyReads { sizes.append(0) }
    return sizes
}

let probe = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)

func parse(_ payload: [UInt8], limits: ParserLimits, sizes: [Int]?) -> Outcome {
    var parser = RequestParser(limits: limits)
    var outcome = Outcome()

    /// Drains every complete request; returns false once the parser has failed.
    func drain() -> Bool {
        do {
            while let request = try parser.nextRequest() {
                checkRequest(request, limits: limits, payload: payload)
                outcome.requests.append(request)
            }
            // Asking again without new bytes must still say "need more", not invent a request.
            if sizes == nil, let extra = try parser.nextRequest() {
                fail("nextRequest returned a request twice for the same bytes: \(extra.method) \(extra.target)",
                     "payload: \(describe(payload))")
            }
            return true
        } catch {
            outcome.error = error
            return false
        }
    }

    func assertStillFailed(_ when: String) {
        guard let failure = outcome.error else { return }
        do {
            let request = try parser.nextRequest()
            fail("parser recovered after \(failure) (\(when)): returned \(request.map { "\($0.method) \($0.target)" } ?? "nil")",
                 "payload: \(describe(payload))")
        } catch {
            check(error == failure, "parser changed its error after failing (\(when)): \(failure) then \(error)")
        }
    }

    if let sizes {
        var offset = 0
        for (index, size) in sizes.enumerated() {
            let chunk = payload[offset..<offset + size]
            offset += size
            if index & 1 == 0 {
                parser.append(Array(chunk))
            } else {
                chunk.withUnsafeBytes { parser.append($0) }
            }
            if outcome.error != nil {
                assertStillFailed("after another read")
            } else {
                _ = drain()
            }
        }
        check(offset == payload.count, "harness: chunk sizes do not add up")
    } else {
        parser.append(payload)
        _ = drain()
    }

    if outcome.error != nil {
        assertStillFailed("asked again")
        parser.append(probe)
        assertStillFailed("after a valid request was appended")
    } else {
        outcome.isMidRequest = parser.isMidRequest
        outcome.isReceivingBody = parser.isReceivingBody
        outcome.expectsContinue = parser.expectsContinue
        check(!outcome.isReceivingBody || outcome.isMidRequest, "isReceivingBody without isMidRequest")
        check(!outcome.expectsContinue || outcome.isReceivingBody, "expectsContinue outside a body")
    }
    return outcome
}

// MARK: - Per-request invariants

func isToken(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy(ByteClass.isToken) }

/// A lower bound on the bytes a decoded field value took on the wire: invalid UTF-8 (obs-text) became U+FFFD,
/// three bytes standing for one or more received ones.
func receivedBytes(_ value: String) -> Int {
    value.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : UTF8.width($1)) }
}

func checkRequest(_ r: HTTPRequest, limits: ParserLimits, payload: [UInt8]) {
    func origin() -> String { "request \(r.method) \(describe(r.target.utf8)) from payload \(describe(payload))" }
    check(isToken(r.method), "method is not a non-empty token: \(describe(r.method.utf8)); \(origin())")
    check(!r.target.isEmpty, "empty target; \(origin())")
    check(r.target.utf8.allSatisfy(ByteClass.isTarget), "target has a byte outside visible ASCII; \(origin())")
    let lowered = r.target.lowercased()
    check(r.target.hasPrefix("/") || (r.target == "*" && r.method == "OPTIONS")
          || lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), "target form; \(origin())")
    check(r.version == .http10 || r.version == .http11, "version \(r.version); \(origin())")
    check(r.method.utf8.count + r.target.utf8.count + 10 <= limits.maxRequestLineBytes,
          "request line longer than maxRequestLineBytes=\(limits.maxRequestLineBytes); \(origin())")
    check(r.remoteAddress == nil, "parser set remoteAddress; \(origin())")

    check(r.headers.count <= limits.maxHeaderCount,
          "\(r.headers.count) fields > maxHeaderCount=\(limits.maxHeaderCount); \(origin())")
    check(r.body.count <= limits.maxBodyBytes, "body \(r.body.count) > maxBodyBytes=\(limits.maxBodyBytes); \(origin())")
    var headerBytes = 0
    for (name, value) in r.headers {
        check(isToken(name), "field name is not a token: \(describe(name.utf8)); \(origin())")
        check(value.utf8.allSatisfy(ByteClass.isFieldValue), "field value has a control byte: \(describe(value.utf8)); \(origin())")
        if let first = value.utf8.first, let last = value.utf8.last {
            check(first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09, "field value not trimmed; \(origin())")
        }
        headerBytes += name.utf8.count + 1 + receivedBytes(value) + 2
    }
    check(headerBytes <= limits.maxHeaderBytes, "header section \(headerBytes) > maxHeaderBytes=\(limits.maxHeaderBytes); \(origin())")

    // Framing (RFC 9112 §6): what a smuggling-safe parser may let through.
    let hosts = r.headers.values(for: "Host")
    check(r.version == .http11 ? hosts.count == 1 : hosts.count <= 1, "\(hosts.count) Host fields; \(origin())")
    let te = r.headers.values(for: "Transfer-Encoding")
    let cl = r.headers.values(for: "Content-Length")
    if !te.isEmpty {
        check(r.version == .http11, "Transfer-Encoding accepted in HTTP/1.0; \(origin())")
        check(cl.isEmpty, "Transfer-Encoding and Content-Length both accepted; \(origin())")
        check(r.headers.tokens(for: "Transfer-Encoding") == ["chunked"], "transfer coding other than chunked; \(origin())")
    } else if !cl.isEmpty {
        let numbers = cl.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { element -> Int? in
                let digits = element.trimmingASCIIWhitespace()
                return digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int(digits) : nil
            }
        check(numbers.allSatisfy { $0 != nil && $0 == numbers[0] }, "Content-Length values \(cl) accepted; \(origin())")
        check(numbers[0] == r.body.count, "Content-Length \(cl) but body of \(r.body.count) bytes; \(origin())")
    } else {
        check(r.body.isEmpty, "body without Content-Length or Transfer-Encoding; \(origin())")
    }

    // Derived views must not crash and must stay well-formed.
    let path = r.path
    check(path.first == "/" || path == "*", "path \(describe(path.utf8)); \(origin())")
    if let query = r.query { checkForm(query.utf8, label: "query") }
    _ = r.keepAlive
    checkCookies(r.headers)
    if !r.body.isEmpty { checkForm(r.body, label: "body") }
}

// MARK: - Comparing outcomes

func same(_ a: HTTPRequest, _ b: HTTPRequest) -> Bool {
    a.method == b.method && a.target == b.target && a.version == b.version && a.body == b.body
        && a.headers.count == b.headers.count
        && zip(a.headers, b.headers).allSatisfy { Array($0.name.utf8) == Array($1.name.utf8) && Array($0.value.utf8) == Array($1.value.utf8) }
}

func summary(_ o: Outcome) -> String {
    let requests = o.requests.map { "\($0.method) \(describe($0.target.utf8)) body=\($0.body.count)" }
    return "\(o.requests.count) request(s) \(requests), error=\(o.error.map { "\($0)" } ?? "none"), "
        + "mid=\(o.isMidRequest) body=\(o.isReceivingBody) continue=\(o.expectsContinue)"
}

/// `whole` read everything at once; `split` got the same bytes in several reads.
func compareSplit(_ whole: Outcome, _ split: Outcome, _ label: String, _ limits: ParserLimits, _ payload: [UInt8], _ sizes: [Int]) {
    func context() -> String { "limits: \(limits)\npayload: \(describe(payload))\nreads: \(sizes.prefix(200))\nwhole: \(summary(whole))\nsplit: \(summary(split))" }
    guard whole.requests.count == split.requests.count, zip(whole.requests, split.requests).allSatisfy(same) else {
        fail("\(label): one read and split reads give different requests", context())
    }
    switch (whole.error, split.error) {
    case (nil, nil):
        guard whole.isMidRequest == split.isMidRequest, whole.isReceivingBody == split.isReceivingBody,
              whole.expectsContinue == split.expectsContinue else {
            fail("\(label): one read and split reads end in different states", context())
        }
    case (.some, nil):
        fail("\(label): one read fails, split reads do not", context())
    case (nil, .some):
        // Early rejection: the split parser saw a bad prefix that the other is still waiting on.
        if !whole.isMidRequest || strictErrors {
            fail("\(label): split reads fail where one read does not", context())
        }
    case let (.some(a), .some(b)):
        if strictErrors && a.status != b.status { fail("\(label): errors with different statuses", context()) }
    }
}

func debugPrintAlways(_ text: String) {
    (text + "\n").utf8CString.withUnsafeBufferPointer { _ = write(2, $0.baseAddress, $0.count - 1) }
}

/// Tighter limits may only reject more, never accept something else.
func compareLimits(loose: Outcome, tight: Outcome, payload: [UInt8], tiny: ParserLimits) {
    func context() -> String { "payload: \(describe(payload))\ntiny limits: \(tiny)\ndefault: \(summary(loose))\ntiny: \(summary(tight))" }
    guard tight.requests.count <= loose.requests.count,
          zip(tight.requests, loose.requests).allSatisfy(same) else {
        fail("tiny limits accepted requests the default limits did not", context())
    }
    if tight.error == nil {
        guard tight.requests.count == loose.requests.count, loose.error == nil,
              tight.isMidRequest == loose.isMidRequest, tight.isReceivingBody == loose.isReceivingBody,
              tight.expectsContinue == loose.expectsContinue else {
            fail("tiny limits never failed, yet the outcome differs", context())
        }
    }
}

// MARK: - FormData and Cookies

/// An independent, byte-level application/x-www-form-urlencoded decoder to compare FormData with.
func referenceForm(_ bytes: [UInt8]) -> [([UInt8], [UInt8])]? {
    func decode(_ part: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var i = part.startIndex
        while i < part.endIndex {
            let b = part[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < part.endIndex,
                      let h = ByteClass.hexValue(part[i + 1]), let l = ByteClass.hexValue(part[i + 2]) else { return nil }
                out.append(UInt8(h * 16 + l))
                i += 3
            } else {
                out.append(b == UInt8(ascii: "+") ? 0x20 : b)
                i += 1
            }
        }
        // Valid UTF-8 exactly when decoding does not substitute U+FFFD anywhere.
        return Array(String(decoding: out, as: UTF8.self).utf8) == out ? out : nil
    }
    var fields: [([UInt8], [UInt8])] = []
    var pairStart = 0
    for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "&") {
        defer { pairStart = i + 1 }
        if i == pairStart { continue }
        let pair = bytes[pairStart..<i]
        let eq = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
        guard let name = decode(pair[pair.startIndex..<eq]) else { return nil }
        guard let value = eq < pair.endIndex ? decode(pair[(eq + 1)...]) : [] else { return nil }
        fields.append((name, value))
    }
    return fields
}

func checkForm(_ input: some Collection<UInt8>, label: String) {
    let bytes = Array(input)
    let form = FormData(urlEncoded: input)
    let expected = referenceForm(bytes)
    func context() -> String { "\(label) input: \(describe(bytes))" }
    switch (form, expected) {
    case (nil, nil): return
    case (.some, nil): fail("FormData accepted a form the reference rejects", context())
    case (nil, .some): fail("FormData rejected a form the reference accepts", context())
    case let (.some(form), .some(expected)):
        guard form.fields.count == expected.count else { fail("FormData field count \(form.fields.count) ≠ \(expected.count)", context()) }
        for (field, (name, value)) in zip(form.fields, expected) {
            guard Array(field.name.utf8) == name, Array(field.value.utf8) == value else {
                fail("FormData field \(describe(field.name.utf8))=\(describe(field.value.utf8)) ≠ \(describe(name))=\(describe(value))", context())
            }
            // A Swift String is valid Unicode by construction; re-validating its bytes must agree.
            check(String(validating: field.name.utf8, as: UTF8.self) != nil, "FormData name is not valid UTF-8")
            check(String(validating: field.value.utf8, as: UTF8.self) != nil, "FormData value is not valid UTF-8")
        }
        if let first = form.fields.first { check(form[first.name] != nil, "FormData subscript lost a field") }
    }
}

func checkCookies(_ headers: HTTPHeaders) {
    let cookies = Cookies(headers: headers)
    for (name, value) in cookies.values {
        check(!name.isEmpty, "Cookies kept an empty name")
        check(name.utf8.first != 0x20 && name.utf8.last != 0x20 && name.utf8.first != 0x09 && name.utf8.last != 0x09,
              "Cookies name not trimmed: \(describe(name.utf8))")
        check(cookies[name].map { Array($0.utf8) } == Array(value.utf8), "Cookies subscript disagrees with values")
    }
}

// MARK: - Entry point

let defaultLimits = ParserLimits()

func tinyLimits(_ control: UInt8) -> ParserLimits {
    var rng = SplitMix(0x7E57 &+ UInt64(control))
    return ParserLimits(maxRequestLineBytes: rng.upTo(64), maxHeaderBytes: rng.upTo(160), maxHeaderCount: rng.upTo(6),
                        maxBodyBytes: rng.upTo(64), maxChunkLineBytes: rng.upTo(24))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let splitControl = size >= 3 ? input[0] : 0
    let limitControl = size >= 3 ? input[1] : 0
    let payload = size >= 3 ? Array(input[2...]) : Array(input)

    let sizes = chunkSizes(total: payload.count, control: splitControl)
    let tiny = tinyLimits(limitControl)

    let whole = parse(payload, limits: defaultLimits, sizes: nil)
    let split = parse(payload, limits: defaultLimits, sizes: sizes)
    compareSplit(whole, split, "default limits", defaultLimits, payload, sizes)

    let tinyWhole = parse(payload, limits: tiny, sizes: nil)
    let tinySplit = parse(payload, limits: tiny, sizes: sizes)
    compareSplit(tinyWhole, tinySplit, "tiny limits", tiny, payload, sizes)
    compareLimits(loose: whole, tight: tinyWhole, payload: payload, tiny: tiny)
    debugPrint("default: \(summary(whole))\ntiny:    \(summary(tinyWhole)) with \(tiny)")

    // The same bytes as a form body and as a Cookie header value.
    checkForm(payload, label: "raw")
    var cookieHeader = HTTPHeaders()
    cookieHeader.add("Cookie", String(decoding: payload, as: UTF8.self))
    cookieHeader.add("cookie", "a=1; b=\"2\"")
    checkCookies(cookieHeader)
    return 0
}
