import AccueilCore
import HTML
import HTTPCore
import Web

/// How errors look: a French page with a way back for people, a JSON object for programs.
/// Neither ever says anything about the inside (no stack, no SQL, no file path).
public enum ErrorPages {
    static func render(_ error: HTTPError, _ request: Request) -> HTTPResponse {
        if request.isAPI {
            return .json("{\"error\":\(JSONText.quote(error.message)),\"status\":\(error.status.code)}", status: error.status)
        }
        let title = title(for: error.status)
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="lead">\(error.message)</p>
            <p><a href="/">Revenir à l'accueil</a></p>
            <p class="muted">Code d'erreur : \(error.status.code)</p>
            """
        return HTTPResponse(status: error.status, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"],
                            body: Layout.page(title: title, body: body, request: request).bytes)
    }

    /// Pages for errors the server answers before any route runs (malformed request, 413, 408, 503).
    public static func serverResponder(behindTLS: Bool) -> @Sendable (HTTPStatus) -> HTTPResponse {
        let headers = SecurityHeadersMiddleware(behindTLS: behindTLS)
        return { status in
            let title = title(for: status)
            let body: HTML = "<h1>\(title)</h1><p class=\"lead\">\(HTTPError.defaultMessage(for: status))</p><p><a href=\"/\">Revenir à l'accueil</a></p><p class=\"muted\">Code d'erreur : \(status.code)</p>"
            var response = HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"],
                                        body: Layout.page(title: title, body: body).bytes)
            headers.apply(to: &response)
            return response
        }
    }

    static func title(for status: HTTPStatus) -> String {
        status.frenchReason
    }
}
