#if canImport(Glibc)
import Glibc
#endif
import HTTPCore
import Synchronization

/// The `Date` header changes once a second; formatting it for every response would be waste.
final class DateCache: Sendable {
    private let cached = Mutex<(second: Int, text: String)>((0, ""))

    func current() -> String {
        let now = Int(time(nil))
        return cached.withLock { value in
            if value.second != now { value = (now, HTTPDate.format(now)) }
            return value.text
        }
    }
}
