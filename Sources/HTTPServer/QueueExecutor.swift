import Dispatch

/// A task executor that runs jobs on a Dispatch queue. Handlers are started with this preference on
/// their connection's queue, so whatever they await resumes there, not on Swift's small cooperative
/// pool: code elsewhere in the process that blocks that pool (a CLI wait, a slow library call) cannot
/// stall the server.
final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    /// Immutable after init; DispatchQueue itself is thread-safe.
    private let queue: DispatchQueue

    init(queue: DispatchQueue) { self.queue = queue }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
