#if canImport(Glibc)
import Glibc
#endif
import HTTPCore
import Synchronization

/// Serves the files of one folder (`Public/`) under a URL prefix, with ETag revalidation, caching
/// headers and a precompressed gzip copy kept in memory.
///
/// No way out of the folder: each path segment is decoded and refused if it is empty, `.`, `..`,
/// hidden, or hides a separator or NUL; then the resolved real path (symlinks followed) must still lie
/// inside the folder's real path.
public final class StaticFiles: Sendable {
    private struct CachedFile: Sendable {
        let modified: Int
        let size: Int
        let body: [UInt8]
        let gzipped: [UInt8]?
        /// Every header of each variant, prepared once: answering costs no header building.
        let plain: Variant
        let compressed: Variant?
        /// The second (wall clock) the file was last checked on disk: one stat per file per second at most.
        var checkedAt: Int
    }

    private struct Variant: Sendable {
        let etag: String
        let headers: HTTPHeaders
    }

    public let root: String
    private let realRoot: String
    private let prefix: String
    private let cacheControl: String
    private let cache = Mutex<[String: CachedFile]>([:])

    private let extraHeaders: HTTPHeaders
    private let notFound: @Sendable (HTTPRequest) -> HTTPResponse

    /// - Parameters:
    ///   - root: the folder served.
    ///   - prefix: the URL path the folder appears under, e.g. `/static`.
    ///   - extraHeaders: added to every answer (security headers: static answers bypass middleware).
    ///   - notFound: the answer for a missing or refused path.
    public init(root: String, prefix: String, cacheControl: String = "public, max-age=3600", extraHeaders: HTTPHeaders = HTTPHeaders(),
                notFound: @escaping @Sendable (HTTPRequest) -> HTTPResponse = { _ in HTTPResponse(status: .notFound) }) {
        self.extraHeaders = extraHeaders
        self.notFound = notFound
        self.root = root
        self.realRoot = StaticFiles.realPath(root) ?? root
        self.prefix = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        self.cacheControl = cacheControl
    }

    /// The raw handler for `Router.mount`: GET and HEAD only, anything else 405.
    public func respond(_ request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = HTTPResponse(status: .methodNotAllowed, headers: ["Allow": "GET, HEAD"])
            for (name, value) in extraHeaders { response.headers.add(name, value) }
            return response
        }
        return answer(request) ?? notFound(request)
    }

    private func answer(_ request: HTTPRequest) -> HTTPResponse? {
        guard let relative = safeRelativePath(String(request.path)), let file = load(relative) else { return nil }
        let gzip = file.compressed != nil && AcceptEncoding.acceptsGzip(request.headers)
        let variant = gzip ? file.compressed! : file.plain
        if let inm = request.headers["If-None-Match"], StaticFiles.matches(inm, variant.etag) {
            return HTTPResponse(status: .notModified, headers: variant.headers)
        }
        return HTTPResponse(status: .ok, headers: variant.headers, body: gzip ? file.gzipped! : file.body)
    }

    private func variant(contentType: String, etag: String, gzip: Bool) -> Variant {
        var headers: HTTPHeaders = ["Content-Type": contentType, "ETag": etag, "Cache-Control": cacheControl]
        if gzip { headers.add("Content-Encoding", "gzip") }
        if MediaTypes.isCompressible(contentType) { headers.add("Vary", "Accept-Encoding") }
        for (name, value) in extraHeaders { headers.add(name, value) }
        return Variant(etag: etag, headers: headers)
    }

    /// The decoded relative path, or nil if it could leave the folder or name a hidden file.
    func safeRelativePath(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix(prefix + "/") else { return nil }
        var segments: [String] = []
        for raw in rawPath.dropFirst(prefix.count + 1).split(separator: "/", omittingEmptySubsequences: false) {
            guard let segment = PercentDecoding.decode(raw), !segment.isEmpty, !segment.hasPrefix("."),
                  !segment.contains("/"), !segment.contains("\\"), !segment.contains("\0") else { return nil }
            segments.append(segment)
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }

    private func load(_ relative: String) -> CachedFile? {
        let second = Int(time(nil))
        if let cached = cache.withLock({ $0[relative] }), cached.checkedAt == second { return cached }
        let full = root + "/" + relative
        var info = stat()
        guard stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        let size = Int(info.st_size)
        // The containment check below ran when the entry was cached, and any change to the file
        // (including becoming a symlink elsewhere) changes its stat and reloads it.
        if var cached = cache.withLock({ $0[relative] }), cached.modified == modified, cached.size == size {
            cached.checkedAt = second
            cache.withLock { [cached] in $0[relative] = cached }
            return cached
        }
        guard let real = StaticFiles.realPath(full), real.hasPrefix(realRoot + "/") else { return nil }
        guard let body = StaticFiles.readFile(real) else { return nil }
        let contentType = MediaTypes.forPath(relative)
        let gzipped = MediaTypes.isCompressible(contentType) ? Gzip.compress(body, level: 9).flatMap { $0.count < body.count ? $0 : nil } : nil
        let etag = "\"\(StaticFiles.fingerprint(body))\""
        let file = CachedFile(modified: modified, size: size, body: body, gzipped: gzipped,
                              plain: variant(contentType: contentType, etag: etag, gzip: false),
                              compressed: gzipped.map { _ in variant(contentType: contentType, etag: String(etag.dropLast()) + "-gz\"", gzip: true) },
                              checkedAt: second)
        cache.withLock { $0[relative] = file }
        return file
    }

    /// If-None-Match: `*` or a list of entity tags, compared weakly (RFC 9110 §13.1.2).
    static func matches(_ header: String, _ etag: String) -> Bool {
        if header.trimmingASCIIWhitespace() == "*" { return true }
        return header.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingASCIIWhitespace()
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }

    /// FNV-1a, 64-bit: a content fingerprint for the ETag, not a security measure.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { break }
        }
        return ferror(file) == 0 ? bytes : nil
    }
}
