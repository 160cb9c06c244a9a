import Foundation
import HTTPCore
import Testing
@testable import Web

@Suite struct RouterTests {
    func responder() -> Responder {
        let router = Router()
        router.get("/") { _ in .text("home") }
        router.get("/personnes/:id") { request in .text("person \(try request.parameter("id"))") }
        router.get("/personnes/nouvelle") { _ in .text("new person") }
        router.post("/personnes/:id") { request in .text("update \(try request.parameter("id"))") }
        router.get("/boom") { _ in struct Secret: Error {}; throw Secret() }
        router.get("/files/*rest") { request in .text("rest=\(try request.parameter("rest"))") }
        return router.freeze { error, _ in .text("error: \(error.message)", status: error.status) }
    }

    func call(_ method: String, _ target: String) async -> HTTPResponse {
        await responder().respond(to: HTTPRequest(method: method, target: target, headers: ["Host": "t"]))
    }

    @Test func pathParametersAreDecodedAndLiteralsWin() async {
        #expect(await call("GET", "/personnes/42").bodyText == "person 42")
        #expect(await call("GET", "/personnes/nouvelle").bodyText == "new person")
        #expect(await call("GET", "/personnes/Ren%C3%A9e").bodyText == "person Renée")
        #expect(await call("GET", "/files/a/b/c.css").bodyText == "rest=a/b/c.css")
    }

    @Test func unknownPathIs404AndWrongMethodIs405WithAllow() async {
        #expect(await call("GET", "/nowhere").status.code == 404)
        let response = await call("DELETE", "/personnes/1")
        #expect(response.status.code == 405)
        #expect(response.headers["Allow"] == "GET, HEAD, POST")
    }

    @Test func headIsAnsweredByTheGetRoute() async {
        #expect(await call("HEAD", "/personnes/7").bodyText == "person 7")
    }

    @Test func unexpectedErrorsBecomeAGeneric500() async {
        let response = await call("GET", "/boom")
        #expect(response.status.code == 500)
        #expect(!response.bodyText.contains("Secret"))
    }

    /// The report of a handler's unexpected error gets the request as routed, with its parameters:
    /// enough to log the route's shape instead of a secret carried in the path.
    @Test func internalErrorsAreReportedWithTheRouteParameters() async {
        let router = Router()
        router.get("/agenda/:file") { _ in struct Broken: Error {}; throw Broken() }
        let reported = ReportedParameters()
        let responder = router.freeze(errorRenderer: { error, _ in .text(error.message, status: error.status) },
                                      reportInternalError: { _, request in reported.set(request.parameters) })
        let response = await responder.respond(to: HTTPRequest(method: "GET", target: "/agenda/s3cret.ics", headers: ["Host": "t"]))
        #expect(response.status.code == 500)
        #expect(reported.value == ["file": "s3cret.ics"])
    }

    final class ReportedParameters: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String: String] = [:]
        func set(_ value: [String: String]) { lock.withLock { stored = value } }
        var value: [String: String] { lock.withLock { stored } }
    }

    @Test func middlewareSeesErrorPagesToo() async {
        struct Stamp: Middleware {
            func handle(_ request: Request, next: Handler) async throws -> HTTPResponse {
                var response = try await next(request)
                response.headers.set("X-Stamp", "yes")
                return response
            }
        }
        var router = Router()
        router.use(Stamp())
        let responder = router.freeze { error, _ in .text(error.message, status: error.status) }
        let response = await responder.respond(to: HTTPRequest(method: "GET", target: "/missing", headers: ["Host": "t"]))
        #expect(response.status.code == 404)
        #expect(response.headers["X-Stamp"] == "yes")
    }

    @Test func formDecodingRequiresTheFormContentType() throws {
        let json = Request(HTTPRequest(method: "POST", target: "/", headers: ["Content-Type": "application/json"], body: Array("a=1".utf8)))
        #expect(throws: HTTPError.self) { try json.form() }
        let form = Request(HTTPRequest(method: "POST", target: "/", headers: ["Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"], body: Array("a=%C3%A9".utf8)))
        #expect(try form.form()["a"] == "é")
    }
}

extension HTTPResponse {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}
