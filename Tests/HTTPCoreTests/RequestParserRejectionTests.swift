import Testing
@testable import HTTPCore

@Suite("Request parser: limits and framing errors, fed whole and in random splits")
struct RequestParserRejectionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let status: Int
        var testDescription: String { name }
    }

    static let limits = ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 32, maxChunkLineBytes: 32)

    static let cases: [Case] = [
        Case(name: "request line too long → 414", input: "GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\r\nHost: x\r\n\r\n", status: 414),
        Case(name: "request line too long, no CRLF yet → 414", input: "GET /" + String(repeating: "a", count: 100), status: 414),
        Case(name: "header section too large → 431", input: "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 300) + "\r\n\r\n", status: 431),
        Case(name: "header section too large, unfinished → 431", input: "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 300), status: 431),
        Case(name: "too many headers → 431", input: "GET / HTTP/1.1\r\nHost: x\r\n" + (1...9).map { "X-\($0): v\r\n" }.joined() + "\r\n", status: 431),
        Case(name: "Content-Length above the body limit → 413", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 33\r\n\r\n", status: 413),
        Case(name: "huge Content-Length → 413", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", status: 413),
        Case(name: "chunked body above the limit → 413", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n" + String(repeating: "c", count: 32) + "\r\n1\r\nd\r\n0\r\n\r\n", status: 413),
        Case(name: "chunk size overflow → 413", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n", status: 413),
        Case(name: "Content-Length and Transfer-Encoding → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "differing Content-Length → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", status: 400),
        Case(name: "differing Content-Length in one list → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 4\r\n\r\nabcd", status: 400),
        Case(name: "non-numeric Content-Length → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3a\r\n\r\nabc", status: 400),
        Case(name: "negative Content-Length → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", status: 400),
        Case(name: "unknown transfer coding → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 400),
        Case(name: "chunked twice → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", status: 400),
        Case(name: "Transfer-Encoding in HTTP/1.0 → 400", input: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "obs-fold → 400", input: "GET / HTTP/1.1\r\nHost: x\r\nX-A: one\r\n two\r\n\r\n", status: 400),
        Case(name: "space before colon → 400", input: "GET / HTTP/1.1\r\nHost : x\r\n\r\n", status: 400),
        Case(name: "invalid header name → 400", input: "GET / HTTP/1.1\r\nHost: x\r\nBad(Name): v\r\n\r\n", status: 400),
        Case(name: "NUL in header value → 400", input: "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\n\r\n", status: 400),
        Case(name: "bare CR in header value → 400", input: "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", status: 400),
        Case(name: "bare LF line ending → 400", input: "GET / HTTP/1.1\nHost: x\n\n", status: 400),
        Case(name: "missing Host in HTTP/1.1 → 400", input: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", status: 400),
        Case(name: "two Host fields → 400", input: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
        Case(name: "HTTP/2.0 → 505", input: "GET / HTTP/2.0\r\nHost: x\r\n\r\n", status: 505),
        Case(name: "lowercase version → 400", input: "GET / http/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "two spaces in request line → 400", input: "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "relative target → 400", input: "GET a/b HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "non-ASCII target → 400", input: "GET /é HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
        Case(name: "bad chunk size → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", status: 400),
        Case(name: "chunk data without CRLF → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY0\r\n\r\n", status: 400),
        Case(name: "chunk extension too long → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;" + String(repeating: "e", count: 40) + "\r\n", status: 400),
        Case(name: "control byte in chunk extension → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;a\u{1}\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "trailer obs-fold → 400", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n fold\r\n\r\n", status: 400),
    ]

    @Test(arguments: cases)
    func rejects(_ testCase: Case) {
        let (outcome, disagreements) = ParserHarness.parseInEverySplit(testCase.input, limits: Self.limits)
        guard case .failure(let error, let before) = outcome else {
            Issue.record("expected \(testCase.status), got \(outcome)"); return
        }
        #expect(error.status.code == testCase.status)
        #expect(before.isEmpty)
        #expect(disagreements == 0, "every split must fail the same way")
    }

    @Test func aFailedParserStaysFailed() {
        var parser = RequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nHost : x\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.nextRequest() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.nextRequest() }
    }

    @Test func aValidRequestBeforeASmugglingAttemptIsStillServed() {
        let outcome = ParserHarness.parse(Array(("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n"
            + "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n").utf8), cuts: [])
        guard case .failure(let error, let before) = outcome else { Issue.record("\(outcome)"); return }
        #expect(error.status.code == 400)
        #expect(before.map(\.target) == ["/ok"])
    }
}

/// Regressions found by the fuzzer (make fuzz): limits must not depend on where reads split.
@Suite("Request parser: limits are exact whatever the split")
struct RequestParserBoundaryTests {
    static let limits = ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 32, maxChunkLineBytes: 32)

    @Test func requestLineOfExactlyTheLimitIsAcceptedWhenItsCRLFIsSplit() {
        let target = "/" + String(repeating: "a", count: 64 - "GET  HTTP/1.1".count - 1)
        let line = "GET \(target) HTTP/1.1"
        #expect(line.utf8.count == 64)
        let (outcome, disagreements) = ParserHarness.parseInEverySplit(line + "\r\nHost: x\r\n\r\n", limits: Self.limits)
        #expect(disagreements == 0)
        guard case .requests(let requests) = outcome else { Issue.record("\(outcome)"); return }
        #expect(requests.count == 1)
        // And one byte more is refused, whatever the split.
        let (longer, _) = ParserHarness.parseInEverySplit("GET \(target)a HTTP/1.1\r\nHost: x\r\n\r\n", limits: Self.limits)
        guard case .failure(let error, _) = longer else { Issue.record("\(longer)"); return }
        #expect(error == .requestLineTooLong)
    }

    @Test func headerSectionOfExactlyTheLimitIsAcceptedWhenItsLastCRLFIsSplit() {
        let filler = "X-F: " + String(repeating: "v", count: 256 - "Host: x\r\n".utf8.count - "X-F: \r\n".utf8.count)
        let head = "GET / HTTP/1.1\r\nHost: x\r\n\(filler)\r\n\r\n"
        let (outcome, disagreements) = ParserHarness.parseInEverySplit(head, limits: Self.limits)
        #expect(disagreements == 0)
        guard case .requests(let requests) = outcome else { Issue.record("\(outcome)"); return }
        #expect(requests.count == 1)
    }

    @Test func chunkLineOfExactlyTheLimitIsAcceptedWhenItsCRLFIsSplit() {
        let line = "3;" + String(repeating: "e", count: 30)
        #expect(line.utf8.count == 32)
        let (outcome, disagreements) = ParserHarness.parseInEverySplit(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\(line)\r\nabc\r\n0\r\n\r\n", limits: Self.limits)
        #expect(disagreements == 0)
        guard case .requests(let requests) = outcome else { Issue.record("\(outcome)"); return }
        #expect(requests.first?.body == "abc")
    }

    @Test func anEndlessRunOfEmptyLinesIsRefused() throws {
        var parser = RequestParser()
        parser.append(Array(String(repeating: "\r\n", count: 8).utf8))
        #expect(try parser.nextRequest() == nil)
        parser.append(Array("\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.nextRequest() }
    }

    @Test func chunkFramingCannotDwarfTheBody() {
        // 1-byte chunks each with a 30-byte extension: framing far beyond the body it carries.
        let chunks = String(repeating: "1;" + String(repeating: "e", count: 28) + "\r\nx\r\n", count: 20)
        let outcome = ParserHarness.parse(Array(("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n").utf8),
                                          cuts: [], limits: ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 400, maxChunkLineBytes: 32))
        guard case .failure(let error, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(error == .bodyTooLarge)
    }
}
