import TestSupport

extension Browser {
    /// Posts a body as an API client would (no form field), with the CSRF token of the last page
    /// seen in the `X-CSRF-Token` header unless `csrfHeader` is false.
    @discardableResult
    func postJSON(_ target: String, _ body: String, contentType: String = "application/json",
                  csrfHeader: Bool = true) async throws -> RawClient.Response {
        var headers = ["Content-Type": contentType]
        if csrfHeader, let lastCSRF { headers["X-CSRF-Token"] = lastCSRF }
        return try await send("POST", target, body: Array(body.utf8), headers: headers)
    }
}
