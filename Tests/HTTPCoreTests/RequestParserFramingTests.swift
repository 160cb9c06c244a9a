import Testing
@testable import HTTPCore

@Suite("Request parser: valid messages, fed whole and in random splits")
struct RequestParserFramingTests {
    @Test func simpleGetKeepsHeadersInOrderIncludingRepeats() {
        let (outcome, disagreements) = ParserHarness.parseInEverySplit(
            "GET /a?b=1 HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nX-Tag: one\r\nx-tag: two\r\n\r\n")
        #expect(disagreements == 0)
        guard case .requests(let requests) = outcome, let request = requests.first else {
            Issue.record("expected a request, got \(outcome)"); return
        }
        #expect(requests.count == 1)
        #expect(request.method == "GET")
        #expect(request.target == "/a?b=1")
        #expect(request.headers == ["Host: x", "Accept: text/html", "X-Tag: one", "x-tag: two"])
    }

    @Test func twoPipelinedRequestsComeOutInOrder() {
        let (outcome, disagreements) = ParserHarness.parseInEverySplit(
            "POST /one HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /two HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(disagreements == 0)
        #expect(outcome == .requests([
            .init(HTTPRequest(method: "POST", target: "/one", headers: ["Host": "x", "Content-Length": "5"], body: Array("hello".utf8))),
            .init(HTTPRequest(method: "GET", target: "/two", headers: ["Host": "x"])),
        ]))
    }

    @Test func chunkedBodyWithExtensionsAndTrailersIsDecoded() {
        let (outcome, disagreements) = ParserHarness.parseInEverySplit(
            "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n7 ; ext\r\n, monde\r\n0\r\nX-Trailer: yes\r\n\r\n"
            + "GET /next HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(disagreements == 0)
        guard case .requests(let requests) = outcome else { Issue.record("\(outcome)"); return }
        #expect(requests.map(\.body) == ["hello, monde", ""])
        #expect(requests.map(\.target) == ["/c", "/next"])
        // Trailers are dropped, never merged into the head.
        #expect(!requests[0].headers.contains("X-Trailer: yes"))
    }

    @Test func identicalDuplicateContentLengthIsOneLength() {
        let (outcome, _) = ParserHarness.parseInEverySplit("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc")
        guard case .requests(let requests) = outcome else { Issue.record("\(outcome)"); return }
        #expect(requests.first?.body == "abc")
    }

    @Test func leadingEmptyLinesAreIgnoredAndHTTP10NeedsNoHost() {
        let (outcome, disagreements) = ParserHarness.parseInEverySplit("\r\n\r\nGET / HTTP/1.0\r\n\r\n")
        #expect(disagreements == 0)
        guard case .requests(let requests) = outcome else { Issue.record("\(outcome)"); return }
        #expect(requests.count == 1)
    }

    @Test func keepAliveFollowsVersionAndConnectionHeader() {
        #expect(HTTPRequest(method: "GET", target: "/", version: .http11).keepAlive)
        #expect(!HTTPRequest(method: "GET", target: "/", version: .http11, headers: ["Connection": "close"]).keepAlive)
        #expect(!HTTPRequest(method: "GET", target: "/", version: .http10).keepAlive)
        #expect(HTTPRequest(method: "GET", target: "/", version: .http10, headers: ["Connection": "Keep-Alive"]).keepAlive)
    }

    @Test func absoluteFormTargetYieldsItsPathAndQuery() {
        let request = HTTPRequest(method: "GET", target: "http://example.org/a/b?q=1")
        #expect(request.path == "/a/b")
        #expect(request.query == "q=1")
        #expect(HTTPRequest(method: "GET", target: "http://example.org").path == "/")
    }

    @Test func expectContinueIsSignalledUntilTheBodyArrives() throws {
        var parser = RequestParser()
        parser.append(Array("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".utf8))
        #expect(try parser.nextRequest() == nil)
        #expect(parser.expectsContinue)
        parser.continueSent()
        parser.append(Array("data".utf8))
        let request = try #require(try parser.nextRequest())
        #expect(request.body == Array("data".utf8))
    }
}
