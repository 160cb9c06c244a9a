import CZlib
import Deflate

/// A ZIP archive (PKWARE APPNOTE 6.3) built in memory, just enough for an OpenDocument package.
///
/// Written by hand rather than pulled from a dependency: an ODF package needs only local headers,
/// a central directory and its end record, plus one rule no general-purpose zipper guarantees —
/// `mimetype` first, stored, with no extra field, so that tools can sniff the type at a fixed offset.
/// Entries are kept in the order they are added. No ZIP64, no encryption, no data descriptors:
/// every size is known before its header is written.
public struct ZipArchive: Sendable {
    /// How an entry's bytes are kept in the archive.
    public enum Method: UInt16, Sendable {
        /// Kept as they are: required for `mimetype`, and right for data that does not shrink.
        case stored = 0
        /// Raw deflate (RFC 1951) through zlib.
        case deflated = 8
    }

    /// One file of the archive, as it will be written.
    public struct Entry: Sendable {
        public let name: String
        public let method: Method
        public let crc32: UInt32
        public let uncompressedSize: Int
        /// The bytes as written after the local header: compressed when `method` is `.deflated`.
        let payload: [UInt8]
    }

    /// The MS-DOS date and time every entry carries: fixed by the caller, so that the same document
    /// gives byte-for-byte the same archive (and the same ETag, and comparable test fixtures).
    public let modified: DOSTimestamp
    public private(set) var entries: [Entry] = []

    public init(modified: DOSTimestamp) {
        self.modified = modified
    }

    /// Appends a file. A deflated entry falls back to stored when zlib fails or does not make it
    /// smaller, as most zippers do; readers handle both methods alike.
    public mutating func add(_ name: String, _ bytes: [UInt8], method: Method = .deflated) {
        precondition(name.utf8.count <= Int(UInt16.max), "ZIP entry name too long: \(name)")
        precondition(bytes.count < Int(UInt32.max), "ZIP64 is not supported: \(name) is too large")
        precondition(entries.count < Int(UInt16.max), "ZIP64 is not supported: too many entries")
        let checksum = ZipChecksum.crc32(bytes)
        if method == .deflated, let compressed = Deflate.compress(bytes, windowBits: Deflate.rawWindow), compressed.count < bytes.count {
            entries.append(Entry(name: name, method: .deflated, crc32: checksum,
                                 uncompressedSize: bytes.count, payload: compressed))
        } else {
            entries.append(Entry(name: name, method: .stored, crc32: checksum,
                                 uncompressedSize: bytes.count, payload: bytes))
        }
    }

    /// The complete archive: every local header and its data, then the central directory, then the
    /// end-of-central-directory record.
    public func bytes() -> [UInt8] {
        var output: [UInt8] = []
        var localHeaderOffsets: [Int] = []
        for entry in entries {
            localHeaderOffsets.append(output.count)
            writeLocalHeader(entry, into: &output)
            output.append(contentsOf: entry.payload)
        }
        let centralDirectoryOffset = output.count
        for (entry, offset) in zip(entries, localHeaderOffsets) {
            writeCentralDirectoryHeader(entry, localHeaderOffset: offset, into: &output)
        }
        let centralDirectorySize = output.count - centralDirectoryOffset
        precondition(output.count < Int(UInt32.max), "ZIP64 is not supported: archive too large")
        writeEndOfCentralDirectory(entryCount: entries.count, size: centralDirectorySize,
                                   offset: centralDirectoryOffset, into: &output)
        return output
    }

    // MARK: - Records

    /// Bit 11 of the general purpose flag: the name is UTF-8, not IBM code page 437.
    private static let utf8NamesFlag: UInt16 = 1 << 11
    /// 1.0 suffices to extract a stored entry, 2.0 is needed for deflate (APPNOTE 4.4.3.2).
    private static func versionNeeded(_ method: Method) -> UInt16 { method == .stored ? 10 : 20 }
    /// Upper byte 0: MS-DOS attributes (none set); lower byte: the APPNOTE version we follow, 2.0.
    private static let versionMadeBy: UInt16 = 20

    private func writeLocalHeader(_ entry: Entry, into output: inout [UInt8]) {
        output.appendLittleEndian(UInt32(0x0403_4b50))
        writeSharedFields(entry, into: &output)
        output.append(contentsOf: Array(entry.name.utf8))
    }

    /// The fields both headers carry, in the same order: version needed to extract, flags, method,
    /// time and date, CRC-32, sizes, name length, and an empty extra field (ODF demands none for mimetype).
    private func writeSharedFields(_ entry: Entry, into output: inout [UInt8]) {
        output.appendLittleEndian(Self.versionNeeded(entry.method))
        output.appendLittleEndian(Self.utf8NamesFlag)
        output.appendLittleEndian(entry.method.rawValue)
        output.appendLittleEndian(modified.time)
        output.appendLittleEndian(modified.date)
        output.appendLittleEndian(entry.crc32)
        output.appendLittleEndian(UInt32(entry.payload.count))
        output.appendLittleEndian(UInt32(entry.uncompressedSize))
        output.appendLittleEndian(UInt16(entry.name.utf8.count))
        output.appendLittleEndian(UInt16(0))
    }

    private func writeCentralDirectoryHeader(_ entry: Entry, localHeaderOffset: Int, into output: inout [UInt8]) {
        output.appendLittleEndian(UInt32(0x0201_4b50))
        output.appendLittleEndian(Self.versionMadeBy)
        writeSharedFields(entry, into: &output)
        output.appendLittleEndian(UInt16(0))  // file comment length
        output.appendLittleEndian(UInt16(0))  // disk number start
        output.appendLittleEndian(UInt16(0))  // internal attributes
        output.appendLittleEndian(UInt32(0))  // external attributes
        output.appendLittleEndian(UInt32(localHeaderOffset))
        output.append(contentsOf: Array(entry.name.utf8))
    }

    private func writeEndOfCentralDirectory(entryCount: Int, size: Int, offset: Int, into output: inout [UInt8]) {
        output.appendLittleEndian(UInt32(0x0605_4b50))
        output.appendLittleEndian(UInt16(0))  // number of this disk
        output.appendLittleEndian(UInt16(0))  // disk where the central directory starts
        output.appendLittleEndian(UInt16(entryCount))  // entries on this disk
        output.appendLittleEndian(UInt16(entryCount))  // entries in total
        output.appendLittleEndian(UInt32(size))
        output.appendLittleEndian(UInt32(offset))
        output.appendLittleEndian(UInt16(0))  // comment length
    }
}

/// A date and time in the MS-DOS format of ZIP headers: two-second resolution, years 1980 to 2107.
public struct DOSTimestamp: Sendable, Equatable {
    /// Bits 15–9 years since 1980, 8–5 month, 4–0 day.
    public let date: UInt16
    /// Bits 15–11 hours, 10–5 minutes, 4–0 seconds divided by two.
    public let time: UInt16

    /// Values outside the format's range are clamped rather than refused: a wrong timestamp in an
    /// archive is harmless, a crash while serving a download is not.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let clampedYear = min(max(year, 1980), 2107) - 1980
        let clampedMonth = min(max(month, 1), 12)
        let clampedDay = min(max(day, 1), 31)
        date = UInt16(clampedYear << 9 | clampedMonth << 5 | clampedDay)
        let clampedHour = min(max(hour, 0), 23)
        let clampedMinute = min(max(minute, 0), 59)
        let clampedSecond = min(max(second, 0), 59)
        time = UInt16(clampedHour << 11 | clampedMinute << 5 | clampedSecond / 2)
    }
}

/// CRC-32 (ISO 3309, the one ZIP uses), computed by zlib.
enum ZipChecksum {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: CZlib.crc32(0, buffer.baseAddress, UInt32(buffer.count)))
        }
    }
}

extension Array where Element == UInt8 {
    /// ZIP stores every integer little-endian, whatever the machine.
    mutating func appendLittleEndian<Integer: FixedWidthInteger>(_ value: Integer) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
