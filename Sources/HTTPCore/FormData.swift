/// Decoded `application/x-www-form-urlencoded` fields (also used for query strings), order kept.
public struct FormData: Sendable {
    public private(set) var fields: [(name: String, value: String)]

    public init(fields: [(name: String, value: String)] = []) { self.fields = fields }

    /// Parses `a=1&b=x+y&c=%C3%A9`. Malformed escapes or invalid UTF-8 make the whole form invalid (nil).
    public init?<S: Collection>(urlEncoded bytes: S) where S.Element == UInt8 {
        var fields: [(name: String, value: String)] = []
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentDecoding.decode(parts[0], plusAsSpace: true) else { return nil }
            let value = parts.count > 1 ? PercentDecoding.decode(parts[1], plusAsSpace: true) : ""
            guard let value else { return nil }
            fields.append((name: name, value: value))
        }
        self.fields = fields
    }

    public init?(query: Substring?) {
        guard let query else { self.init(); return }
        self.init(urlEncoded: query.utf8)
    }

    public subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    public func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    public var isEmpty: Bool { fields.isEmpty }
}
