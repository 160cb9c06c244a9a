import AccueilCore
import Foundation
import HTTPCore
import Planning
import SQLiteStore
import Web

/// The iCalendar feeds (RFC 5545) per site and per social worker, for Outlook or Thunderbird: behind
/// the session at `/planning/ics/…`, and behind a secret subscription link at `/agenda/<token>.ics`
/// (`CalendarSubscriptionRoutes` makes and revokes those links). Both give the same calendar, which
/// holds permanences only: no booked person, no absence reason.
enum PlanningFeedRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let readGate: [any Middleware] = [RequirePermission(permission: .readPlanning)]

        for kind in CalendarSubscription.Kind.allCases {
            router.get("/planning/ics/\(PlanningSubject.segment(kind))/:file", middleware: readGate) { request in
                try await feed(kind, subjectID: try icsID(request), context: context)
            }
        }

        // No session: the token is the credential. 256 random bits cannot be guessed, so unknown
        // tokens are not throttled; unknown, revoked, or whose creator may no longer read the planning
        // all get the same bare 404.
        router.get("/agenda/:file") { request in
            guard let token = try? icsID(request) else { return notFound }
            let now = context.now()
            let found = try await context.store.read { db -> CalendarSubscription? in
                guard let subscription = try CalendarSubscriptionRepository.active(db, token: token),
                      let creator = try AccountRepository.find(db, id: subscription.createdBy),
                      !creator.disabled, creator.can(.readPlanning) else { return nil }
                return subscription
            }
            guard let subscription = found else { return notFound }
            if now - (subscription.lastUsedAt ?? 0) >= lastUsedResolution {
                // Losing this mark must not stop the calendar on a read-only, full or busy database.
                do {
                    try await context.store.write { db in try CalendarSubscriptionRepository.markUsed(db, id: subscription.id, at: now) }
                } catch let error as SQLiteError where DatabaseFaults.isTransient(error) {}
            }
            do {
                return try await feed(subscription.kind, subjectID: subscription.subjectID, context: context)
            } catch let error as HTTPError where error.status == .notFound {
                return notFound
            }
        }
    }

    /// `last_used_at` is written at most once per quarter hour per link (clients poll often).
    static let lastUsedResolution: Int64 = 900

    /// Plain, bare and not stored: a calendar client has no use for the French page, and the answer
    /// must not say whether the token ever existed.
    static var notFound: HTTPResponse {
        var response = HTTPResponse.text("Not Found", status: .notFound)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// "mds-lac.ics" → "mds-lac"; anything else is not a feed.
    static func icsID(_ request: Request) throws -> String {
        let file = try request.parameter("file")
        guard file.hasSuffix(".ics"), file.count > 4 else { throw HTTPError.notFound }
        return String(file.dropLast(4))
    }

    /// The calendar of a site or a social worker; 404 when the subject is unknown.
    static func feed(_ kind: CalendarSubscription.Kind, subjectID: String, context: AppContext) async throws -> HTTPResponse {
        let (snapshot, occurrences) = try await feedOccurrences(context: context)
        let subject = try PlanningSubject(kind, id: subjectID, in: snapshot)
        return ics(subject.occurrences(in: occurrences), name: "Permanences – \(subject.name)", file: subjectID, snapshot: snapshot, context: context)
    }

    /// Four weeks back (so a recent change still shows) and six months ahead.
    static func feedOccurrences(context: AppContext) async throws -> (PlanningSnapshot, [Occurrence]) {
        let today = context.today.calendarDate
        let snapshot = try await context.store.read { db in try PlanningSnapshot.load(db, referential: context.referential) }
        return (snapshot, snapshot.occurrences(from: today.adding(days: -28), to: today.adding(days: 183)))
    }

    static func ics(_ occurrences: [Occurrence], name: String, file: String, snapshot: PlanningSnapshot, context: AppContext) -> HTTPResponse {
        let text = ICSCalendar(directory: snapshot.directory).ics(for: occurrences, calendarName: name,
                                                                  now: Date(timeIntervalSince1970: TimeInterval(context.now())))
        return HTTPResponse(status: .ok, headers: ["Content-Type": "text/calendar; charset=utf-8",
                                                   "Content-Disposition": "inline; filename=\"\(file).ics\"",
                                                   "Cache-Control": "no-store"],
                            body: Array(text.utf8))
    }
}
