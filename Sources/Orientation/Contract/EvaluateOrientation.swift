import Foundation

/// The single entry point of the JSON contract, shared by `accueil orient` and
/// `POST /api/v1/orientation/evaluate`, so the CLI and the API can never disagree.
///
/// `today` is the caller's current date (Europe/Paris), used when the request has no `date`.
/// On failure the error carries the field at fault; render it with `jsonData` (CLI: exit 2,
/// HTTP: 400).
public func evaluateOrientation(
    json: Data, today: LocalDate, router: OrientationRouter, prettyPrinted: Bool = false
) -> Result<Data, OrientationRequestError> {
    do {
        let request = try OrientationRequest(json: json)
        let decision = try orientRequest(request, today: today, router: router)
        return .success(OrientationResponse(decision).jsonData(prettyPrinted: prettyPrinted))
    } catch {
        return .failure(error)
    }
}

/// The decision for a decoded request, for callers that want the typed value (e.g. to save it).
public func orientRequest(
    _ request: OrientationRequest, today: LocalDate, router: OrientationRouter
) throws(OrientationRequestError) -> RoutingDecision {
    do {
        return try router.orient(request.household, on: request.date ?? today)
    } catch {
        throw OrientationRequestError(error)
    }
}
