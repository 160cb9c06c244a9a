import Foundation
import SQLiteStore

/// Writes the audit chain's starting checkpoint and head to the server's log (standard error, kept by
/// journald or the service's log file), where `accueil audit verify --anchors` finds them.
public enum AuditAnchorLog {
    public static func write(_ store: Store) throws {
        let (start, head) = try store.readSync { db in (try AuditChain.start(db), try AuditChain.head(db)) }
        FileHandle.standardError.write(Data((start.line + "\n" + head.line + "\n").utf8))
    }
}
