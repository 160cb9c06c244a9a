import Synchronization

/// Secrets shown once after a POST (a calendar link's token): the POST keeps the secret here under a
/// random id and redirects to a page that takes it out. Reloading that page, or going back, shows
/// nothing again and creates nothing new. Kept in memory for a few minutes only; a restart forgets it
/// (the link then shows as "already shown", and can be revoked and made again).
package final class OneTimeReveals: Sendable {
    package struct Entry: Sendable {
        package let accountID: Int64
        package let secret: String
        package let label: String
        package let expires: Int64
    }

    package static let lifetime: Int64 = 10 * 60
    /// Bound on entries, so a burst of POSTs cannot grow memory without limit.
    package static let capacity = 1_000

    private let entries = Mutex<[String: Entry]>([:])

    /// Keeps `secret` for `accountID` and returns the id of the page that will show it.
    package func keep(_ secret: String, label: String, for accountID: Int64, now: Int64) -> String {
        let id = Sodium.token(bytes: 16)
        entries.withLock { table in
            table = table.filter { $0.value.expires > now }
            if table.count >= Self.capacity, let oldest = table.min(by: { $0.value.expires < $1.value.expires })?.key { table[oldest] = nil }
            table[id] = Entry(accountID: accountID, secret: secret, label: label, expires: now + Self.lifetime)
        }
        return id
    }

    /// The secret, once, and only for the account that made it.
    package func take(_ id: String, for accountID: Int64, now: Int64) -> Entry? {
        entries.withLock { table in
            guard let entry = table[id], entry.accountID == accountID else { return nil }
            table[id] = nil
            return entry.expires > now ? entry : nil
        }
    }
}
