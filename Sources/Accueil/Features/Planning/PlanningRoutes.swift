import Foundation
import HTML
import HTTPCore
import Planning
import SQLiteStore
import Web

/// The planning screens: the Annexe 4 grids (managers edit their cells), a site's day sheet for the
/// reception desk, week views per site and per social worker, and the ICS feeds.
enum PlanningRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let readGate: [any Middleware] = [RequirePermission(permission: .readPlanning)]
        let editGate: [any Middleware] = [RequirePermission(permission: .planPermanences)]

        router.get("/planning", middleware: readGate) { request in
            let today = ParisNow(context.now()).date
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
            let input = PlanningGridPage.Input(
                snapshot: snapshot, validOn: validOn, period: period, conflicts: conflicts,
                rebooking: rebookingLines(occurrences: occurrences, bookings: bookings.filter { $0.date >= today }, snapshot: snapshot),
                canEdit: request.session?.account.can(.planPermanences) == true, notice: request.query["info"], ownWorkerID: ownWorkerID)
            return Layout.response(title: "Planning des permanences", body: PlanningGridPage.render(request, input), request: request, stylesheet: "planning.css")
        }

        router.get("/planning/permanences/nouvelle", middleware: editGate) { request in
            let snapshot = try await context.store.read { db in try PlanningSnapshot.load(db, referential: context.referential) }
            let weekday = Int(request.query["jour"] ?? "").flatMap(Weekday.init(rawValue:)) ?? .monday
            guard let form = NewPermanenceForm(grid: request.query["grille"] ?? "", row: request.query["ligne"] ?? "", weekday: weekday,
                                               today: ParisNow(context.now()).date) else { throw HTTPError.notFound }
            return Layout.response(title: "Ajouter une permanence", body: NewPermanencePage.render(request, form, snapshot: snapshot),
                                   request: request, stylesheet: "planning.css")
        }

        router.post("/planning/permanences", middleware: editGate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let snapshot = try await context.store.read { db in try PlanningSnapshot.load(db, referential: context.referential) }
            guard var form = NewPermanenceForm(try request.form(), workers: snapshot.workers) else { throw HTTPError(.badRequest, "Cette case n'appartient à aucune grille.") }
            let created = form.permanence(existingIDs: Set(snapshot.permanences.map(\.id)))
            if form.errors.isEmpty, let created { form.people.errors += created.validationErrors.map { ("demi_journee", $0) } }
            guard form.errors.isEmpty, let permanence = created else {
                return Layout.response(title: "Ajouter une permanence", body: NewPermanencePage.render(request, form, snapshot: snapshot),
                                       request: request, status: .unprocessableContent, stylesheet: "planning.css")
            }
            let now = context.now()
            try await context.store.write { db in
                try PlanningRepository.save(db, permanence, at: now)
                try AuditTrail.record(db, at: now, account: account.id, .permanenceChanged, subjectType: "permanence", subjectID: permanence.id, detail: "créée")
            }
            return .redirect(to: "/planning?info=ajoutee#permanence-\(permanence.id)")
        }

        router.post("/planning/permanences/:id/terminer", middleware: editGate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let (snapshot, existing) = try await loadPermanence(request, context: context)
            var ended = existing
            ended.validTo = CalendarDate((try request.form())["fin"] ?? "")
            let errors = ended.validTo == nil ? ["Indiquez le dernier jour de la permanence."] : ended.validationErrors
            guard errors.isEmpty, let last = ended.validTo else {
                var form = PermanenceForm(existing)
                form.errors = errors.map { ("fin", $0) }
                return Layout.response(title: "Modifier une permanence", body: PermanenceEditPage.render(request, existing, form, snapshot: snapshot),
                                       request: request, status: .unprocessableContent, stylesheet: "planning.css")
            }
            let now = context.now()
            let saved = ended
            try await context.store.write { db in
                try PlanningRepository.save(db, saved, at: now)
                try AuditTrail.record(db, at: now, account: account.id, .permanenceChanged, subjectType: "permanence", subjectID: saved.id,
                                      detail: "fin de validité \(last)")
            }
            return .redirect(to: "/planning?info=terminee")
        }

        router.get("/planning/permanences/:id", middleware: editGate) { request in
            let (snapshot, permanence) = try await loadPermanence(request, context: context)
            return Layout.response(title: "Modifier une permanence", body: PermanenceEditPage.render(request, permanence, PermanenceForm(permanence), snapshot: snapshot),
                                   request: request, stylesheet: "planning.css")
        }

        router.post("/planning/permanences/:id", middleware: editGate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let (snapshot, existing) = try await loadPermanence(request, context: context)
            var form = PermanenceForm(try request.form(), workers: snapshot.workers)
            let updated = form.applied(to: existing)
            if form.errors.isEmpty { form.errors += updated.validationErrors.map { ("demi_journee", $0) } }
            guard form.errors.isEmpty else {
                return Layout.response(title: "Modifier une permanence", body: PermanenceEditPage.render(request, existing, form, snapshot: snapshot),
                                       request: request, status: .unprocessableContent, stylesheet: "planning.css")
            }
            let now = context.now()
            try await context.store.write { db in
                try PlanningRepository.save(db, updated, at: now)
                try AuditTrail.record(db, at: now, account: account.id, .permanenceChanged, subjectType: "permanence", subjectID: updated.id,
                                      detail: PermanenceForm.changedFields(existing, updated))
            }
            return .redirect(to: "/planning?info=modifie#permanence-\(updated.id)")
        }

        router.get("/planning/sites/:id/jour", middleware: readGate) { request in
            let siteID = try request.parameter("id")
            let day = try date(request, default: ParisNow(context.now()).date)
            let showNames = request.session?.account.can(.readPersonFile) == true
            let (snapshot, bookings, names) = try await context.store.read { db in
                let bookings = try BookingRepository.active(db, from: day, to: day)
                var names: [Int64: String] = [:]
                if showNames {
                    for id in Set(bookings.map(\.personID)) { names[id] = try PersonRepository.find(db, id: id)?.fullName }
                }
                return (try PlanningSnapshot.load(db, referential: context.referential), bookings, names)
            }
            guard let site = snapshot.sites.first(where: { $0.id == siteID }) else { throw HTTPError.notFound }
            let occurrences = snapshot.occurrences(from: day, to: day).filter { $0.siteID == siteID }
            let ids = Set(occurrences.map(\.id))
            let hostedHere = Set(snapshot.permanences.filter { $0.hostSiteID == siteID }.map(\.id))
            let input = SiteDayPage.Input(
                site: site, date: day, occurrences: occurrences, bookings: bookings.filter { ids.contains($0.occurrenceID) },
                orphans: bookings.filter { hostedHere.contains($0.permanenceID) && !ids.contains($0.occurrenceID) },
                names: names, directory: snapshot.directory)
            return Layout.response(title: "\(site.name) — \(day.frenchShortLabel)", body: SiteDayPage.render(input), request: request, stylesheet: "planning.css")
        }

        router.get("/planning/sites/:id/semaine", middleware: readGate) { request in
            let siteID = try request.parameter("id")
            let monday = try date(request, default: ParisNow(context.now()).date).mondayOfWeek
            let (snapshot, ledger) = try await week(monday, context: context)
            guard let site = snapshot.sites.first(where: { $0.id == siteID }) else { throw HTTPError.notFound }
            let input = PlanningWeekPage.Input(
                title: "Permanences à \(site.name)", path: "/planning/sites/\(siteID)/semaine", monday: monday,
                occurrences: ICSCalendar.occurrences(forSite: siteID, in: ledger.occurrences), ledger: ledger, directory: snapshot.directory,
                dayPath: "/planning/sites/\(siteID)/jour", icsPath: "/planning/ics/sites/\(siteID).ics")
            return Layout.response(title: "Semaine — \(site.name)", body: PlanningWeekPage.render(input), request: request, stylesheet: "planning.css")
        }

        router.get("/planning/travailleurs/:id/semaine", middleware: readGate) { request in
            let workerID = try request.parameter("id")
            let monday = try date(request, default: ParisNow(context.now()).date).mondayOfWeek
            let (snapshot, ledger) = try await week(monday, context: context)
            guard let worker = snapshot.workers.first(where: { $0.id == workerID }) else { throw HTTPError.notFound }
            let input = PlanningWeekPage.Input(
                title: "Permanences de \(worker.displayName)", path: "/planning/travailleurs/\(workerID)/semaine", monday: monday,
                occurrences: ICSCalendar.occurrences(forWorker: workerID, in: ledger.occurrences), ledger: ledger, directory: snapshot.directory,
                dayPath: nil, icsPath: "/planning/ics/travailleurs/\(workerID).ics")
            return Layout.response(title: "Semaine — \(worker.displayName)", body: PlanningWeekPage.render(input), request: request, stylesheet: "planning.css")
        }

        router.get("/planning/sites/:id/mois", middleware: readGate) { request in
            let siteID = try request.parameter("id")
            let first = PlanningMonthPage.firstOfMonth(try date(request, default: ParisNow(context.now()).date))
            let (snapshot, occurrences) = try await month(first, context: context)
            guard let site = snapshot.sites.first(where: { $0.id == siteID }) else { throw HTTPError.notFound }
            let input = PlanningMonthPage.Input(
                title: "Permanences à \(site.name)", path: "/planning/sites/\(siteID)/mois", firstDay: first,
                occurrences: ICSCalendar.occurrences(forSite: siteID, in: occurrences), directory: snapshot.directory,
                dayPath: "/planning/sites/\(siteID)/jour", weekPath: "/planning/sites/\(siteID)/semaine")
            return Layout.response(title: "Mois — \(site.name)", body: PlanningMonthPage.render(input), request: request, stylesheet: "planning.css")
        }

        router.get("/planning/travailleurs/:id/mois", middleware: readGate) { request in
            let workerID = try request.parameter("id")
            let first = PlanningMonthPage.firstOfMonth(try date(request, default: ParisNow(context.now()).date))
            let (snapshot, occurrences) = try await month(first, context: context)
            guard let worker = snapshot.workers.first(where: { $0.id == workerID }) else { throw HTTPError.notFound }
            let input = PlanningMonthPage.Input(
                title: "Permanences de \(worker.displayName)", path: "/planning/travailleurs/\(workerID)/mois", firstDay: first,
                occurrences: ICSCalendar.occurrences(forWorker: workerID, in: occurrences), directory: snapshot.directory,
                dayPath: nil, weekPath: "/planning/travailleurs/\(workerID)/semaine")
            return Layout.response(title: "Mois — \(worker.displayName)", body: PlanningMonthPage.render(input), request: request, stylesheet: "planning.css")
        }

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

    /// `?date=YYYY-MM-DD`, or `fallback` when absent; a malformed date is a 400, not a silent today.
    static func date(_ request: Request, default fallback: CalendarDate) throws -> CalendarDate {
        guard let text = request.query["date"], !text.isEmpty else { return fallback }
        guard let date = CalendarDate(text) else { throw HTTPError(.badRequest, "Date invalide : utilisez le format AAAA-MM-JJ.") }
        return date
    }

    static func loadPermanence(_ request: Request, context: AppContext) async throws -> (PlanningSnapshot, Permanence) {
        let id = try request.parameter("id")
        let snapshot = try await context.store.read { db in try PlanningSnapshot.load(db, referential: context.referential) }
        guard let permanence = snapshot.permanence(id) else { throw HTTPError.notFound }
        return (snapshot, permanence)
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

    // MARK: ICS

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
