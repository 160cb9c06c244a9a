import AccueilCore
import HTTPCore
import Web

/// The route-level gate: every protected route names one permission, and this is the only place that
/// turns "who is asking" into 303 (not signed in), 403 (not allowed) or passing through.
struct RequirePermission: Middleware {
    let permission: Permission
    static let passwordChangePath = "/mon-compte/mot-de-passe"

    func handle(_ request: Request, next: Handler) async throws -> HTTPResponse {
        guard let session = request.session else {
            if request.isAPI { throw HTTPError(.unauthorized, "Authentification requise.") }
            let back = request.method == "GET" ? "?retour=" + PercentEncoding.encode(request.http.target) : ""
            return .redirect(to: "/connexion" + back)
        }
        if session.account.mustChangePassword, request.path != Self.passwordChangePath {
            return .redirect(to: Self.passwordChangePath)
        }
        guard session.account.can(permission) else { throw HTTPError.forbidden }
        return try await next(request)
    }
}

/// Percent-encoding for a query value (RFC 3986 unreserved characters pass).
enum PercentEncoding {
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// A local path to return to after login: one leading slash, then only visible ASCII without `\\`.
    /// Browsers drop tabs and line breaks inside URLs, so `/\t/evil.example` would become `//evil.example`:
    /// any control or space byte is refused outright.
    static func safeReturnPath(_ candidate: String?) -> String {
        guard let candidate, candidate.hasPrefix("/"), candidate.count <= 2048,
              candidate.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }),
              !candidate.hasPrefix("//") else { return "/" }
        return candidate
    }
}
