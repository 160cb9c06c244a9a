/// Percent-decoding (RFC 3986 §2.1) of UTF-8 text.
public enum PercentDecoding {
    /// Decodes `%XX` sequences, and `+` as a space when `plusAsSpace` (HTML form encoding).
    /// Returns nil on a malformed escape or bytes that are not valid UTF-8: such input is refused, not guessed.
    public static func decode<S: Sequence>(_ input: S, plusAsSpace: Bool) -> String? where S.Element == UInt8 {
        var out: [UInt8] = []
        var iterator = input.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(ByteClass.hexValue),
                      let low = iterator.next().flatMap(ByteClass.hexValue) else { return nil }
                out.append(UInt8(high << 4 | low))
            case UInt8(ascii: "+") where plusAsSpace:
                out.append(0x20)
            default:
                out.append(byte)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    public static func decode(_ input: Substring, plusAsSpace: Bool = false) -> String? {
        decode(input.utf8, plusAsSpace: plusAsSpace)
    }
}
