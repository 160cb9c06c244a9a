import Foundation

/// The one place that decides how the contract's JSON looks: keys sorted (stable output for
/// diffs and tests), slashes unescaped, UTF-8 text left readable.
enum ContractJSON {
    static func encoder(prettyPrinted: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
