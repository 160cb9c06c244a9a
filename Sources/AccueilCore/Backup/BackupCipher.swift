#if canImport(Glibc)
import Glibc
#endif
import CSodium
import Foundation

/// The encrypted backup format, version 1:
///
///     "ACCUEILS" (8 bytes) · version (1 byte) · secretstream header (24 bytes)
///     then chunks: ciphertext length (4 bytes, big-endian) · ciphertext (≤ 64 KiB + 17)
///
/// Each chunk is sealed with libsodium's secretstream (XChaCha20-Poly1305), with the magic and the
/// version as additional data, so any changed byte — header included — fails authentication. The last
/// chunk carries the FINAL tag: a truncated file is detected, and bytes after it are refused.
public enum BackupCipher {
    package static let magic = Array("ACCUEILS".utf8)
    package static let version: UInt8 = 1
    package static let chunkSize = 64 * 1024
    package static var headerBytes: Int { crypto_secretstream_xchacha20poly1305_headerbytes() }
    package static var authenticationBytes: Int { crypto_secretstream_xchacha20poly1305_abytes() }
    package static var additionalData: [UInt8] { magic + [version] }

    /// Whether the file starts like an encrypted backup (any version).
    public static func isEncrypted(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: magic.count)).map(Array.init) == magic
    }

    /// Encrypts `source` into `destination` (created with mode 0600, replaced if present).
    public static func encrypt(_ source: String, to destination: String, key: BackupKey) throws {
        precondition(Sodium.ready, "libsodium failed to initialise")
        guard let input = FileHandle(forReadingAtPath: source) else { throw BackupError.io("lecture de \(source) impossible.") }
        defer { try? input.close() }
        let output = try createPrivateFile(destination)
        defer { try? output.close() }
        var state = crypto_secretstream_xchacha20poly1305_state()
        var header = [UInt8](repeating: 0, count: headerBytes)
        crypto_secretstream_xchacha20poly1305_init_push(&state, &header, key.bytes)
        try output.write(contentsOf: magic + [version] + header)
        let ad = additionalData
        var chunk = Array(try input.read(upToCount: chunkSize) ?? Data())
        while true {
            let next = Array(try input.read(upToCount: chunkSize) ?? Data())
            let tag = next.isEmpty ? crypto_secretstream_xchacha20poly1305_tag_final() : crypto_secretstream_xchacha20poly1305_tag_message()
            var sealed = [UInt8](repeating: 0, count: chunk.count + authenticationBytes)
            var sealedLength: UInt64 = 0
            crypto_secretstream_xchacha20poly1305_push(&state, &sealed, &sealedLength, chunk, UInt64(chunk.count), ad, UInt64(ad.count), tag)
            let length = UInt32(sealedLength)
            try output.write(contentsOf: [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + sealed.prefix(Int(sealedLength)))
            if next.isEmpty { break }
            chunk = next
        }
        try output.synchronize()
    }

    /// Decrypts `source` into `destination` (mode 0600). Throws before anything is trusted if a single
    /// byte was changed, the key is wrong, or the end is missing; the caller deletes `destination` then.
    public static func decrypt(_ source: String, to destination: String, key: BackupKey) throws {
        precondition(Sodium.ready, "libsodium failed to initialise")
        guard let input = FileHandle(forReadingAtPath: source) else { throw BackupError.io("lecture de \(source) impossible.") }
        defer { try? input.close() }
        let prefix = Array(try input.read(upToCount: magic.count + 1 + headerBytes) ?? Data())
        guard prefix.count == magic.count + 1 + headerBytes, Array(prefix.prefix(magic.count)) == magic else {
            throw prefix.starts(with: magic) ? BackupError.truncated : BackupError.notABackup(source)
        }
        guard prefix[magic.count] == version else { throw BackupError.unsupportedVersion(prefix[magic.count]) }
        var state = crypto_secretstream_xchacha20poly1305_state()
        guard crypto_secretstream_xchacha20poly1305_init_pull(&state, Array(prefix.suffix(headerBytes)), key.bytes) == 0 else {
            throw BackupError.authenticationFailed
        }
        let output = try createPrivateFile(destination)
        defer { try? output.close() }
        let ad = additionalData
        while true {
            let lengthBytes = Array(try input.read(upToCount: 4) ?? Data())
            guard lengthBytes.count == 4 else { throw BackupError.truncated }
            let length = Int(lengthBytes[0]) << 24 | Int(lengthBytes[1]) << 16 | Int(lengthBytes[2]) << 8 | Int(lengthBytes[3])
            guard length >= authenticationBytes, length <= chunkSize + authenticationBytes else { throw BackupError.authenticationFailed }
            let sealed = Array(try input.read(upToCount: length) ?? Data())
            guard sealed.count == length else { throw BackupError.truncated }
            var plain = [UInt8](repeating: 0, count: length - authenticationBytes)
            var plainLength: UInt64 = 0
            var tag: UInt8 = 0
            guard crypto_secretstream_xchacha20poly1305_pull(&state, &plain, &plainLength, &tag, sealed, UInt64(length), ad, UInt64(ad.count)) == 0 else {
                throw BackupError.authenticationFailed
            }
            try output.write(contentsOf: plain.prefix(Int(plainLength)))
            if tag == crypto_secretstream_xchacha20poly1305_tag_final() {
                // Anything after the final chunk was appended by someone else.
                guard (try input.read(upToCount: 1) ?? Data()).isEmpty else { throw BackupError.authenticationFailed }
                break
            }
        }
        try output.synchronize()
    }

    package static func createPrivateFile(_ path: String) throws -> FileHandle {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw BackupError.io("création de \(path) impossible (errno \(errno)).") }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
