import AccueilCore
import HTML
import HTTPCore
import Orientation
import Web

/// The audit trail for administrators: filter by person, account, action and period; export a person's history.
enum AuditRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .readAudit)]

        router.get("/admin/journal", middleware: gate) { request in
            let query = AuditQuery(request.query)
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            let now = context.now()
            let entries = try await context.store.write { db in
                var filter = query.filter
                if let login = query.account {
                    guard let account = try AccountRepository.find(db, login: login) else { return [AuditEntry]() }
                    filter.accountID = account.account.id
                }
                // Reading the trail is itself traced: who looked at whose history.
                try AuditTrail.record(db, at: now, account: admin.id, .auditRead, subjectType: query.person == nil ? nil : "personne", subjectID: query.person)
                return try AuditTrail.entries(db, filter)
            }
            return Layout.response(title: "Journal d'accès", body: AuditPages.list(entries, query), request: request)
        }

        router.get("/admin/journal/export.csv", middleware: gate) { request in
            let query = AuditQuery(request.query)
            guard let admin = request.session?.account, let person = query.person else {
                throw HTTPError(.badRequest, "Indiquez le numéro de la personne dont exporter l'historique.")
            }
            let now = context.now()
            let entries = try await context.store.write { db in
                try AuditTrail.record(db, at: now, account: admin.id, .auditExported, subjectType: "personne", subjectID: person)
                var filter = AuditTrail.Filter()
                filter.subjectType = "personne"
                filter.subjectID = person
                filter.limit = 100_000
                return try AuditTrail.entries(db, filter)
            }
            var csv = CSVWriter(header: ["date", "compte", "action", "objet", "numero", "detail"])
            for entry in entries.reversed() {
                csv.append([FrenchDates.dateTime(entry.at), entry.accountLogin ?? "", AuditAction(rawValue: entry.action)?.label ?? entry.action,
                            entry.subjectType ?? "", entry.subjectID ?? "", entry.detail ?? ""])
            }
            return HTTPResponse(status: .ok, headers: [
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"historique-personne-\(person.filter(\.isNumber)).csv\"",
            ], body: csv.bytes)
        }
    }
}

/// The filters of the audit page, read from the query string.
struct AuditQuery {
    var person: String?
    var account: String?
    var action: String?
    var from: String?
    var to: String?

    init(_ query: FormData) {
        func value(_ name: String) -> String? { query[name].map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 } }
        person = value("personne")
        account = value("compte")
        action = value("action").flatMap { AuditAction(rawValue: $0) == nil ? nil : $0 }
        from = value("du").flatMap { LocalDate(iso: $0) == nil ? nil : $0 }
        to = value("au").flatMap { LocalDate(iso: $0) == nil ? nil : $0 }
    }

    var filter: AuditTrail.Filter {
        var filter = AuditTrail.Filter()
        if let person {
            filter.subjectType = "personne"
            filter.subjectID = person
        }
        filter.action = action
        filter.from = from.flatMap(LocalDate.init(iso:)).map { ParisTime.start(of: $0).seconds }
        // The end day is included: the period ends at the start of the next Paris day.
        filter.to = to.flatMap(LocalDate.init(iso:)).flatMap { $0.adding(days: 1) }.map { ParisTime.start(of: $0).seconds }
        return filter
    }
}
