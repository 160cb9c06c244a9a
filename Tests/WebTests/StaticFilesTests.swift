#if canImport(Glibc)
import Glibc
#endif
import HTTPCore
import Testing
@testable import Web

@Suite struct StaticFilesTests {
    /// A temp tree: root/public/{app.css, sub/x.js, .hidden} plus root/secret.txt outside and a symlink escaping.
    final class Tree {
        let base: String
        var publicDir: String { base + "/public" }
        init() {
            var template = Array("/tmp/static-test-XXXXXX".utf8CString)
            base = String(cString: mkdtemp(&template))
            mkdir(base + "/public", 0o755)
            mkdir(base + "/public/sub", 0o755)
            write(base + "/public/app.css", String(repeating: "body { color: #123; }\n", count: 200))
            write(base + "/public/sub/x.js", "console.log(1)")
            write(base + "/public/.hidden", "no")
            write(base + "/secret.txt", "top secret")
            symlink(base + "/secret.txt", base + "/public/link.txt")
        }
        func write(_ path: String, _ text: String) {
            let file = fopen(path, "w")!
            fputs(text, file)
            fclose(file)
        }
        deinit { _ = system("rm -rf '\(base)'") }
    }

    func get(_ files: StaticFiles, _ target: String, _ headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = headers
        all.add("Host", "t")
        return files.respond(HTTPRequest(method: "GET", target: target, headers: all))
    }

    @Test func servesWithTypeETagAndCacheControlThenRevalidates() {
        let tree = Tree()
        let files = StaticFiles(root: tree.publicDir, prefix: "/static")
        let first = get(files, "/static/app.css")
        #expect(first.status.code == 200)
        #expect(first.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(first.headers["Cache-Control"] == "public, max-age=3600")
        let etag = first.headers["ETag"] ?? ""
        #expect(etag.hasPrefix("\"") && etag.count > 4)
        let revalidated = get(files, "/static/app.css", ["If-None-Match": etag])
        #expect(revalidated.status.code == 304)
        #expect(revalidated.body.isEmpty)
        #expect(get(files, "/static/sub/x.js").headers["Content-Type"] == "text/javascript; charset=utf-8")
    }

    @Test func gzipCopyIsServedWhenAcceptedAndDecompressesToTheFile() throws {
        let tree = Tree()
        let files = StaticFiles(root: tree.publicDir, prefix: "/static")
        let plain = get(files, "/static/app.css")
        let gzipped = get(files, "/static/app.css", ["Accept-Encoding": "gzip, deflate"])
        #expect(gzipped.headers["Content-Encoding"] == "gzip")
        #expect(gzipped.body.count < plain.body.count)
        #expect(Gzip.decompress(gzipped.body) == plain.body)
        #expect(gzipped.headers["ETag"] != plain.headers["ETag"])
        #expect(get(files, "/static/app.css", ["Accept-Encoding": "gzip;q=0"]).headers["Content-Encoding"] == nil)
    }

    @Test(arguments: ["/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/%2E%2E/secret.txt",
                      "/static/sub/../../secret.txt", "/static/..%2fsecret.txt", "/static/link.txt", "/static/.hidden",
                      "/static/sub%2f..%2f..%2fsecret.txt", "/static/app.css%00.png", "/static/", "/static/sub", "/static//app.css",
                      "/static/%5c..%5csecret.txt"])
    func nothingOutsideTheFolderNorHiddenIsServed(_ target: String) {
        let tree = Tree()
        let files = StaticFiles(root: tree.publicDir, prefix: "/static")
        let response = get(files, target)
        #expect(response.status.code == 404)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("top secret"))
    }

    @Test func compressionMiddlewareCompressesLargeTextOnlyWhenAccepted() async throws {
        var router = Router()
        router.use(CompressionMiddleware())
        let page = String(repeating: "<p>Bonjour à l'accueil</p>", count: 100)
        router.get("/") { _ in .html(page) }
        router.get("/small") { _ in .html("<p>petit</p>") }
        let responder = router.freeze { error, _ in HTTPResponse(status: error.status) }
        let compressed = await responder.respond(to: HTTPRequest(method: "GET", target: "/", headers: ["Host": "t", "Accept-Encoding": "gzip"]))
        #expect(compressed.headers["Content-Encoding"] == "gzip")
        #expect(compressed.headers["Vary"] == "Accept-Encoding")
        #expect(Gzip.decompress(compressed.body).map { String(decoding: $0, as: UTF8.self) } == page)
        let plain = await responder.respond(to: HTTPRequest(method: "GET", target: "/", headers: ["Host": "t"]))
        #expect(plain.headers["Content-Encoding"] == nil)
        #expect(plain.headers["Vary"] == "Accept-Encoding")
        let small = await responder.respond(to: HTTPRequest(method: "GET", target: "/small", headers: ["Host": "t", "Accept-Encoding": "gzip"]))
        #expect(small.headers["Content-Encoding"] == nil)
    }

    @Test func gzipBombIsRefused() throws {
        let big = [UInt8](repeating: 0, count: 2_000_000)
        let bomb = try #require(Gzip.compress(big))
        #expect(Gzip.decompress(bomb, limit: 1_000_000) == nil)
        #expect(Gzip.decompress(bomb)?.count == big.count)
    }
}
