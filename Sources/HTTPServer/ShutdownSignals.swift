#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Routes SIGTERM and SIGINT to a closure (e.g. `server.shutdown()`) instead of killing the process.
public final class ShutdownSignals {
    /// Kept only so the sources live as long as this object.
    private let sources: [DispatchSourceSignal]

    /// Returns once both signals are really being watched: Dispatch registers sources asynchronously,
    /// and a SIGTERM arriving in between — already ignored, not yet watched — would be lost. The start
    /// line is printed after this, so a supervisor that waits for it cannot lose its SIGTERM.
    public init(_ onSignal: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "http.signals")
        let registered = DispatchSemaphore(value: 0)
        sources = [SIGTERM, SIGINT].map { number in
            // Ignored first (a watched signal must not also run its default action), then watched.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: onSignal)
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            return source
        }
        for _ in sources { registered.wait() }
    }
}
