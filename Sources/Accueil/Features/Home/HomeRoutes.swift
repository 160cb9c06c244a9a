import HTTPCore
import Web

enum HomeRoutes {
    static func register(on router: inout Router) {
        router.get("/") { _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache"],
                         body: HomePage.render().bytes)
        }
    }
}
