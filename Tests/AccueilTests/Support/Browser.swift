import Foundation
import TestSupport

/// A minimal browser: keeps cookies, remembers the CSRF token of the last page, follows nothing by itself.
final class Browser: @unchecked Sendable {
    let port: Int
    private(set) var cookies: [String: String] = [:]
    private(set) var lastCSRF: String?

    init(port: Int) { self.port = port }

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
        let client = try RawClient(port: port)
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if !cookies.isEmpty { head += "Cookie: " + cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") + "\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        client.send(Array((head + "\r\n").utf8) + (body ?? []))
        let response = try await client.readResponse(head: method == "HEAD")
        for setCookie in response.headers("Set-Cookie") {
            let pair = setCookie.split(separator: ";")[0]
            guard let eq = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<eq]), value = String(pair[pair.index(after: eq)...])
            if setCookie.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = Self.csrfToken(in: response.text) { lastCSRF = token }
        return response
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
