import Foundation
import TestSupport

extension Browser {
    /// Posts a form with a file input as a browser does (`multipart/form-data`), with the CSRF token
    /// of the last page seen.
    @discardableResult
    func postFile(_ target: String, _ fields: [(String, String)], file: (field: String, name: String, bytes: [UInt8])) async throws -> RawClient.Response {
        let boundary = "----AccueilTest\(UInt32.random(in: 0...UInt32.max))"
        var body: [UInt8] = []
        func text(_ string: String) { body += Array(string.utf8) }
        for (name, value) in fields + (lastCSRF.map { [("_csrf", $0)] } ?? []) {
            text("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        text("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n")
        body += file.bytes
        text("\r\n--\(boundary)--\r\n")
        return try await send("POST", target, body: body, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
    }
}
