import HTTPCore

/// A request as handlers see it: the HTTP request plus what routing and middleware found out.
public struct Request: Sendable {
    public let http: HTTPRequest
    /// Decoded path segments matched by `:name` in the route pattern.
    public internal(set) var parameters: [String: String] = [:]
    public let cookies: Cookies
    public let query: FormData
    private var attributes: [ObjectIdentifier: any Sendable] = [:]

    public init(_ http: HTTPRequest) {
        self.http = http
        self.cookies = Cookies(headers: http.headers)
        // A malformed query string is treated as empty rather than failing every page that ignores it.
        self.query = FormData(query: http.query) ?? FormData()
    }

    public var method: String { http.method }
    public var path: String { String(http.path) }
    public var headers: HTTPHeaders { http.headers }
    public var isAPI: Bool { http.path.hasPrefix("/api/") }

    /// The body decoded as an HTML form; 415 for another content type, 400 when malformed.
    public func form() throws -> FormData {
        let type = http.headers["Content-Type"]?.split(separator: ";").first?.trimmingASCIIWhitespace().lowercased()
        if type == "multipart/form-data" {
            guard let fields = try multipart().fields else { throw HTTPError(.badRequest, "Le formulaire envoyé est mal formé.") }
            return fields
        }
        guard type == "application/x-www-form-urlencoded" else {
            throw HTTPError(.unsupportedMediaType, "Le formulaire doit être envoyé encodé (application/x-www-form-urlencoded).")
        }
        guard let form = FormData(urlEncoded: http.body) else {
            throw HTTPError(.badRequest, "Le formulaire envoyé est mal formé.")
        }
        return form
    }

    /// A form with a file input (`enctype="multipart/form-data"`).
    public func multipart() throws -> MultipartForm {
        guard let boundary = http.headers["Content-Type"].flatMap(MultipartForm.boundary(contentType:)) else {
            throw HTTPError(.unsupportedMediaType, "Le formulaire doit être envoyé avec son fichier (multipart/form-data).")
        }
        guard let form = MultipartForm(body: http.body, boundary: boundary) else {
            throw HTTPError(.badRequest, "Le formulaire envoyé est mal formé.")
        }
        return form
    }

    public func parameter(_ name: String) throws -> String {
        guard let value = parameters[name] else { throw HTTPError.notFound }
        return value
    }

    /// Typed per-request values set by middleware (the signed-in account, the CSRF token…).
    public subscript<Key: RequestKey>(key: Key.Type) -> Key.Value? {
        get { attributes[ObjectIdentifier(key)] as? Key.Value }
        set { attributes[ObjectIdentifier(key)] = newValue }
    }
}

/// A key for `Request` attributes: `enum CurrentUser: RequestKey { typealias Value = User }`.
public protocol RequestKey {
    associatedtype Value: Sendable
}
