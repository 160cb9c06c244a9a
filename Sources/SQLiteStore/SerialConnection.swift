import Dispatch

/// A connection together with the serial queue that is the only place it is used.
///
/// `@unchecked Sendable` invariant: `connection` is touched exclusively from blocks
/// running on `queue` (the initialiser hands it over before any block is enqueued).
/// The serial queue therefore provides the one-thread-at-a-time access that an
/// `SQLITE_OPEN_NOMUTEX` connection requires, and the `Connection` itself never
/// escapes: bodies receive it as an argument and may only return Sendable values.
final class SerialConnection: @unchecked Sendable {
    private let connection: Connection
    private let queue: DispatchQueue

    init(_ connection: Connection, label: String) {
        self.connection = connection
        self.queue = DispatchQueue(label: label)
    }

    /// Runs `body` on the queue without blocking the calling thread (or task).
    func perform<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self.connection) })
            }
        }
    }

    /// Runs `body` on the queue and waits for it, blocking the calling thread.
    func performSync<T>(_ body: (Connection) throws -> T) throws -> T {
        // Calling this from the same queue (e.g. writeSync inside a write) would
        // deadlock silently; crash with a clear message instead.
        dispatchPrecondition(condition: .notOnQueue(queue))
        return try queue.sync { try body(connection) }
    }
}
