import CZlib

/// One-shot deflate through zlib, shared by the gzip answers (`Web.Gzip`) and the OpenDocument
/// archives (raw deflate in ZIP entries): the window bits choose the wrapping — 15 + 16 for a gzip
/// member, -15 for the bare RFC 1951 stream.
public enum Deflate {
    public static let gzipWindow: Int32 = 15 + 16
    public static let rawWindow: Int32 = -15

    /// nil only if zlib fails.
    public static func compress(_ input: [UInt8], windowBits: Int32, level: Int32 = Z_DEFAULT_COMPRESSION) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        // deflateBound is an upper bound for a single Z_FINISH call (plus room for a gzip header), so one call completes.
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        let status: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}
