import Foundation
import HTTPCore
import TestSupport
import Web

/// A minimal browser: keeps cookies, remembers the CSRF token of the last page, follows nothing by itself.
///
/// It reaches the application in process (the frozen `Responder`, the response serialised as the
/// server would) or, for end-to-end checks, over a loopback socket to a running server.
final class Browser: @unchecked Sendable {
    enum Transport: Sendable {
        case inProcess(Responder)
        case socket(port: Int)
    }

    /// The `Host` every request names; the in-process path has no port of its own.
    static let host = "127.0.0.1:8080"

    let transport: Transport
    private(set) var cookies: [String: String] = [:]
    private(set) var lastCSRF: String?

    init(_ transport: Transport) { self.transport = transport }
    convenience init(port: Int) { self.init(.socket(port: port)) }

    var host: String {
        if case .socket(let port) = transport { return "127.0.0.1:\(port)" }
        return Self.host
    }

    @discardableResult
    func get(_ target: String, headers: [String: String] = [:]) async throws -> RawClient.Response {
        try await send("GET", target, body: nil, headers: headers)
    }

    /// Posts a form; `_csrf` is added from the last page seen unless `csrf` says otherwise (nil = omit).
    @discardableResult
    func post(_ target: String, _ fields: [(String, String)], csrf: String?? = .none, headers: [String: String] = [:]) async throws -> RawClient.Response {
        var all = fields
        switch csrf {
        case .none: if let lastCSRF { all.append(("_csrf", lastCSRF)) }
        case .some(.some(let token)): all.append(("_csrf", token))
        case .some(.none): break
        }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var merged = headers
        merged["Content-Type"] = "application/x-www-form-urlencoded"
        return try await send("POST", target, body: Array(body.utf8), headers: merged)
    }

    func logIn(_ login: String, _ password: String) async throws -> RawClient.Response {
        try await get("/connexion")
        return try await post("/connexion", [("identifiant", login), ("mot_de_passe", password)])
    }

    func send(_ method: String, _ target: String, body: [UInt8]?, headers: [String: String]) async throws -> RawClient.Response {
        var fields: [(String, String)] = [("Host", host), ("Connection", "close")]
        if !cookies.isEmpty { fields.append(("Cookie", cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; "))) }
        fields += headers.map { ($0.key, $0.value) }
        if let body { fields.append(("Content-Length", String(body.count))) }
        let response = try await exchange(method, target, fields, body ?? [])
        for setCookie in response.headers("Set-Cookie") {
            let pair = setCookie.split(separator: ";")[0]
            guard let eq = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<eq]), value = String(pair[pair.index(after: eq)...])
            if setCookie.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = Self.csrfToken(in: response.text) { lastCSRF = token }
        return response
    }

    private func exchange(_ method: String, _ target: String, _ fields: [(String, String)], _ body: [UInt8]) async throws -> RawClient.Response {
        switch transport {
        case .socket(let port):
            let client = try RawClient(port: port)
            let head = "\(method) \(target) HTTP/1.1\r\n" + fields.map { "\($0.0): \($0.1)\r\n" }.joined() + "\r\n"
            client.send(Array(head.utf8) + body)
            return try await client.readResponse(head: method == "HEAD")
        case .inProcess(let responder):
            var request = HTTPRequest(method: method, target: target, headers: HTTPHeaders(fields), body: body)
            request.remoteAddress = "127.0.0.1"
            let response = await responder.respond(to: request)
            let bytes = ResponseSerializer.serialize(response, isHead: method == "HEAD", keepAlive: false, date: HTTPDate.format(0))
            guard let (parsed, _) = try RawClient.Response.parse(bytes, head: method == "HEAD") else { throw RawClient.ClientError.malformed }
            return parsed
        }
    }

    func setCookie(_ name: String, _ value: String?) { cookies[name] = value }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
