#if canImport(Glibc)
import Glibc
#endif
import CSodium
import Foundation

/// The 32-byte secret that encrypts backups. It lives in its own file, readable by its owner only,
/// and must be kept apart from the backups (another medium, a safe): a backup and its key together
/// are as sensitive as the live database.
public struct BackupKey: Sendable {
    public static let length = 32
    package let bytes: [UInt8]

    package init(bytes: [UInt8]) {
        precondition(bytes.count == Self.length)
        self.bytes = bytes
    }

    /// Creates a fresh random key file with mode 0600; never overwrites an existing file (a lost key
    /// makes every backup made with it unreadable).
    public static func create(at path: String) throws {
        precondition(Sodium.ready, "libsodium failed to initialise")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw BackupError.keyFile(errno == EEXIST ? "\(path) existe déjà (une clé n'est jamais écrasée)." : "impossible de créer \(path) (errno \(errno)).")
        }
        defer { close(descriptor) }
        var key = [UInt8](repeating: 0, count: length)
        crypto_secretstream_xchacha20poly1305_keygen(&key)
        defer { sodium_memzero(&key, key.count) }
        guard write(descriptor, key, key.count) == key.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw BackupError.keyFile("écriture de \(path) impossible.")
        }
    }

    /// Reads a key file, refusing one that other accounts could read (like ssh does for private keys).
    public static func load(from path: String) throws -> BackupKey {
        var info = stat()
        guard stat(path, &info) == 0 else { throw BackupError.keyFile("\(path) est introuvable.") }
        guard info.st_mode & 0o077 == 0 else {
            throw BackupError.keyFile("\(path) est lisible par d'autres comptes ; faites « chmod 600 \(path) ».")
        }
        guard let data = FileManager.default.contents(atPath: path), data.count == length else {
            throw BackupError.keyFile("\(path) doit contenir exactement \(length) octets (créez-le avec « accueil backup --new-key »).")
        }
        return BackupKey(bytes: Array(data))
    }
}
