import Dispatch
import Foundation
import SQLiteStore

/// Runs the retention purge once a day while the server runs (first run a minute after start, so a
/// restart does not delay it by a day). Failures are logged by type only and retried the next day.
/// Unchecked: the timer is configured once in `init` and only cancelled afterwards (thread-safe in Dispatch).
public final class PurgeScheduler: @unchecked Sendable {
    private let timer: DispatchSourceTimer

    public init(store: Store, clock: @escaping @Sendable () -> Int64, firstRun: DispatchTimeInterval = .seconds(60),
                interval: DispatchTimeInterval = .seconds(86_400), onRun: @escaping @Sendable (PurgePlan) -> Void = { _ in }) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "accueil.purge", qos: .utility))
        timer.schedule(deadline: .now() + firstRun, repeating: interval, leeway: .seconds(1))
        timer.setEventHandler {
            do {
                let plan = try store.writeSync { db in try RetentionPurge.run(db, now: clock(), account: nil) }
                onRun(plan)
                // Once a day, the audit chain's head goes outside the database (see AuditChain).
                try AuditAnchorLog.write(store)
            } catch {
                let line = "purge: error \(type(of: error))\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        timer.resume()
    }

    public func cancel() { timer.cancel() }

    deinit { timer.cancel() }
}
