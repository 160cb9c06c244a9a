#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SQLiteStore

/// Restores a backup (encrypted or plain SQLite) over a database file, in an order that never leaves
/// the target half-replaced: decrypt and verify into a private file next to the target, check the
/// database inside, and only then rename it into place (rename is atomic on one file system).
public enum BackupRestore {
    public struct Outcome: Sendable {
        public let migrations: Int
    }

    public static func restore(from source: String, key: BackupKey?, to target: String, force: Bool) throws -> Outcome {
        let staging = "\(target).restore-\(UInt64.random(in: .min ... .max))"
        defer { unlink(staging) }
        if BackupCipher.isEncrypted(source) {
            guard let key else { throw BackupError.keyRequired }
            try BackupCipher.decrypt(source, to: staging, key: key)
        } else {
            guard isSQLiteFile(source) else { throw BackupError.notABackup(source) }
            let input = try Data(contentsOf: URL(fileURLWithPath: source))
            let output = try BackupCipher.createPrivateFile(staging)
            try output.write(contentsOf: input)
            try output.synchronize()
            try output.close()
        }
        let migrations = try verify(staging)
        // Held until the rename is done, so a server cannot start on the target in between.
        let lock = DatabaseLock.acquire(for: target)
        if lock == nil && !force { throw BackupError.databaseInUse(target) }
        // A WAL or journal of the replaced database would be replayed over the restored one on open.
        for suffix in ["-wal", "-shm", "-journal"] { unlink(target + suffix) }
        guard rename(staging, target) == 0 else { throw BackupError.io("impossible de remplacer \(target) (errno \(errno)).") }
        syncDirectory(of: target)
        withExtendedLifetime(lock) {}
        return Outcome(migrations: migrations)
    }

    /// `PRAGMA integrity_check` and the presence of the migration table; returns the number of migrations.
    package static func verify(_ path: String) throws -> Int {
        let check: [String]
        let migrations: Int
        do {
            let connection = try Connection(path: path, readOnly: true)
            check = try connection.integrityCheck()
            migrations = try connection.int("SELECT count(*) FROM schema_migrations") ?? 0
        } catch let error as SQLiteError {
            throw BackupError.integrity("erreur SQLite \(error.code)")
        }
        guard check == ["ok"] else { throw BackupError.integrity(check.prefix(3).joined(separator: "; ")) }
        guard migrations > 0 else { throw BackupError.integrity("aucune migration : ce n'est pas une base d'Accueil commun") }
        return migrations
    }

    package static func isSQLiteFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)).map(Array.init) == Array("SQLite format 3\u{0}".utf8)
    }

    package static func syncDirectory(of path: String) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let descriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
