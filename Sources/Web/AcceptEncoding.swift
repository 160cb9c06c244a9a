import HTTPCore

enum AcceptEncoding {
    /// Whether the client accepts gzip (RFC 9110 §12.5.3): listed, or `*`, with a q-value above 0.
    static func acceptsGzip(_ headers: HTTPHeaders) -> Bool {
        var gzip: Double?
        var star: Double?
        for element in headers.tokens(for: "Accept-Encoding") {
            let parts = element.split(separator: ";").map { $0.trimmingASCIIWhitespace() }
            var q = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)) ?? 0
            }
            switch parts.first {
            case "gzip", "x-gzip": gzip = q
            case "*": star = q
            default: break
            }
        }
        return (gzip ?? star ?? 0) > 0
    }
}
