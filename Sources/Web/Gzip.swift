import CZlib
import Deflate

/// gzip (RFC 1952) through zlib.
public enum Gzip {
    /// Compresses `input` into a gzip member; nil only if zlib fails to initialise.
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8]? {
        Deflate.compress(input, windowBits: Deflate.gzipWindow, level: level)
    }

    /// Decompresses a gzip member, refusing output larger than `limit` (a decompression bomb).
    public static func decompress(_ input: [UInt8], limit: Int = 16 * 1024 * 1024) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        return input.withUnsafeBufferPointer { source -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if output.count > limit { return nil }
                if status == Z_STREAM_END { return output }
                guard status == Z_OK else { return nil }
            }
        }
    }
}
