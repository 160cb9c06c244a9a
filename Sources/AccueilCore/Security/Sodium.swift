import CSodium

/// libsodium (Debian's libsodium-dev): a vetted library for the few cryptographic needs here —
/// Argon2id password hashing, random tokens, BLAKE2b hashing and constant-time comparison.
package enum Sodium {
    /// sodium_init must run once before any other call; it is idempotent and thread-safe.
    package static let ready: Bool = sodium_init() >= 0

    package static func randomBytes(_ count: Int) -> [UInt8] {
        precondition(ready, "libsodium failed to initialise")
        var bytes = [UInt8](repeating: 0, count: count)
        randombytes_buf(&bytes, count)
        return bytes
    }

    /// URL- and cookie-safe base64 without padding.
    package static func base64URL(_ bytes: [UInt8]) -> String {
        let variant = Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        var output = [CChar](repeating: 0, count: sodium_base64_encoded_len(bytes.count, variant))
        _ = sodium_bin2base64(&output, output.count, bytes, bytes.count, variant)
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A fresh random token of `bytes` bytes of entropy (32 bytes = 256 bits), base64url-encoded.
    package static func token(bytes: Int = 32) -> String { base64URL(randomBytes(bytes)) }

    /// BLAKE2b-256: session identifiers are stored hashed, so a copy of the database does not hold live sessions.
    package static func hash(_ text: String) -> [UInt8] { hash(bytes: Array(text.utf8)) }

    /// BLAKE2b-256 of raw bytes (the audit chain's links).
    package static func hash(bytes input: [UInt8]) -> [UInt8] {
        precondition(ready, "libsodium failed to initialise")
        var output = [UInt8](repeating: 0, count: 32)
        crypto_generichash(&output, output.count, input, UInt64(input.count), nil, 0)
        return output
    }

    /// Constant-time equality: the time taken does not reveal how many leading bytes matched.
    package static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return sodium_memcmp(x, y, x.count) == 0
    }
}
