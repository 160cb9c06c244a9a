import AccueilCore
import HTML
import HTTPCore
import Planning
import SQLiteStore
import Web

/// Managers record social workers' absences and site closures; the occurrences follow (takeover by
/// the suppléant, or cancellation) without touching the permanences themselves.
enum ExceptionRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .planPermanences)]

        router.get("/planning/absences", middleware: gate) { request in
            var input = try await load(context)
            input.notice = request.query["info"]
            return page(request, input)
        }

        router.post("/planning/absences", middleware: gate) { request in
            // The reason is not copied into the trail: it may be about health.
            try await add(.absence, request, context: context, known: { $0.activeWorkers.map(\.id) }, refill: \.absenceForm,
                          action: .absenceChanged, subjectType: "travailleur_social", noun: "absence") { db, form, dates in
                try PlanningRepository.insert(db, absence: Absence(workerID: form.subjectID, dates: dates, reason: form.reason))
            }
        }

        router.post("/planning/fermetures", middleware: gate) { request in
            try await add(.closure, request, context: context, known: { $0.sites.map(\.id) }, refill: \.closureForm,
                          action: .closureChanged, subjectType: "site", noun: "fermeture") { db, form, dates in
                try PlanningRepository.insert(db, closure: SiteClosure(siteID: form.subjectID, dates: dates, reason: form.reason))
            }
        }

        router.post("/planning/absences/:id/retirer", middleware: gate) { request in
            try await remove(request, context: context, action: .absenceChanged, subjectType: "travailleur_social") { db, id in
                let worker = try db.string("SELECT worker_id FROM worker_absences WHERE id = ?", [id])
                return try PlanningRepository.deleteAbsence(db, id: id) ? worker : nil
            }
        }

        router.post("/planning/fermetures/:id/retirer", middleware: gate) { request in
            try await remove(request, context: context, action: .closureChanged, subjectType: "site") { db, id in
                let site = try db.string("SELECT site_id FROM site_closures WHERE id = ?", [id])
                return try PlanningRepository.deleteClosure(db, id: id) ? site : nil
            }
        }
    }

    /// Validates an exception form against the `known` subjects; when it is valid, saves it through
    /// `insert` (which returns the new row id) and records it, in one transaction, then redirects with
    /// `noun` as the notice. An invalid form is shown again (422) in the page's `refill` slot.
    static func add(_ kind: ExceptionForm.Kind, _ request: Request, context: AppContext,
                    known: (PlanningSnapshot) -> [String], refill: WritableKeyPath<ExceptionsPage.Input, ExceptionForm>,
                    action: AuditAction, subjectType: String, noun: String,
                    _ insert: @escaping @Sendable (Connection, ExceptionForm, ClosedRange<CalendarDate>) throws -> Int64) async throws -> HTTPResponse {
        guard let account = request.session?.account else { throw HTTPError.forbidden }
        var input = try await load(context)
        let form = ExceptionForm(kind, try request.form(), known: Set(known(input.snapshot)))
        guard form.errors.isEmpty, let dates = form.dates else {
            input[keyPath: refill] = form
            return page(request, input, status: .unprocessableContent)
        }
        let now = context.now()
        try await context.store.write { db in
            let id = try insert(db, form, dates)
            try AuditTrail.record(db, at: now, account: account.id, action, subjectType: subjectType, subjectID: form.subjectID,
                                  detail: "\(noun) \(id) ajoutée : \(dates.lowerBound)…\(dates.upperBound)")
        }
        return .redirect(to: "/planning/absences?info=\(noun)")
    }

    /// Deletes one row through `delete` (which returns the subject id, or nil when there was no such
    /// row) and records it, in one transaction.
    static func remove(_ request: Request, context: AppContext, action: AuditAction, subjectType: String,
                       _ delete: @escaping @Sendable (Connection, Int64) throws -> String?) async throws -> HTTPResponse {
        guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
        let now = context.now()
        try await context.store.write { db in
            guard let subject = try delete(db, id) else { throw HTTPError.notFound }
            try AuditTrail.record(db, at: now, account: account.id, action, subjectType: subjectType, subjectID: subject, detail: "\(id) retirée")
        }
        return .redirect(to: "/planning/absences?info=retire")
    }

    static func load(_ context: AppContext) async throws -> ExceptionsPage.Input {
        let today = context.today.calendarDate
        let (snapshot, absences, closures) = try await context.store.read { db in
            (try PlanningSnapshot.load(db, referential: context.referential), try PlanningRepository.absenceRows(db), try PlanningRepository.closureRows(db))
        }
        let effects = snapshot.occurrences(from: today, to: today.adding(days: 27)).filter { occurrence in
            switch occurrence.holder {
            case .titulaire, .cancelled(.publicHoliday): false
            case .suppleant, .cancelled: true
            }
        }
        // Past exceptions are history: the list shows those still to come.
        return ExceptionsPage.Input(snapshot: snapshot, absences: absences.filter { $0.absence.dates.upperBound >= today },
                                    closures: closures.filter { $0.closure.dates.upperBound >= today }, effects: effects)
    }

    static func page(_ request: Request, _ input: ExceptionsPage.Input, status: HTTPStatus = .ok) -> HTTPResponse {
        Layout.response(title: "Absences et fermetures", body: ExceptionsPage.render(request, input), request: request, status: status, stylesheet: "planning.css")
    }
}
