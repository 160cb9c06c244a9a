import AccueilCore
import Web

/// The client's address for throttling. Only a configured proxy is believed: otherwise anyone could
/// send a fresh `X-Forwarded-For` with every attempt.
enum ClientAddress {
    static func of(_ request: Request, trustProxy: Bool) -> String? {
        if trustProxy, let forwarded = request.headers.values(for: "X-Forwarded-For").last,
           let last = forwarded.split(separator: ",").last?.trimmed, !last.isEmpty, last.count <= 64 {
            // The last hop is the one our proxy appended; earlier ones are whatever the client claimed.
            return last
        }
        return request.http.remoteAddress
    }
}

private extension Substring {
    var trimmed: String { String(self).trimmed }
}
