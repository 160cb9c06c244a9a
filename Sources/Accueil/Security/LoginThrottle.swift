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

    func isBlocked(login: String, address: String?, now: Int64) -> Bool {
        failures.withLock { table in
            count(&table, "login:" + login.lowercased(), now) >= limits.perLogin
                || address.map { count(&table, "ip:" + $0, now) >= limits.perAddress } ?? false
        }
    }

    func recordFailure(login: String, address: String?, now: Int64) {
        failures.withLock { table in
            if table.count >= limits.maxTrackedKeys { table = table.filter { $0.value.contains { $0 > now - limits.window } } }
            table["login:" + login.lowercased(), default: []].append(now)
            if let address { table["ip:" + address, default: []].append(now) }
        }
    }

    /// A successful login clears that login's failures (not the address's: one success must not reset a sweep).
    func recordSuccess(login: String) {
        _ = failures.withLock { $0.removeValue(forKey: "login:" + login.lowercased()) }
    }

    private func count(_ table: inout [String: [Int64]], _ key: String, _ now: Int64) -> Int {
        guard let times = table[key] else { return 0 }
        let recent = times.filter { $0 > now - limits.window }
        table[key] = recent.isEmpty ? nil : recent
        return recent.count
    }
}
