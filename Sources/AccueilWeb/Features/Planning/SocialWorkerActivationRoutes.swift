import AccueilCore
import HTML
import HTTPCore
import Planning
import SQLiteStore
import Web

/// Managers deactivate a social worker who left (after a confirmation) and reactivate one who came
/// back. Deactivation is refused while the worker still holds a permanence valid today or later: the
/// manager reassigns those first, so no future occurrence is held by someone nobody can choose.
enum SocialWorkerActivationRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .planPermanences)]

        router.get("/planning/travailleurs/:id/desactiver", middleware: gate) { request in
            let (snapshot, worker) = try await load(request, context: context)
            guard !snapshot.inactiveWorkerIDs.contains(worker.id) else { return .redirect(to: "/planning/travailleurs/\(worker.id)") }
            let held = snapshot.permanencesHeld(by: worker.id, onOrAfter: context.today.calendarDate)
            return page(request, worker: worker, held: held, directory: snapshot.directory)
        }

        router.post("/planning/travailleurs/:id/desactiver", middleware: gate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let workerID = try request.parameter("id")
            let now = context.now()
            let today = ParisTime(now).day.calendarDate
            // Checked and written in one transaction: a permanence given to this worker meanwhile is seen.
            let refusal = try await context.store.write { db -> (PlanningSnapshot, SocialWorker, [Permanence])? in
                let snapshot = try PlanningSnapshot.load(db, referential: context.referential)
                guard let worker = snapshot.workers.first(where: { $0.id == workerID }) else { throw HTTPError.notFound }
                let held = snapshot.permanencesHeld(by: workerID, onOrAfter: today)
                guard held.isEmpty else { return (snapshot, worker, held) }
                if try PlanningRepository.setActive(db, workerID: workerID, false) {
                    try AuditTrail.record(db, at: now, account: account.id, .socialWorkerDeactivated, subjectType: "travailleur_social", subjectID: workerID)
                }
                return nil
            }
            if let (snapshot, worker, held) = refusal {
                return page(request, worker: worker, held: held, directory: snapshot.directory, status: .conflict)
            }
            return .redirect(to: "/planning/travailleurs?info=desactive")
        }

        router.post("/planning/travailleurs/:id/reactiver", middleware: gate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let workerID = try request.parameter("id")
            let now = context.now()
            try await context.store.write { db in
                guard try PlanningRepository.workers(db).contains(where: { $0.id == workerID }) else { throw HTTPError.notFound }
                if try PlanningRepository.setActive(db, workerID: workerID, true) {
                    try AuditTrail.record(db, at: now, account: account.id, .socialWorkerReactivated, subjectType: "travailleur_social", subjectID: workerID)
                }
            }
            return .redirect(to: "/planning/travailleurs?info=reactive")
        }
    }

    static func load(_ request: Request, context: AppContext) async throws -> (PlanningSnapshot, SocialWorker) {
        let id = try request.parameter("id")
        let snapshot = try await context.store.read { db in try PlanningSnapshot.load(db, referential: context.referential) }
        guard let worker = snapshot.workers.first(where: { $0.id == id }) else { throw HTTPError.notFound }
        return (snapshot, worker)
    }

    static func page(_ request: Request, worker: SocialWorker, held: [Permanence], directory: PlanningDirectory, status: HTTPStatus = .ok) -> HTTPResponse {
        let body = held.isEmpty ? SocialWorkerActivationPage.confirm(request, worker: worker)
            : SocialWorkerActivationPage.refused(worker: worker, held: held, directory: directory)
        return Layout.response(title: "Désactiver \(worker.displayName)", body: body, request: request, status: status, stylesheet: "planning.css")
    }
}
