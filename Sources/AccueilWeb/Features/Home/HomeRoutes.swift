import AccueilCore
import HTTPCore
import Web

enum HomeRoutes {
    static func register(on router: inout Router) {
        router.get("/") { request in
            var response = HTTPResponse(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: HomePage.render(request).bytes)
            if request.session == nil { response.headers.set("Cache-Control", "no-cache") }
            return response
        }
    }
}
