import AccueilCore
import HTTPCore
import Orientation
import SQLiteStore
import Web

/// Protection alerts: raised from an intake by the desk, read, acknowledged and (a child's) passed to
/// the CRIP by those who receive them. Every read and change is audited; anyone else gets a 404, so
/// not even the existence of an alert leaks.
enum ProtectionRoutes {
    static func register(on router: inout Web.Router, context: AppContext) {
        router.get("/accueils/:id/protection", middleware: [RequirePermission(permission: .recordIntake)]) { request in
            guard let intakeID = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            let kind = ProtectionReport.Kind(rawValue: request.query["type"] ?? "") ?? .child
            let (intake, sites) = try await context.store.read { db in (try IntakeRepository.find(db, id: intakeID), try SiteDirectory.all(db)) }
            guard let intake, !intake.informationOnly else { throw HTTPError.notFound }
            let body = ProtectionPages.form(request, kind: kind, intakeID: intakeID, note: "", siteID: defaultSite(intake, context: context) ?? "",
                                            sentToCRIP: false, sites: sites.filter { !$0.hasClosed(before: context.today) }, errors: [])
            return Layout.response(title: kind.label, body: body, request: request)
        }

        router.post("/accueils/:id/protection", middleware: [RequirePermission(permission: .recordIntake)]) { request in
            guard let account = request.session?.account, let intakeID = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            let form = try request.form()
            guard let kind = ProtectionReport.Kind(rawValue: form["type"] ?? "") else { throw HTTPError(.unprocessableContent, "Type d'alerte inconnu.") }
            let note = String((form["note"] ?? "").trimmed.prefix(2000))
            let siteID = form["site"] ?? ""
            let sentToCRIP = kind == .child && form["crip"] != nil
            let now = context.now(), today = context.today
            // The MDS concerned: an open MDS of the directory (a closed one is refused, as the list hides it).
            let isOpenMDS: @Sendable (DirectorySite) -> Bool = { site in site.id == siteID && site.kind == .mds && !site.hasClosed(before: today) }
            let outcome = try await context.store.write { db -> (Int64?, [DirectorySite]) in
                let sites = try SiteDirectory.all(db)
                guard let intake = try IntakeRepository.find(db, id: intakeID), !intake.informationOnly else { throw HTTPError.notFound }
                guard !note.isEmpty, sites.contains(where: isOpenMDS) else { return (nil, sites) }
                let id = try ProtectionRepository.insert(db, .init(kind: kind, intakeID: intakeID, personID: intake.personID, note: note, siteID: siteID,
                                                                   sentToCRIP: sentToCRIP), by: account.id, at: now)
                // Audited under the alert, not the person: the person's access history must not reveal it.
                try AuditTrail.record(db, at: now, account: account.id, .protectionRaised, subjectType: "alerte", subjectID: String(id))
                return (id, sites)
            }
            guard let id = outcome.0 else {
                let body = ProtectionPages.form(request, kind: kind, intakeID: intakeID, note: note, siteID: siteID, sentToCRIP: sentToCRIP,
                                                sites: outcome.1.filter { !$0.hasClosed(before: context.today) },
                                                errors: (note.isEmpty ? [("note", "Décrivez brièvement les faits.")] : [])
                                                    + (outcome.1.contains(where: isOpenMDS) ? [] : [("site", "Choisissez la MDS concernée.")]))
                return Layout.response(title: kind.label, body: body, request: request, status: .unprocessableContent)
            }
            return .redirect(to: "/protection/\(id)?info=enregistree")
        }

        router.get("/protection/:id", middleware: [RequirePermission(permission: .useDesk)]) { request in
            guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            let now = context.now()
            let loaded = try await context.store.write { db -> (ProtectionReport, String, String)? in
                guard let report = try ProtectionRepository.find(db, id: id), ProtectionAccess.canRead(report, account) else { return nil }
                try AuditTrail.record(db, at: now, account: account.id, .protectionRead, subjectType: "alerte", subjectID: String(id))
                let site = try SiteDirectory.find(db, id: report.siteID)?.name ?? report.siteID
                let author = try AccountRepository.find(db, id: report.raisedBy)?.displayName ?? "—"
                return (report, site, author)
            }
            guard let (report, site, author) = loaded else { throw HTTPError.notFound }
            let body = ProtectionPages.show(request, report, siteName: site, author: author, canReceive: ProtectionAccess.receives(report, account), now: now)
            return Layout.response(title: report.kind.label, body: body, request: request)
        }

        router.post("/protection/:id/accuse", middleware: [RequirePermission(permission: .useDesk)]) { request in
            try await receive(request, context: context, action: .protectionAcknowledged) { db, id, account, now in
                try ProtectionRepository.acknowledge(db, id: id, by: account, at: now)
            }
        }

        router.post("/protection/:id/crip", middleware: [RequirePermission(permission: .useDesk)]) { request in
            try await receive(request, context: context, action: .protectionForwarded) { db, id, account, now in
                try ProtectionRepository.forwardToCRIP(db, id: id, by: account, at: now)
            }
        }
    }

    /// An action of a recipient: anyone else gets a 404; a second time changes nothing (409).
    private static func receive(_ request: Request, context: AppContext, action: AuditAction,
                                _ change: @escaping @Sendable (Connection, Int64, Int64, Int64) throws -> Bool) async throws -> HTTPResponse {
        guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
        let now = context.now()
        let done = try await context.store.write { db -> Bool? in
            guard let report = try ProtectionRepository.find(db, id: id), ProtectionAccess.receives(report, account) else { return nil }
            guard try change(db, id, account.id, now) else { return false }
            try AuditTrail.record(db, at: now, account: account.id, action, subjectType: "alerte", subjectID: String(id))
            return true
        }
        guard let done else { throw HTTPError.notFound }
        guard done else { throw HTTPError(.conflict, "C'est déjà enregistré : rien n'a été changé.") }
        return .redirect(to: "/protection/\(id)")
    }

    /// The MDS of the household's sector on the intake's day, when there is one.
    static func defaultSite(_ intake: IntakeRecord, context: AppContext) -> String? {
        guard let stored = intake.household, let sector = stored.household.sector, let day = stored.date else { return nil }
        return try? context.referential.mds(forSector: sector, on: day).id
    }
}
