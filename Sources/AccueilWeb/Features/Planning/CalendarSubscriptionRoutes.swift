import AccueilCore
import HTML
import HTTPCore
import Planning
import SQLiteStore
import Web

/// Secret subscription links to the planning feeds. Anyone who may read the planning may subscribe to
/// any site's or social worker's feed (the session feeds already allow reading them all); each person
/// sees and revokes their own links, managers (`planPermanences`) everyone's. The feed itself is served
/// by `PlanningFeedRoutes` at `/agenda/<token>.ics`.
enum CalendarSubscriptionRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let readGate: [any Middleware] = [RequirePermission(permission: .readPlanning)]

        router.get("/planning/abonnements", middleware: readGate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let seesAll = account.can(.planPermanences)
            let (subscriptions, snapshot) = try await context.store.read { db in
                (try CalendarSubscriptionRepository.list(db, createdBy: seesAll ? nil : account.id),
                 try PlanningSnapshot.load(db, referential: context.referential))
            }
            return Layout.response(title: CalendarSubscriptionPages.listTitle,
                                   body: CalendarSubscriptionPages.list(request, subscriptions, directory: snapshot.directory, showCreator: seesAll,
                                                                        notice: request.query["info"]),
                                   request: request)
        }

        router.post("/planning/abonnements", middleware: readGate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let form = try request.form()
            guard let kind = CalendarSubscription.Kind(rawValue: form["type"] ?? ""), let subjectID = form["sujet"], !subjectID.isEmpty
            else { throw HTTPError(.badRequest, "Choisissez un site ou un travailleur social.") }
            let now = context.now()
            let (name, created) = try await context.store.write { db -> (String, (id: Int64, token: String)) in
                let snapshot = try PlanningSnapshot.load(db, referential: context.referential)
                guard let name = PlanningSubject.name(kind, subjectID, in: snapshot) else { throw HTTPError.notFound }
                let created = try CalendarSubscriptionRepository.create(db, kind: kind, subjectID: subjectID, accountID: account.id, at: now)
                try AuditTrail.record(db, at: now, account: account.id, .calendarSubscriptionCreated, subjectType: "abonnement_agenda",
                                      subjectID: String(created.id), detail: "\(kind.rawValue) \(subjectID)")
                return (name, created)
            }
            // Shown by the page the browser is sent to: a reload there shows nothing again and creates nothing.
            let url = context.publicURL + CalendarSubscription.path(token: created.token)
            return .redirect(to: "/planning/abonnements/lien/" + context.reveals.keep(url, label: name, for: account.id, now: now))
        }

        router.get("/planning/abonnements/lien/:id", middleware: readGate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            guard let shown = context.reveals.take(try request.parameter("id"), for: account.id, now: context.now()) else {
                return Layout.response(title: "Lien déjà affiché", body: CalendarSubscriptionPages.alreadyShown, request: request, status: .gone)
            }
            return Layout.response(title: "Lien d'abonnement créé", body: CalendarSubscriptionPages.created(url: shown.secret, subjectName: shown.label),
                                   request: request)
        }

        router.post("/planning/abonnements/:id/revoquer", middleware: readGate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            guard let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            let now = context.now()
            try await context.store.write { db in
                // Someone else's link is "not found", not "forbidden": its existence is none of their business.
                guard let subscription = try CalendarSubscriptionRepository.find(db, id: id),
                      subscription.createdBy == account.id || account.can(.planPermanences) else { throw HTTPError.notFound }
                if try CalendarSubscriptionRepository.revoke(db, id: id, by: account.id, at: now) {
                    try AuditTrail.record(db, at: now, account: account.id, .calendarSubscriptionRevoked, subjectType: "abonnement_agenda",
                                          subjectID: String(id), detail: "\(subscription.kind.rawValue) \(subscription.subjectID)")
                }
            }
            return .redirect(to: "/planning/abonnements?info=revoque")
        }
    }
}
