/// A `multipart/form-data` body (RFC 7578): what a form with a file input sends. Text fields are
/// read as UTF-8; a file part keeps its bytes as sent, since a CSV saved by a spreadsheet may be in
/// another encoding. The whole body is already bounded by the parser's body limit.
public struct MultipartForm: Sendable {
    public struct Part: Sendable {
        public let name: String
        /// Set for a file input (possibly empty when no file was chosen).
        public let filename: String?
        public let body: [UInt8]
    }

    public let parts: [Part]

    /// At most this many parts: a form has a handful of fields, not thousands.
    public static let maximumParts = 200

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header, nil for another type.
    public static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingASCIIWhitespace() }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingASCIIWhitespace().lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingASCIIWhitespace()
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters.
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// Nil when the body does not follow the format (missing boundary lines, headers without end).
    public init?(body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        guard var position = Self.find(delimiter, in: body, from: 0) else { return nil }
        var parts: [Part] = []
        while true {
            position += delimiter.count
            // "--" after a delimiter ends the body.
            if body.count >= position + 2, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") { break }
            guard body.count >= position + 2, body[position] == 13, body[position + 1] == 10 else { return nil }
            position += 2
            guard let headerEnd = Self.find([13, 10, 13, 10], in: body, from: position) else { return nil }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = Self.find([13, 10] + delimiter, in: body, from: contentStart) else { return nil }
            guard let disposition = Self.disposition(headers), parts.count < Self.maximumParts else { return nil }
            parts.append(Part(name: disposition.name, filename: disposition.filename, body: Array(body[contentStart..<next])))
            position = next + 2
        }
        self.parts = parts
    }

    /// The text fields, as a urlencoded form would give them.
    public var fields: FormData? {
        var fields: [(name: String, value: String)] = []
        for part in parts where part.filename == nil {
            guard let value = String(validating: part.body, as: UTF8.self) else { return nil }
            fields.append((name: part.name, value: value))
        }
        return FormData(fields: fields)
    }

    public func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.filename != nil } }

    private static func disposition(_ headers: String) -> (name: String, filename: String?)? {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingASCIIWhitespace().lowercased() == "content-disposition" else { continue }
            var name: String?, filename: String?
            for parameter in pair[1].split(separator: ";").dropFirst() {
                let keyValue = parameter.split(separator: "=", maxSplits: 1)
                guard keyValue.count == 2 else { continue }
                var value = keyValue[1].trimmingASCIIWhitespace()
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                switch keyValue[0].trimmingASCIIWhitespace().lowercased() {
                case "name": name = value
                case "filename": filename = value
                default: break
                }
            }
            return name.map { ($0, filename) }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
