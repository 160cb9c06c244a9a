import AccueilCore
import Foundation
import HTTPCore
import Web

/// `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of every `/api/v1` route, their
/// authentication and their errors (`Resources/api/openapi.json`, kept with the routes: a test fails
/// when a route is missing from it). Public: it describes, it holds no data.
enum OpenAPIRoutes {
    static let path = "/api/v1/openapi.json"
    static let file = "api/openapi.json"

    static func register(on router: inout Web.Router, context: AppContext) {
        let document = FileManager.default.contents(atPath: context.configuration.resourcesDirectory + "/" + file).map(Array.init) ?? []
        router.get(path) { _ in
            guard !document.isEmpty else { throw HTTPError(.notFound, "Description OpenAPI absente de cette installation.") }
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache"], body: document)
        }
    }
}
