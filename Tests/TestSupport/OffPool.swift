import Dispatch

/// Runs blocking work (a child process, a long synchronous database fill) on a Dispatch queue and
/// awaits it. Blocking Swift's cooperative pool instead — two threads on a two-core machine — would
/// stall every other test running in parallel, servers under test included.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
