import AccueilCore
import HTML
import HTTPCore
import Planning
import Web

/// `POST /planning/permanences/:id/personnes`: a grid cell's in-place form changes the titulaire and
/// suppléant only, then goes back to the cell. A refused form re-renders the grid page with the cell
/// open: 422 with the errors in it, 409 with the current values when someone changed it meanwhile.
enum PermanenceCellRoutes {
    static func register(on router: inout Router, context: AppContext, middleware: [any Middleware]) {
        router.post("/planning/permanences/:id/personnes", middleware: middleware) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let (snapshot, existing) = try await PermanenceRoutes.loadPermanence(request, context: context)
            let form = PermanenceCellForm(try request.form(), permanence: existing, workers: snapshot.activeWorkers)
            let updated = form.people.applied(to: existing)
            var errors = form.people.errors
            if errors.isEmpty { errors = updated.validationErrors.map { ("titulaire", $0) } }
            guard errors.isEmpty else {
                var failed = form
                failed.people.errors = errors
                return try await gridPage(request, failed, status: .unprocessableContent, context: context)
            }
            let detail = PermanencePeopleForm.changedFields(existing, updated).joined(separator: ",")
            guard try await PermanenceRoutes.saveIfUnchanged(updated, version: form.version, detail: detail.isEmpty ? "aucun changement" : detail,
                                                             account: account.id, context: context) else {
                let (_, current) = try await PermanenceRoutes.loadPermanence(request, context: context)
                var stale = PermanenceCellForm(current)
                stale.staleMessage = PermanenceCellForm.staleText
                return try await gridPage(request, stale, status: .conflict, context: context)
            }
            return .redirect(to: "/planning?info=modifie#permanence-\(updated.id)")
        }
    }

    private static func gridPage(_ request: Request, _ cell: PermanenceCellForm, status: HTTPStatus, context: AppContext) async throws -> HTTPResponse {
        let input = try await PlanningRoutes.gridInput(request, context: context, failedCell: cell)
        return Layout.response(title: "Erreur – Planning des permanences", body: PlanningGridPage.render(request, input), request: request,
                               status: status, stylesheet: "planning.css")
    }
}
