import Foundation
import SQLiteStore

/// Writes the audit chain's head to the server's log (standard error, kept by journald or the
/// service's log file), where `accueil audit verify --anchors` finds it.
public enum AuditAnchorLog {
    public static func write(_ store: Store) throws {
        let head = try store.readSync { db in try AuditChain.head(db) }
        FileHandle.standardError.write(Data((head.line + "\n").utf8))
    }
}
