import Foundation

/// Chooses the reader connection with the fewest reads queued or running, so one slow
/// query does not hold up reads that another idle reader could serve.
final class ReaderBalancer: @unchecked Sendable {
    // `@unchecked Sendable` invariant: `inFlight` is only read or written with `lock` held.
    private let lock = NSLock()
    private var inFlight: [Int]

    init(count: Int) {
        inFlight = Array(repeating: 0, count: count)
    }

    /// Reserves a reader; pair every call with `release(_:)`.
    func acquire() -> Int {
        lock.withLock {
            var best = 0
            for index in inFlight.indices where inFlight[index] < inFlight[best] {
                best = index
            }
            inFlight[best] += 1
            return best
        }
    }

    func release(_ index: Int) {
        lock.withLock { inFlight[index] -= 1 }
    }
}
