import HTTPCore

/// gzip for compressible responses when the client accepts it. Small bodies are left alone: below
/// about a kilobyte the header overhead and CPU cost outweigh the saving.
public struct CompressionMiddleware: Middleware {
    public var minimumBytes: Int

    public init(minimumBytes: Int = 1024) { self.minimumBytes = minimumBytes }

    public func handle(_ request: Request, next: Handler) async throws -> HTTPResponse {
        var response = try await next(request)
        guard let type = response.headers["Content-Type"], MediaTypes.isCompressible(type) else { return response }
        // Caches must know the body depends on Accept-Encoding, whether or not this one is compressed.
        if !response.headers.tokens(for: "Vary").contains("accept-encoding") { response.headers.add("Vary", "Accept-Encoding") }
        guard response.body.count >= minimumBytes, response.headers["Content-Encoding"] == nil,
              AcceptEncoding.acceptsGzip(request.headers), let compressed = Gzip.compress(response.body),
              compressed.count < response.body.count else { return response }
        response.body = compressed
        response.headers.set("Content-Encoding", "gzip")
        if let etag = response.headers["ETag"], etag.hasSuffix("\"") {
            // A different body needs a different validator (RFC 9110 §8.8.3).
            response.headers.set("ETag", String(etag.dropLast()) + "-gz\"")
        }
        return response
    }
}
