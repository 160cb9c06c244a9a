/// Markup that is safe to send: only literals written in the source and escaped values get in.
///
/// `let page: HTML = "<p>Bonjour \(name)</p>"` escapes `name`; an `HTML` value interpolated into
/// another is inserted as it is. Nothing else can make an `HTML` from a runtime `String`, so user
/// input cannot reach a page unescaped by accident.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var rendered: String

    private init(trusted: String) { rendered = trusted }

    public init(escaping text: String) { rendered = HTML.escape(text) }

    public init(stringLiteral literal: StaticString) { rendered = literal.description }

    public init(stringInterpolation: Interpolation) { rendered = stringInterpolation.output }

    public static let empty = HTML(trusted: "")

    public var description: String { rendered }

    public struct Interpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        /// Literal segments come from the source code: trusted.
        public mutating func appendLiteral(_ literal: StaticString) { output += literal.description }

        /// Text: escaped for both element content and quoted attribute values.
        public mutating func appendInterpolation(_ text: String) { HTML.escape(text, into: &output) }
        public mutating func appendInterpolation(_ text: Substring) { HTML.escape(String(text), into: &output) }
        public mutating func appendInterpolation(_ number: Int) { output += String(number) }
        public mutating func appendInterpolation(_ html: HTML) { output += html.rendered }
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { output += part.rendered } }
        public mutating func appendInterpolation(_ optional: HTML?) { output += optional?.rendered ?? "" }
    }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.rendered + rhs.rendered) }

    public static func += (lhs: inout HTML, rhs: HTML) { lhs.rendered += rhs.rendered }

    /// Joins fragments, e.g. table rows built in a loop.
    public static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        HTML(trusted: parts.map(\.rendered).joined(separator: separator.rendered))
    }

    /// `&`, `<`, `>`, `"` and `'` become entities; every other character, accents included, passes as UTF-8.
    public static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    static func escape(_ text: String, into out: inout String) {
        // Fast path: most values (names, dates, codes) hold nothing to escape.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            out += text
            return
        }
        out.reserveCapacity(out.utf8.count + text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}

extension HTML {
    /// The whole page as bytes, for a response body.
    public var bytes: [UInt8] { Array(rendered.utf8) }
}
