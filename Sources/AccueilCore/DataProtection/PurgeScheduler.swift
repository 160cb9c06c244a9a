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
            } catch {
                FileHandle.standardError.write(Data("purge: error \(type(of: error))\n".utf8))
            }
            // Once a day, whether the purge succeeded or not, the audit chain's start and head go
            // outside the database (see AuditChain).
            do { try AuditAnchorLog.write(store) } catch {
                FileHandle.standardError.write(Data("audit-anchor: error \(type(of: error))\n".utf8))
            }
        }
        timer.resume()
    }

    public func cancel() { timer.cancel() }

    deinit { timer.cancel() }
}
