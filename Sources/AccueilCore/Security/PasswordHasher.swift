import CSodium
import Dispatch

/// Argon2id through libsodium's `crypto_pwhash_str`: memory-hard, salted, self-describing hashes.
///
/// Hashing is deliberately slow (tens of milliseconds, 64 MiB at the interactive level), so it runs
/// on a Dispatch queue, not on the small cooperative pool that serves requests.
package struct PasswordHasher: Sendable {
    package struct Cost: Sendable {
        package let operations: UInt64
        package let memoryBytes: Int
        /// libsodium's "interactive" level: the recommended floor for online logins.
        package static let interactive = Cost(operations: UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE), memoryBytes: Int(crypto_pwhash_MEMLIMIT_INTERACTIVE))
        /// The library's minimum, for tests only: keeps a test run fast; never used by `serve`.
        package static let testing = Cost(operations: UInt64(crypto_pwhash_OPSLIMIT_MIN), memoryBytes: Int(crypto_pwhash_MEMLIMIT_MIN))
    }

    package let cost: Cost
    private static let queue = DispatchQueue(label: "password-hashing", attributes: .concurrent)

    package init(cost: Cost = .interactive) { self.cost = cost }

    package func hash(_ password: String) throws -> String {
        precondition(Sodium.ready)
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let bytes = Array(password.utf8CString.dropLast())
        guard crypto_pwhash_str(&output, bytes, UInt64(bytes.count), cost.operations, cost.memoryBytes) == 0 else {
            throw PasswordHashingError.outOfMemory
        }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Constant-time verification (inside libsodium) against a stored hash.
    package func verify(_ password: String, against stored: String) -> Bool {
        precondition(Sodium.ready)
        let bytes = Array(password.utf8CString.dropLast())
        return stored.withCString { crypto_pwhash_str_verify($0, bytes, UInt64(bytes.count)) == 0 }
    }

    package func hashAsync(_ password: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Self.queue.async { continuation.resume(with: Result { try hash(password) }) }
        }
    }

    package func verifyAsync(_ password: String, against stored: String) async -> Bool {
        await withCheckedContinuation { continuation in
            Self.queue.async { continuation.resume(returning: verify(password, against: stored)) }
        }
    }

    /// A hash of a random password, verified against when the login is unknown, so that an unknown
    /// login takes as long as a wrong password (no account enumeration by timing).
    package static func decoy(cost: Cost) -> String {
        (try? PasswordHasher(cost: cost).hash(Sodium.token())) ?? ""
    }
}

package enum PasswordHashingError: Error { case outOfMemory }
