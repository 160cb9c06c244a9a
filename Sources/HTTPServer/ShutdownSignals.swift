#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Routes SIGTERM and SIGINT to a closure (e.g. `server.shutdown()`) instead of killing the process.
public final class ShutdownSignals {
    /// Kept only so the sources live as long as this object.
    private let sources: [DispatchSourceSignal]

    public init(_ onSignal: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "http.signals")
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: onSignal)
            source.resume()
            return source
        }
    }
}
