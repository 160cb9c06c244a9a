import AccueilCore
import HTTPCore
import Web

/// `GET /api/v1/directory/structures` and `…/services`: the whole directory as data·inclusion v1
/// JSON arrays (the format of DORA and data·inclusion), the same records the import takes back.
enum DirectoryAPIRoutes {
    static let structuresPath = "/api/v1/directory/structures"
    static let servicesPath = "/api/v1/directory/services"

    static func register(on router: inout Web.Router, context: AppContext) {
        // A desk session, or a partner application's token with the scope directory:read.
        let gate: [any Middleware] = [RequireAccess(permission: .useDesk, scope: .directoryRead)]
        router.get(structuresPath, middleware: gate) { _ in
            try json(try await context.store.read { db in try PartnerDirectory.structures(db) })
        }
        router.get(servicesPath, middleware: gate) { _ in
            try json(try await context.store.read { db in try PartnerDirectory.services(db) })
        }
    }

    private static func json(_ records: some Encodable) throws -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache"],
                     body: Array(try PartnerDirectory.text(records).utf8))
    }
}
