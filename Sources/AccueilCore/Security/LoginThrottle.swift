import Synchronization

/// Brute-force throttling. After too many failures for one login within a window, further attempts
/// at that login are refused for the rest of the window, whatever the password. Past the limit for
/// one address, attempts from it are slowed down (a growing wait before the answer), not refused: a
/// whole site behind one NAT address must not be locked out by a few tired colleagues, while a
/// sweep over many logins from one address still crawls.
///
/// Kept in memory: a restart forgets the counters, which costs an attacker a restart they cannot cause.
package final class LoginThrottle: Sendable {
    package struct Limits: Sendable {
        package var window: Int64 = 15 * 60
        package var perLogin = 5
        package var perAddress = 20
        /// Bound on tracked keys, so a flood of random logins cannot grow memory without limit.
        package var maxTrackedKeys = 10_000
    }

    private let limits: Limits
    private let failures = Mutex<[String: [Int64]]>([:])

    package init(limits: Limits = Limits()) { self.limits = limits }

    package enum Attempt: Equatable {
        /// Check the password after waiting this long (zero below the address limit).
        case proceed(afterSeconds: Int)
        /// The login is locked for the rest of the window.
        case refused
    }

    /// The longest wait imposed on an address past its limit.
    package static let maximumDelaySeconds = 5

    /// Counts an attempt *before* the password is checked, in one step under the lock: parallel
    /// attempts cannot all slip through while the first ones are still being verified.
    /// A locked login is refused (and nothing is counted); an address past its limit waits one more
    /// second per attempt over the limit, up to `maximumDelaySeconds`.
    package func beginAttempt(login: String, address: String?, now: Int64) -> Attempt {
        let loginKey = Self.key(login: login)
        return failures.withLock { table in
            guard count(&table, loginKey, now) < limits.perLogin else { return .refused }
            let fromAddress = address.map { count(&table, "ip:" + $0, now) } ?? 0
            if table.count >= limits.maxTrackedKeys { evict(&table, now) }
            table[loginKey, default: []].append(now)
            if let address { table["ip:" + address, default: []].append(now) }
            let over = fromAddress - limits.perAddress + 1
            return .proceed(afterSeconds: over > 0 ? min(over, Self.maximumDelaySeconds) : 0)
        }
    }

    /// A successful login clears that login's attempts, and takes its own attempt off the address's count
    /// (a shared desk computer logs many people in; a sweep of failures still adds up).
    package func recordSuccess(login: String, address: String?) {
        failures.withLock { table in
            table.removeValue(forKey: Self.key(login: login))
            if let address, var times = table["ip:" + address], !times.isEmpty {
                times.removeLast()
                table["ip:" + address] = times.isEmpty ? nil : times
            }
        }
    }

    /// Logins are cut to 64 characters: an attacker's megabyte-long "login" must not become a megabyte key.
    private static func key(login: String) -> String { "login:" + String(login.lowercased().prefix(64)) }

    /// Drops expired entries, then — if a flood of fresh keys still fills the table — the oldest ones.
    private func evict(_ table: inout [String: [Int64]], _ now: Int64) {
        table = table.filter { $0.value.contains { $0 > now - limits.window } }
        if table.count >= limits.maxTrackedKeys {
            let oldest = table.sorted { ($0.value.last ?? 0) < ($1.value.last ?? 0) }.prefix(table.count - limits.maxTrackedKeys / 2)
            for (key, _) in oldest { table.removeValue(forKey: key) }
        }
    }

    private func count(_ table: inout [String: [Int64]], _ key: String, _ now: Int64) -> Int {
        guard let times = table[key] else { return 0 }
        let recent = times.filter { $0 > now - limits.window }
        table[key] = recent.isEmpty ? nil : recent
        return recent.count
    }
}
