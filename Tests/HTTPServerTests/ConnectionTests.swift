import Glibc
import HTTPCore
import TestSupport
import Testing
@testable import HTTPServer

@Suite("Live server: connections, framing and limits on a real socket")
struct ConnectionTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            for path in ["/a", "/b", "/c"] {
                client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
                let response = try await client.readResponse()
                #expect(response.status == 200)
                #expect(response.text.hasPrefix("path=\(path) "))
                #expect(response.header("Connection") == nil)
                #expect(response.header("Date")?.hasSuffix("GMT") == true)
            }
        }
    }

    @Test func pipelinedRequestsInOneWriteAreAnsweredInOrder() async throws {
        // The first answer is slower than the second: order must still hold.
        try await withTestServer(handler: { request in
            if request.path == "/slow" { try? await sleep(seconds: 0.2) }
            return .text(String(request.path))
        }) { _, port in
            let client = try RawClient(port: port)
            client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\nGET /fast HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await client.readResponse().text == "/slow")
            #expect(try await client.readResponse().text == "/fast")
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.header("Connection") == "close")
            #expect(await client.isClosedByServer())
        }
    }

    @Test func http10IsAnsweredIn10AndClosed() async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            client.send("GET /old HTTP/1.0\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.statusLine.hasPrefix("HTTP/1.0 200"))
            #expect(await client.isClosedByServer())
        }
    }

    @Test func http10KeepAliveIsConfirmed() async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            client.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try await client.readResponse().header("Connection") == "keep-alive")
            client.send("GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try await client.readResponse().text.hasPrefix("path=/again"))
        }
    }

    @Test func headHasHeadersButNoBody() async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            client.send("HEAD /x HTTP/1.1\r\nHost: t\r\n\r\nGET /y HTTP/1.1\r\nHost: t\r\n\r\n")
            let head = try await client.readResponse(head: true)
            #expect(head.status == 200)
            #expect(Int(head.header("Content-Length") ?? "") ?? 0 > 0)
            // Had the HEAD answer carried a body, this would read its bytes instead of the next response.
            #expect(try await client.readResponse().text.hasPrefix("path=/y"))
        }
    }

    @Test func chunkedAndContentLengthBodiesReachTheHandler() async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            client.send("POST /f HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
            #expect(try await client.readResponse().text == "path=/f body=abc")
            client.send("POST /g HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nwxyz")
            #expect(try await client.readResponse().text == "path=/g body=wxyz")
        }
    }

    @Test func expectContinueGetsAnInterimAnswer() async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            client.send("POST /e HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
            #expect(try await client.readResponse().status == 100)
            client.send("ok")
            #expect(try await client.readResponse().text == "path=/e body=ok")
        }
    }

    struct BadRequest: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let status: Int
        var testDescription: String { name }
    }

    static let badRequests: [BadRequest] = [
        BadRequest(name: "oversized header → 431", input: "GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + String(repeating: "a", count: 20_000) + "\r\n\r\n", status: 431),
        BadRequest(name: "CL + TE → 400", input: "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        BadRequest(name: "differing CL → 400", input: "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef", status: 400),
        BadRequest(name: "unknown coding → 400", input: "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: identity\r\n\r\n", status: 400),
        BadRequest(name: "long URI → 414", input: "GET /" + String(repeating: "u", count: 9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", status: 414),
        BadRequest(name: "huge body → 413", input: "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n", status: 413),
        BadRequest(name: "garbage → 400", input: "GARBAGE\r\n\r\n", status: 400),
    ]

    @Test(arguments: badRequests)
    func malformedOrOversizedRequestsGetTheirStatusThenClose(_ bad: BadRequest) async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            client.send(bad.input + "GET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == bad.status)
            #expect(response.header("Connection") == "close")
            // The smuggled request behind it is never answered: the connection ends here.
            #expect(await client.isClosedByServer())
            // And the server still serves others.
            let next = try RawClient(port: port)
            next.send("GET /after HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try await next.readResponse().status == 200)
        }
    }
}

extension ConnectionTests {
    /// A client still uploading when the server refuses its request (413 on the declared length) keeps
    /// sending without error and then reads the answer: the server drains before closing, instead of
    /// closing on unread bytes (which sends a reset that can erase the answer, RFC 9112 §9.6).
    @Test func aClientStillSendingAfterAnErrorAnswerReadsItInsteadOfAReset() async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            client.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n")
            try await Task.sleep(for: .milliseconds(300))   // the 413 is written and the server has moved on
            let chunk = [UInt8](repeating: 0x61, count: 64 * 1024)
            var sent = 0
            for _ in 0..<8 {
                let n = chunk.withUnsafeBytes { Glibc.send(client.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n > 0 { sent += n }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(sent == 8 * 64 * 1024, "the upload was cut by a reset after \(sent) bytes")
            let response = try await client.readResponse()
            #expect(response.status == 413)
            #expect(await client.isClosedByServer())
        }
    }

    /// Handlers that answer without suspending must not deepen the stack per pipelined request
    /// (found by review: 5,000 pipelined GETs once crashed the server).
    @Test func thousandsOfPipelinedRequestsOnOneConnectionAreAllAnswered() async throws {
        try await withTestServer(handler: { _ in .text("ok") }) { _, port in
            let client = try RawClient(port: port, receiveTimeout: 60)
            let count = 8_000
            let request = Array("GET /p HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
            var batch: [UInt8] = []
            for _ in 0..<count { batch += request }
            client.send(batch)
            var answered = 0
            while answered < count {
                let response = try await client.readResponse()
                guard response.status == 200 else { break }
                answered += 1
            }
            #expect(answered == count)
        }
    }

    @Test func aHostWithSpacesOrUserinfoIsRefused() async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: a b@c\r\n\r\n")
            #expect(try await client.readResponse().status == 400)
        }
    }

    @Test func http10GetsNoInterimContinue() async throws {
        try await withTestServer { _, port in
            let client = try RawClient(port: port)
            client.send("POST /e HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
            try await sleep(seconds: 0.2)
            client.send("ok")
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "path=/e body=ok")
        }
    }
}
