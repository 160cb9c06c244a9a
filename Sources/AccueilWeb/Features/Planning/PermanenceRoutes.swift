import AccueilCore
import HTML
import HTTPCore
import Planning
import SQLiteStore
import Web

/// Managers edit the grids: a cell's people and half-day, a new permanence from a cell, a last day.
/// Every change and its audit row commit together.
enum PermanenceRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let editGate: [any Middleware] = [RequirePermission(permission: .planPermanences)]

        router.get("/planning/permanences/nouvelle", middleware: editGate) { request in
            let today = context.today.calendarDate
            let (snapshot, sites) = try await loadForNew(today, context: context)
            let weekday = Int(request.query["jour"] ?? "").flatMap(Weekday.init(rawValue:)) ?? .monday
            guard let form = NewPermanenceForm(grid: request.query["grille"], row: request.query["ligne"] ?? "", weekday: weekday,
                                               today: today) else { throw HTTPError.notFound }
            return Layout.response(title: NewPermanencePage.title(form), body: NewPermanencePage.render(request, form, snapshot: snapshot, sites: sites),
                                   request: request, stylesheet: "planning.css")
        }

        router.post("/planning/permanences", middleware: editGate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let (snapshot, sites) = try await loadForNew(context.today.calendarDate, context: context)
            guard var form = NewPermanenceForm(try request.form(), workers: snapshot.selectableWorkers(), siteIDs: Set(sites.map(\.id)),
                                               circonscriptionIDs: Set(PlanningSnapshot.circonscriptionIDs))
            else { throw HTTPError(.badRequest, "Cette case n'appartient à aucune grille.") }
            guard let permanence = form.permanence(existingIDs: Set(snapshot.permanences.map(\.id))) else {
                return Layout.response(title: NewPermanencePage.title(form), body: NewPermanencePage.render(request, form, snapshot: snapshot, sites: sites),
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
            let last = CalendarDate((try request.form())["fin"] ?? "")
            let now = context.now(), today = ParisTime(now).day.calendarDate
            // Read again and saved in one transaction: only the last day changes, whatever was edited meanwhile.
            let errors = try await context.store.write { db -> [String] in
                guard var ended = try PlanningRepository.permanence(db, id: existing.id) else { throw HTTPError.notFound }
                ended.validTo = last
                guard let last else { return ["Indiquez le dernier jour de la permanence."] }
                let departed = [ended.titulaireID, ended.suppleantID].compactMap { $0 }.filter { snapshot.inactiveWorkerIDs.contains($0) }
                if last >= today, let id = departed.first {
                    let name = snapshot.workers.first { $0.id == id }?.displayName ?? id
                    return ["\(name) n'est plus en activité : remplacez cette personne avant de prolonger la permanence."]
                }
                let errors = ended.validationErrors
                guard errors.isEmpty else { return errors }
                try PlanningRepository.save(db, ended, at: now)
                try AuditTrail.record(db, at: now, account: account.id, .permanenceChanged, subjectType: "permanence", subjectID: ended.id,
                                      detail: "fin de validité \(last)")
                return []
            }
            guard errors.isEmpty else {
                var form = PermanenceForm(existing)
                form.errors = errors.map { ("fin", $0) }
                return Layout.response(title: "Modifier une permanence", body: PermanenceEditPage.render(request, existing, form, snapshot: snapshot),
                                       request: request, status: .unprocessableContent, stylesheet: "planning.css")
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
            var form = PermanenceForm(try request.form(), workers: snapshot.selectableWorkers(for: existing), institution: existing.sendingInstitution)
            let updated = form.applied(to: existing)
            form.check(updated)
            guard form.errors.isEmpty else {
                return Layout.response(title: "Modifier une permanence", body: PermanenceEditPage.render(request, existing, form, snapshot: snapshot),
                                       request: request, status: .unprocessableContent, stylesheet: "planning.css")
            }
            guard try await saveIfUnchanged(updated, version: form.version, detail: PermanenceForm.changedFields(existing, updated),
                                            account: account.id, context: context) else {
                let (snapshot, current) = try await loadPermanence(request, context: context)
                return Layout.response(title: "Modifier une permanence",
                                       body: PermanenceEditPage.render(request, current, PermanenceForm(current), snapshot: snapshot, stale: true),
                                       request: request, status: .conflict, stylesheet: "planning.css")
            }
            return .redirect(to: "/planning?info=modifie#permanence-\(updated.id)")
        }

        PermanenceCellRoutes.register(on: &router, context: context, middleware: editGate)
    }

    /// Saves the permanence and its audit row if the stored one still has `version`
    /// (`PermanenceVersion`), in one write transaction; false when someone changed it meanwhile.
    static func saveIfUnchanged(_ updated: Permanence, version: String, detail: String, account: Int64, context: AppContext) async throws -> Bool {
        let now = context.now()
        return try await context.store.write { db in
            guard let stored = try PlanningRepository.permanence(db, id: updated.id), PermanenceVersion.token(stored) == version else { return false }
            try PlanningRepository.save(db, updated, at: now)
            try AuditTrail.record(db, at: now, account: account, .permanenceChanged, subjectType: "permanence", subjectID: updated.id, detail: detail)
            return true
        }
    }

    /// The snapshot and the sites open on the date, for the new-permanence forms.
    static func loadForNew(_ today: CalendarDate, context: AppContext) async throws -> (PlanningSnapshot, [PlanningSite]) {
        try await context.store.read { db in
            (try PlanningSnapshot.load(db, referential: context.referential), try PlanningRepository.activeSites(db, on: today))
        }
    }

    static func loadPermanence(_ request: Request, context: AppContext) async throws -> (PlanningSnapshot, Permanence) {
        let id = try request.parameter("id")
        let snapshot = try await context.store.read { db in try PlanningSnapshot.load(db, referential: context.referential) }
        guard let permanence = snapshot.permanence(id) else { throw HTTPError.notFound }
        return (snapshot, permanence)
    }
}
