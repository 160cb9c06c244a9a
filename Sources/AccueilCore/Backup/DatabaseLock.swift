#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock on `<database>.lock`, held by `accueil serve` for as long as it runs, so that a
/// restore can tell a live database from an idle one. flock(2) locks vanish with the process, even on
/// `kill -9`, so a crash never leaves a stale lock behind.
public final class DatabaseLock: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    public static func path(for database: String) -> String { database + ".lock" }

    /// Takes the lock without waiting; nil when another process holds it.
    public static func acquire(for database: String) -> DatabaseLock? {
        let descriptor = open(path(for: database), O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return DatabaseLock(descriptor: descriptor)
    }
}
