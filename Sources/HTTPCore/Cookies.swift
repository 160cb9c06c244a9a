/// Request cookies (RFC 6265 §5.4): `Cookie: a=1; b=2`. The first value of a name wins.
public struct Cookies: Sendable {
    public private(set) var values: [String: String] = [:]

    public init(headers: HTTPHeaders) {
        for header in headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                guard let eq = pair.firstIndex(of: "=") else { continue }
                let name = pair[..<eq].trimmingASCIIWhitespace()
                var value = Substring(pair[pair.index(after: eq)...].trimmingASCIIWhitespace())
                if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
                if !name.isEmpty, values[name] == nil { values[name] = String(value) }
            }
        }
    }

    public subscript(name: String) -> String? { values[name] }
}

/// A `Set-Cookie` value (RFC 6265 §4.1). Defaults are the safe ones: HttpOnly, SameSite=Strict, Path=/.
public struct SetCookie: Sendable {
    public var name: String
    public var value: String
    public var path = "/"
    public var maxAge: Int?
    public var httpOnly = true
    public var secure = false
    public var sameSite = "Strict"

    public init(name: String, value: String, maxAge: Int? = nil, secure: Bool = false) {
        self.name = name
        self.value = value
        self.maxAge = maxAge
        self.secure = secure
    }

    /// A cookie that tells the browser to forget `name`.
    public static func expired(_ name: String, secure: Bool = false) -> SetCookie {
        SetCookie(name: name, value: "", maxAge: 0, secure: secure)
    }

    public var headerValue: String {
        var parts = ["\(name)=\(value)", "Path=\(path)"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if httpOnly { parts.append("HttpOnly") }
        if secure { parts.append("Secure") }
        parts.append("SameSite=\(sameSite)")
        return parts.joined(separator: "; ")
    }
}
