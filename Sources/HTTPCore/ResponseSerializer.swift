/// Turns a response into the bytes of one write: status line, headers, empty line, body.
///
/// One buffer per response avoids the Nagle/delayed-ACK stall of writing head and body separately.
public enum ResponseSerializer {
    /// - Parameters:
    ///   - isHead: answer to a HEAD request: same headers, no body (RFC 9110 §9.3.2).
    ///   - keepAlive: whether the connection stays open; `Connection: close` is sent otherwise.
    ///   - date: the IMF-fixdate for the `Date` header (RFC 9110 §6.6.1).
    public static func serialize(_ response: HTTPResponse, version: HTTPVersion = .http11, isHead: Bool = false,
                                 keepAlive: Bool, date: String) -> [UInt8] {
        let status = response.status
        let sendsBody = status.allowsBody && !isHead
        var out: [UInt8] = []
        out.reserveCapacity(256 + (sendsBody ? response.body.count : 0))
        out.append(contentsOf: version == .http10 ? "HTTP/1.0 ".utf8 : "HTTP/1.1 ".utf8)
        out.append(contentsOf: String(status.code).utf8)
        out.append(0x20)
        append(status.reason, to: &out)
        out.append(contentsOf: "\r\nDate: ".utf8)
        append(date, to: &out)
        for (name, value) in response.headers
        where !name.equalsIgnoringASCIICase("Content-Length") && !name.equalsIgnoringASCIICase("Connection") && !name.equalsIgnoringASCIICase("Date") {
            out.append(contentsOf: "\r\n".utf8)
            append(name, to: &out)
            out.append(contentsOf: ": ".utf8)
            appendFieldValue(value, to: &out)
        }
        if status.allowsBody {
            out.append(contentsOf: "\r\nContent-Length: ".utf8)
            out.append(contentsOf: String(response.body.count).utf8)
        }
        if !keepAlive {
            out.append(contentsOf: "\r\nConnection: close".utf8)
        } else if version == .http10 {
            out.append(contentsOf: "\r\nConnection: keep-alive".utf8)
        }
        out.append(contentsOf: "\r\n\r\n".utf8)
        if sendsBody { out.append(contentsOf: response.body) }
        return out
    }

    /// A value with CR or LF would split the header (response splitting); such bytes become spaces.
    private static func appendFieldValue(_ value: String, to out: inout [UInt8]) {
        var value = value
        // Native strings are contiguous UTF-8: scan and copy them as buffers, not byte by byte.
        value.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) {
                out.append(contentsOf: bytes)
            } else {
                for byte in bytes { out.append(byte == 0x0D || byte == 0x0A || byte == 0x00 ? 0x20 : byte) }
            }
        }
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }
}
