import AccueilCore
import Foundation
import HTTPCore
import Orientation
import Web

/// `POST /api/v1/orientation/evaluate`: the orientation contract over HTTP (see docs/api.md).
///
/// It evaluates with `evaluateOrientation`, the function behind `accueil orient`, so the two cannot
/// disagree. Nothing is stored and nothing is audited: the household described in the body exists
/// only for the duration of the call. Recording an orientation is the intake feature's job.
enum OrientationAPIRoutes {
    static let path = "/api/v1/orientation/evaluate"

    /// `Web.Router` spelled out: the Orientation module has a `Router` of its own.
    static func register(on router: inout Web.Router, context: AppContext) {
        // A desk session (with its CSRF token), or a partner application's token with the scope
        // orientation:evaluate. Without either, 401 under /api/.
        router.post(path, middleware: [RequireAccess(permission: .recordIntake, scope: .orientationEvaluate)]) { request in
            try requireJSONBody(request)
            // The context's clock rather than Date(), so "today" moves with the tests' clock.
            let today = context.today
            let router = try await context.store.read { db in try OrientationRouter.stored(db, referential: context.referential) }
            switch evaluateOrientation(json: Data(request.http.body), today: today, router: router) {
            case .success(let decision): return json(decision, status: .ok)
            case .failure(let error): return json(error.jsonData, status: .badRequest)
            }
        }
    }

    /// JSON is UTF-8 by definition (RFC 8259): `application/json`, with no charset or `utf-8`.
    /// A form post or a text body is refused rather than guessed at.
    static func requireJSONBody(_ request: Request) throws {
        let parts = (request.headers["Content-Type"] ?? "").split(separator: ";").map { $0.trimmingASCIIWhitespace().lowercased() }
        let charset = parts.dropFirst().first { $0.hasPrefix("charset=") }.map { $0.dropFirst("charset=".count).trimmingCharacters(in: ["\""]) }
        guard parts.first == "application/json", charset == nil || charset == "utf-8" else {
            throw HTTPError(.unsupportedMediaType, "Le corps de la requête doit être du JSON encodé en UTF-8 (Content-Type: application/json).")
        }
    }

    private static func json(_ body: Data, status: HTTPStatus) -> HTTPResponse {
        // The body describes a household: no cache anywhere may keep it.
        HTTPResponse(status: status, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"],
                     body: Array(body))
    }
}
