import AccueilCore
import HTML
import HTTPCore
import Planning
import SQLiteStore
import Web

/// Managers keep the list of social workers who hold permanences (a production database starts
/// empty: the demo's fictitious workers are seeded in demo mode only).
enum SocialWorkerRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .planPermanences)]

        router.get("/planning/travailleurs", middleware: gate) { request in
            let data = try await load(context)
            return listPage(request, data, form: SocialWorkerForm(), notice: request.query["info"])
        }

        router.post("/planning/travailleurs", middleware: gate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let data = try await load(context)
            var form = SocialWorkerForm(try request.form(), circonscriptions: data.circonscriptionIDs, accounts: data.accountIDs)
            form.errors += data.linkErrors(form.account, workerID: nil)
            guard form.errors.isEmpty else { return listPage(request, data, form: form, status: .unprocessableContent) }
            let worker = form.worker(id: form.newID(existing: Set(data.snapshot.workers.map(\.id))))
            let now = context.now()
            let linked = form.account
            try await context.store.write { db in
                try PlanningRepository.insert(db, worker: worker, accountID: linked)
                try AuditTrail.record(db, at: now, account: account.id, .socialWorkerChanged, subjectType: "travailleur_social", subjectID: worker.id, detail: "ajouté")
            }
            return .redirect(to: "/planning/travailleurs?info=enregistre")
        }

        router.get("/planning/travailleurs/:id", middleware: gate) { request in
            let data = try await load(context)
            let worker = try data.worker(request)
            return Layout.response(title: worker.displayName, body: SocialWorkerPages.edit(request, worker: worker, active: data.isActive(worker), form: SocialWorkerForm(worker, accountID: data.links[worker.id]),
                                                                                          options: data.options), request: request)
        }

        router.post("/planning/travailleurs/:id", middleware: gate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let data = try await load(context)
            let existing = try data.worker(request)
            var form = SocialWorkerForm(try request.form(), circonscriptions: data.circonscriptionIDs, accounts: data.accountIDs)
            form.errors += data.linkErrors(form.account, workerID: existing.id)
            guard form.errors.isEmpty else {
                return Layout.response(title: existing.displayName, body: SocialWorkerPages.edit(request, worker: existing, active: data.isActive(existing), form: form, options: data.options),
                                       request: request, status: .unprocessableContent)
            }
            let updated = form.worker(id: existing.id)
            let (now, linked) = (context.now(), form.account)
            try await context.store.write { db in
                try PlanningRepository.update(db, worker: updated, accountID: linked)
                try AuditTrail.record(db, at: now, account: account.id, .socialWorkerChanged, subjectType: "travailleur_social", subjectID: updated.id, detail: "modifié")
            }
            return .redirect(to: "/planning/travailleurs?info=enregistre")
        }
    }

    struct Data: Sendable {
        let snapshot: PlanningSnapshot
        let links: [String: Int64]
        let accounts: [Account]
        let circonscriptionIDs: Set<String>

        var accountIDs: Set<String> { Set(accounts.map { String($0.id) }) }

        var options: SocialWorkerPages.Options {
            SocialWorkerPages.Options(
                circonscriptions: PlanningSnapshot.circonscriptionIDs.map { .init($0, snapshot.directory.circonscriptionName($0)) },
                accounts: accounts.map { .init(String($0.id), "\($0.displayName) (\($0.login))") },
                logins: Dictionary(accounts.map { ($0.id, $0.login) }, uniquingKeysWith: { first, _ in first }))
        }

        func isActive(_ worker: SocialWorker) -> Bool { !snapshot.inactiveWorkerIDs.contains(worker.id) }

        func worker(_ request: Request) throws -> SocialWorker {
            let id = try request.parameter("id")
            guard let worker = snapshot.workers.first(where: { $0.id == id }) else { throw HTTPError.notFound }
            return worker
        }

        /// One account is one person: it cannot be linked to two social workers.
        func linkErrors(_ account: Int64?, workerID: String?) -> [(field: String, message: String)] {
            guard let account, let other = links.first(where: { $0.value == account && $0.key != workerID }) else { return [] }
            return [("compte", "Ce compte est déjà lié à \(snapshot.directory.workerName(other.key)).")]
        }
    }

    /// Social-worker accounts still active: the ones that can be linked.
    static func load(_ context: AppContext) async throws -> Data {
        try await context.store.read { db in
            Data(snapshot: try PlanningSnapshot.load(db, referential: context.referential), links: try PlanningRepository.accountLinks(db),
                 accounts: try AccountRepository.all(db).filter { $0.roles.contains(.socialWorker) && !$0.disabled },
                 circonscriptionIDs: Set(PlanningSnapshot.circonscriptionIDs))
        }
    }

    static func listPage(_ request: Request, _ data: Data, form: SocialWorkerForm, notice: String? = nil, status: HTTPStatus = .ok) -> HTTPResponse {
        Layout.response(title: "Travailleurs sociaux du planning",
                        body: SocialWorkerPages.list(request, workers: data.snapshot.workers, inactive: data.snapshot.inactiveWorkerIDs, links: data.links, directory: data.snapshot.directory,
                                                     form: form, options: data.options, notice: notice),
                        request: request, status: status)
    }
}
