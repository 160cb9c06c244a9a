import Foundation
import HTTPCore
import Planning
import SQLiteStore
import Web

/// The iCalendar feeds (RFC 5545) per site and per social worker, for Outlook or Thunderbird.
enum PlanningFeedRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let readGate: [any Middleware] = [RequirePermission(permission: .readPlanning)]

        router.get("/planning/ics/sites/:file", middleware: readGate) { request in
            let siteID = try icsID(request)
            let (snapshot, occurrences) = try await feedOccurrences(context: context)
            guard let site = snapshot.sites.first(where: { $0.id == siteID }) else { throw HTTPError.notFound }
            return ics(ICSCalendar.occurrences(forSite: siteID, in: occurrences), name: "Permanences – \(site.name)",
                       file: siteID, snapshot: snapshot, context: context)
        }

        router.get("/planning/ics/travailleurs/:file", middleware: readGate) { request in
            let workerID = try icsID(request)
            let (snapshot, occurrences) = try await feedOccurrences(context: context)
            guard let worker = snapshot.workers.first(where: { $0.id == workerID }) else { throw HTTPError.notFound }
            return ics(ICSCalendar.occurrences(forWorker: workerID, in: occurrences), name: "Permanences – \(worker.displayName)",
                       file: workerID, snapshot: snapshot, context: context)
        }
    }

    /// "mds-lac.ics" → "mds-lac"; anything else is not a feed.
    static func icsID(_ request: Request) throws -> String {
        let file = try request.parameter("file")
        guard file.hasSuffix(".ics"), file.count > 4 else { throw HTTPError.notFound }
        return String(file.dropLast(4))
    }

    /// Four weeks back (so a recent change still shows) and six months ahead.
    static func feedOccurrences(context: AppContext) async throws -> (PlanningSnapshot, [Occurrence]) {
        let today = ParisNow(context.now()).date
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
