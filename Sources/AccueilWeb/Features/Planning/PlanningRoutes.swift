import AccueilCore
import Foundation
import HTML
import HTTPCore
import Planning
import SQLiteStore
import Web

/// The planning screens everyone reads: the Annexe 4 grids, a site's day sheet for the reception
/// desk, week and month views per site and per social worker. Editing is in `PermanenceRoutes`,
/// `ExceptionRoutes` and `SocialWorkerRoutes`; the calendars in `PlanningFeedRoutes`.
enum PlanningRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let readGate: [any Middleware] = [RequirePermission(permission: .readPlanning)]

        router.get("/planning", middleware: readGate) { request in
            let input = try await gridInput(request, context: context)
            return Layout.response(title: "Planning des permanences", body: PlanningGridPage.render(request, input), request: request, stylesheet: "planning.css")
        }

        router.get("/planning/sites/:id/jour", middleware: readGate) { request in
            let siteID = try request.parameter("id")
            let day = try date(request, default: context.today.calendarDate)
            let showNames = request.session?.account.can(.readPersonFile) == true
            var (snapshot, bookings, walkIns, names, needs) = try await context.store.read { db in
                let bookings = try BookingRepository.active(db, from: day, to: day)
                let walkIns = try BookingRepository.walkIns(db, from: day, to: day)
                var names: [Int64: String] = [:]
                var needs: [Int64: MeetingNeeds] = [:]
                if showNames {
                    for id in Set((bookings + walkIns).map(\.personID)) { names[id] = try PersonRepository.find(db, id: id)?.fullName }
                    needs = try MeetingNeeds.forOrientations(db, bookings.compactMap(\.orientationID))
                }
                return (try PlanningSnapshot.load(db, referential: context.referential), bookings, walkIns, names, needs)
            }
            // Names only of the people in the account's scope (need-to-know); the others are counted.
            let visible = try await NeedToKnow.visible(request, Array(names.keys), context: context)
            names = names.filter { visible.contains($0.key) }
            guard let site = snapshot.sites.first(where: { $0.id == siteID }) else { throw HTTPError.notFound }
            let occurrences = snapshot.occurrences(from: day, to: day).filter { $0.siteID == siteID }
            let ids = Set(occurrences.map(\.id))
            let hostedHere = Set(snapshot.permanences.filter { $0.hostSiteID == siteID }.map(\.id))
            var input = SiteDayPage.Input(
                site: site, date: day, occurrences: occurrences, bookings: bookings.filter { ids.contains($0.occurrenceID) },
                orphans: bookings.filter { hostedHere.contains($0.permanenceID) && !ids.contains($0.occurrenceID) },
                names: names, needs: needs, directory: snapshot.directory)
            input.walkIns = walkIns.filter { ids.contains($0.occurrenceID) }
            input.canRecordIntake = request.session?.account.can(.recordIntake) == true
            input.today = context.today.calendarDate
            return Layout.response(title: "\(site.name) — \(day.frenchShortLabel)", body: SiteDayPage.render(input), request: request, stylesheet: "planning.css")
        }

        for kind in CalendarSubscription.Kind.allCases {
            let segment = PlanningSubject.segment(kind)
            router.get("/planning/\(segment)/:id/semaine", middleware: readGate) { request in
                let monday = try date(request, default: context.today.calendarDate).mondayOfWeek
                let (snapshot, ledger) = try await week(monday, context: context)
                let subject = try PlanningSubject(kind, request, in: snapshot)
                let input = PlanningWeekPage.Input(
                    title: subject.title, path: subject.path("semaine"), monday: monday, occurrences: subject.occurrences(in: ledger.occurrences),
                    ledger: ledger, directory: snapshot.directory, dayPath: subject.dayPath, icsPath: subject.icsPath, feed: (kind, subject.id))
                return Layout.response(title: "Semaine — \(subject.name)", body: PlanningWeekPage.render(request, input), request: request, stylesheet: "planning.css")
            }

            router.get("/planning/\(segment)/:id/mois", middleware: readGate) { request in
                let first = PlanningMonthPage.firstOfMonth(try date(request, default: context.today.calendarDate))
                let (snapshot, occurrences) = try await month(first, context: context)
                let subject = try PlanningSubject(kind, request, in: snapshot)
                let input = PlanningMonthPage.Input(
                    title: subject.title, path: subject.path("mois"), firstDay: first, occurrences: subject.occurrences(in: occurrences),
                    directory: snapshot.directory, dayPath: subject.dayPath, weekPath: subject.path("semaine"))
                return Layout.response(title: "Mois — \(subject.name)", body: PlanningMonthPage.render(input), request: request, stylesheet: "planning.css")
            }
        }
    }

    /// What `/planning` shows; also re-rendered with a cell's failed in-place form (`PermanenceCellRoutes`).
    static func gridInput(_ request: Request, context: AppContext, failedCell: PermanenceCellForm? = nil) async throws -> PlanningGridPage.Input {
        let today = context.today.calendarDate
        let validOn = try date(request, default: today)
        let period = today.mondayOfWeek...today.mondayOfWeek.adding(days: 27)
        let accountID = request.session?.account.id
        let (snapshot, bookings, ownWorkerID) = try await context.store.read { db in
            (try PlanningSnapshot.load(db, referential: context.referential),
             try BookingRepository.active(db, from: period.lowerBound, to: period.upperBound),
             try accountID.flatMap { try PlanningRepository.workerID(db, accountID: $0) })
        }
        let occurrences = snapshot.occurrences(from: period.lowerBound, to: period.upperBound)
        let conflicts = snapshot.conflictDetector.conflicts(in: period, permanences: snapshot.permanences, occurrences: occurrences,
                                                            bookings: bookings.map(\.planningBooking))
        return PlanningGridPage.Input(
            snapshot: snapshot, validOn: validOn, period: period, conflicts: conflicts,
            rebooking: rebookingLines(occurrences: occurrences, bookings: bookings.filter { $0.date >= today }, snapshot: snapshot),
            canEdit: request.session?.account.can(.planPermanences) == true, notice: request.query["info"], ownWorkerID: ownWorkerID,
            ownSiteIDs: request.session?.account.siteIDs ?? [], failedCell: failedCell)
    }

    /// `?date=YYYY-MM-DD`, or `fallback` when absent; a malformed date is a 400, not a silent today.
    static func date(_ request: Request, default fallback: CalendarDate) throws -> CalendarDate {
        guard let text = request.query["date"], !text.isEmpty else { return fallback }
        guard let date = CalendarDate(text) else { throw HTTPError(.badRequest, "Date invalide : utilisez le format AAAA-MM-JJ.") }
        return date
    }

    static func week(_ monday: CalendarDate, context: AppContext) async throws -> (PlanningSnapshot, BookingLedger) {
        let friday = monday.adding(days: 4)
        let (snapshot, bookings) = try await context.store.read { db in
            (try PlanningSnapshot.load(db, referential: context.referential), try BookingRepository.active(db, from: monday, to: friday))
        }
        return (snapshot, BookingLedger(occurrences: snapshot.occurrences(from: monday, to: friday), bookings: bookings.map(\.planningBooking)))
    }

    static func month(_ first: CalendarDate, context: AppContext) async throws -> (PlanningSnapshot, [Occurrence]) {
        let last = first.adding(days: CalendarDate.daysInMonth(year: first.year, month: first.month) - 1)
        let snapshot = try await context.store.read { db in try PlanningSnapshot.load(db, referential: context.referential) }
        return (snapshot, snapshot.occurrences(from: first, to: last))
    }

    /// People to call again: booked on a cancelled occurrence, or on a date the permanence left.
    static func rebookingLines(occurrences: [Occurrence], bookings: [BookingRecord], snapshot: PlanningSnapshot) -> [PlanningGridPage.RebookingLine] {
        let ledger = BookingLedger(occurrences: occurrences, bookings: bookings.map(\.planningBooking))
        var lines = Dictionary(grouping: ledger.rebookingList(), by: \.occurrence.id).values.map { group in
            PlanningGridPage.RebookingLine(date: group[0].occurrence.date, siteID: group[0].occurrence.siteID, count: group.count,
                                           reason: group[0].reason.label)
        }
        let known = Set(occurrences.map(\.id))
        let moved = Dictionary(grouping: bookings.filter { !known.contains($0.occurrenceID) }, by: \.occurrenceID).values
        lines += moved.map { group in
            PlanningGridPage.RebookingLine(date: group[0].date, siteID: snapshot.permanence(group[0].permanenceID)?.hostSiteID ?? "",
                                           count: group.count, reason: "permanence déplacée")
        }
        return lines.sorted { ($0.date, $0.siteID) < ($1.date, $1.siteID) }
    }
}
