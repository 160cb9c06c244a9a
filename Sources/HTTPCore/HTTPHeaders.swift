/// An ordered, multi-valued collection of header fields.
///
/// Order is kept because RFC 9110 §5.3 lets repeated fields be combined only in the order received,
/// and `Set-Cookie` must never be combined. Names compare case-insensitively (RFC 9110 §5.1).
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (name: String, value: String)
    private var fields: [Element] = []

    public init() {}
    public init(_ fields: [(String, String)]) { self.fields = fields.map { (name: $0.0, value: $0.1) } }
    public init(dictionaryLiteral elements: (String, String)...) { self.init(elements) }

    public var count: Int { fields.count }
    public func makeIterator() -> IndexingIterator<[Element]> { fields.makeIterator() }

    /// The first value of the field, if present.
    public subscript(name: String) -> String? {
        for field in fields where field.name.equalsIgnoringASCIICase(name) { return field.value }
        return nil
    }

    /// Every value of the field, in the order received.
    public func values(for name: String) -> [String] {
        fields.compactMap { $0.name.equalsIgnoringASCIICase(name) ? $0.value : nil }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Appends a field, keeping any earlier one with the same name.
    public mutating func add(_ name: String, _ value: String) { fields.append((name: name, value: value)) }

    /// Replaces every field with that name by one field.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append((name: name, value: value))
    }

    public mutating func remove(_ name: String) { fields.removeAll { $0.name.equalsIgnoringASCIICase(name) } }

    /// The comma-separated list elements of every field with that name (RFC 9110 §5.6.1), trimmed and lowercased.
    public func tokens(for name: String) -> [String] {
        values(for: name).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingASCIIWhitespace().lowercased() }
            .filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    /// ASCII-only case folding: header names and tokens are ASCII, and Unicode folding would be slower and wrong here.
    public func equalsIgnoringASCIICase<S: StringProtocol>(_ other: S) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        // Contiguous fast path (native strings): a plain loop over two buffers.
        if let result = a.withContiguousStorageIfAvailable({ x in
            b.withContiguousStorageIfAvailable { y in Self.asciiCaseInsensitiveEqual(x, y) }
        }), let result { return result }
        return Self.asciiCaseInsensitiveEqual(Array(a)[...], Array(b)[...])
    }

    private static func asciiCaseInsensitiveEqual<C: Collection>(_ x: C, _ y: C) -> Bool where C.Element == UInt8, C.Index == Int {
        var i = x.startIndex, j = y.startIndex
        while i < x.endIndex {
            let p = x[i], q = y[j]
            if p != q {
                let lower = p | 0x20
                if lower != q | 0x20 || lower < UInt8(ascii: "a") || lower > UInt8(ascii: "z") { return false }
            }
            i += 1
            j += 1
        }
        return true
    }

    public func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
