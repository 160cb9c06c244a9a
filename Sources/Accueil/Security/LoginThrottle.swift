import Synchronization

/// Brute-force throttling: after too many failures for one login, or from one address, within a
/// window, further attempts are refused for the rest of the window — whatever the password.
///
/// Kept in memory: a restart forgets the counters, which costs an attacker a restart they cannot cause.
final class LoginThrottle: Sendable {
    struct Limits: Sendable {
        var window: Int64 = 15 * 60
        var perLogin = 5
        var perAddress = 20
        /// Bound on tracked keys, so a flood of random logins cannot grow memory without limit.
        var maxTrackedKeys = 10_000
    }

    private let limits: Limits
    private let failures = Mutex<[String: [Int64]]>([:])

    init(limits: Limits = Limits()) { self.limits = limits }

    /// Counts an attempt *before* the password is checked, in one step under the lock: parallel
    /// attempts cannot all slip through while the first ones are still being verified.
    /// Returns false (and counts nothing) when the login or the address is already blocked.
    func beginAttempt(login: String, address: String?, now: Int64) -> Bool {
        let loginKey = Self.key(login: login)
        return failures.withLock { table in
            let blocked = count(&table, loginKey, now) >= limits.perLogin
                || address.map { count(&table, "ip:" + $0, now) >= limits.perAddress } ?? false
            guard !blocked else { return false }
            if table.count >= limits.maxTrackedKeys { evict(&table, now) }
            table[loginKey, default: []].append(now)
            if let address { table["ip:" + address, default: []].append(now) }
            return true
        }
    }

    /// A successful login clears that login's attempts, and takes its own attempt off the address's count
    /// (a shared desk computer logs many people in; a sweep of failures still adds up).
    func recordSuccess(login: String, address: String?) {
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
