#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SQLiteStore
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// The restore drill of Annexe 1 (availability after an incident, measures tested regularly), run as the
/// operator would: new key, encrypted backup, restore into a fresh file, same rows; tampering refused.
@Suite struct BackupRestoreTests {
    static func seededDatabase(_ directory: String) throws -> String {
        let path = directory + "/live.sqlite"
        let store = try Store(path: path, migrator: Schema.migrator)
        try store.writeSync { db in
            try db.run("INSERT INTO sites (id, name, kind, valid_from) VALUES ('s', 'Site', 'ccas', '2020-01-01')")
            try db.run("INSERT INTO accounts (login, display_name, institution, password_hash, created_at) VALUES ('a', 'A', 'CCAS', 'x', 1)")
            for index in 0..<300 {
                try db.run("INSERT INTO persons (last_name, first_name, name_key, created_at, updated_at) VALUES (?, 'Élodie', ?, 1, 1)",
                           ["Durand\(index)", "durand\(index)|elodie"])
                try db.run("INSERT INTO intakes (person_id, at, site_id, account_id, channel, level) VALUES (?, ?, 's', 1, 'sur_place', 1)",
                           [db.lastInsertRowID, Int64(index)])
            }
        }
        return path
    }

    static func rows(_ path: String) throws -> [String] {
        let connection = try Connection(path: path, readOnly: true)
        return try connection.query("SELECT p.id, p.last_name, i.at FROM persons p JOIN intakes i ON i.person_id = p.id ORDER BY p.id").map {
            "\($0.int64("id") ?? 0)|\($0.string("last_name") ?? "")|\($0.int64("at") ?? 0)"
        }
    }

    @Test func encryptedBackupRestoresTheSameRowsAndRefusesATamperedByte() async throws {
        try #require(CommandRunner.isBuilt, "build the executable first: swift build")
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let live = try Self.seededDatabase(directory)
        let key = directory + "/keys/backup.key"

        let created = try await CommandRunner.run(["backup", "--new-key", key], directory: directory)
        #expect(created.status == 0, "\(created.stderr)")
        var info = stat()
        #expect(stat(key, &info) == 0 && info.st_mode & 0o777 == 0o600 && info.st_size == 32)
        let again = try await CommandRunner.run(["backup", "--new-key", key], directory: directory)
        #expect(again.status != 0 && again.stderr.contains("existe déjà"), "a key is never overwritten")

        let backup = directory + "/copies/live.enc"
        let written = try await CommandRunner.run(["backup", "--db", live, "--to", backup, "--key-file", key], directory: directory)
        #expect(written.status == 0, "\(written.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        #expect(bytes.prefix(8) == Data("ACCUEILS".utf8))
        #expect(bytes.range(of: Data("Durand1".utf8)) == nil, "names must not appear in clear")
        #expect(bytes.range(of: Data("SQLite format 3".utf8)) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).allSatisfy { !$0.contains(".backup-") }, "the plain copy is deleted")

        let restored = directory + "/restored/new.sqlite"
        let restore = try await CommandRunner.run(["restore", "--from", backup, "--key-file", key, "--db", restored], directory: directory)
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try Self.rows(restored) == Self.rows(live))
        #expect(try Self.rows(restored).count == 300)
        #expect(try Connection(path: restored, readOnly: true).integrityCheck() == ["ok"])

        // One flipped byte in the middle of the ciphertext: refused, the target keeps its content.
        var tampered = bytes
        tampered[tampered.count / 2] ^= 0x01
        try tampered.write(to: URL(fileURLWithPath: directory + "/tampered.enc"))
        let before = try Data(contentsOf: URL(fileURLWithPath: restored))
        let refused = try await CommandRunner.run(["restore", "--from", directory + "/tampered.enc", "--key-file", key, "--db", restored], directory: directory)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Sauvegarde altérée ou mauvaise clé"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: restored)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/restored").allSatisfy { !$0.contains(".restore-") }, "no staging file left")

        // Truncated (last chunk missing) and wrong key: refused too.
        try bytes.prefix(bytes.count - 100).write(to: URL(fileURLWithPath: directory + "/short.enc"))
        let short = try await CommandRunner.run(["restore", "--from", directory + "/short.enc", "--key-file", key, "--db", restored], directory: directory)
        #expect(short.status == 1 && short.stderr.contains("Restauration refusée"))
        let otherKey = directory + "/other.key"
        _ = try await CommandRunner.run(["backup", "--new-key", otherKey], directory: directory)
        let wrong = try await CommandRunner.run(["restore", "--from", backup, "--key-file", otherKey, "--db", restored], directory: directory)
        #expect(wrong.status == 1 && wrong.stderr.contains("mauvaise clé"))
        let keyless = try await CommandRunner.run(["restore", "--from", backup, "--db", restored], directory: directory)
        #expect(keyless.status == 1 && keyless.stderr.contains("--key-file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: restored)) == before)
    }

    @Test func restoreRefusesTheDatabaseOfARunningServerUnlessForced() async throws {
        try #require(CommandRunner.isBuilt, "build the executable first: swift build")
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let live = try Self.seededDatabase(directory)
        let plain = directory + "/plain.sqlite"
        #expect(try await CommandRunner.run(["backup", "--db", live, "--to", plain], directory: directory).status == 0)
        let target = directory + "/served.sqlite"
        _ = try Store(path: target, migrator: Schema.migrator)
        // This process plays the running server: it holds the lock `accueil serve` takes.
        let lock = try #require(DatabaseLock.acquire(for: target))
        let refused = try await CommandRunner.run(["restore", "--from", plain, "--db", target], directory: directory)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Un serveur utilise la base"))
        #expect(try Self.rows(target).isEmpty)
        let forced = try await CommandRunner.run(["restore", "--from", plain, "--db", target, "--force"], directory: directory)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Self.rows(target).count == 300)
        withExtendedLifetime(lock) {}
    }

    @Test func keyFilesReadableByOthersAreRefused() async throws {
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = directory + "/k"
        try BackupKey.create(at: key)
        #expect(throws: Never.self) { try BackupKey.load(from: key) }
        chmod(key, 0o644)
        #expect(throws: BackupError.self) { try BackupKey.load(from: key) }
    }
}
