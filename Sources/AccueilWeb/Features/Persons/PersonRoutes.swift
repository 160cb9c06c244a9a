import AccueilCore
import HTML
import HTTPCore
import SQLiteStore
import Web

/// A person's file: identity, follow-up, every intake and orientation. Each opening is audited once.
enum PersonRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .readPersonFile)]

        router.get("/personnes/:id", middleware: gate) { request in
            guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            let now = context.now()
            let file = try await context.store.write { db -> PersonFile? in
                guard let person = try PersonRepository.find(db, id: id) else { return nil }
                if let target = person.mergedInto { return PersonFile(person: person, redirect: target) }
                let intakes = try IntakeRepository.forPerson(db, id)
                try AuditTrail.record(db, at: now, account: account.id, .personRead, subjectType: "personne", subjectID: String(id))
                return PersonFile(person: person, intakes: intakes, orientations: try OrientationRepository.forPerson(db, id),
                                  notes: try IntakeRepository.notes(db, intakeIDs: intakes.map(\.id), readableBy: account),
                                  sites: try SiteDirectory.all(db),
                                  duplicates: try PersonRepository.matches(db, lastName: person.lastName, firstName: person.firstName, birthDate: person.birthDate).filter { $0.id != id },
                                  rectifications: try AuditTrail.entries(db, rectificationFilter(id)))
            }
            guard let file else { throw HTTPError.notFound }
            if let target = file.redirect { return .redirect(to: "/personnes/\(target)", status: .movedPermanently) }
            // The title stays in browser history on shared desk computers: a number, not a name.
            return Layout.response(title: "Dossier n° \(file.person.id)", body: PersonPage.render(request, file, context: context), request: request)
        }

        router.post("/personnes/:id/fusion", middleware: [RequirePermission(permission: .recordIntake)]) { request in
            guard let account = request.session?.account, let kept = Int64(try request.parameter("id")),
                  let duplicate = Int64(try request.form()["doublon"] ?? "") else { throw HTTPError.badRequest }
            guard kept != duplicate else { throw HTTPError(.unprocessableContent, "Un dossier ne peut pas être fusionné avec lui-même.") }
            let now = context.now()
            try await context.store.write { db in
                guard let a = try PersonRepository.find(db, id: kept), let b = try PersonRepository.find(db, id: duplicate),
                      a.mergedInto == nil, b.mergedInto == nil else { throw HTTPError.notFound }
                // Only the duplicates the file page offers: same name, compatible birth dates.
                let offered = try PersonRepository.matches(db, lastName: a.lastName, firstName: a.firstName, birthDate: a.birthDate, limit: 50).map(\.id)
                guard offered.contains(duplicate) else {
                    throw HTTPError(.unprocessableContent, "Ces deux dossiers ne portent pas le même nom : ils ne peuvent pas être fusionnés.")
                }
                try PersonRepository.merge(db, duplicate: duplicate, into: kept, at: now)
                for subject in [kept, duplicate] {
                    try AuditTrail.record(db, at: now, account: account.id, .personsMerged, subjectType: "personne", subjectID: String(subject),
                                          detail: "\(duplicate) fusionné dans \(kept)")
                }
            }
            return .redirect(to: "/personnes/\(kept)?fusion=1")
        }
    }
}

extension PersonRoutes {
    static func rectificationFilter(_ id: Int64) -> AuditTrail.Filter {
        var filter = AuditTrail.Filter()
        filter.subjectType = "personne"
        filter.subjectID = String(id)
        filter.action = AuditAction.personRectified.rawValue
        filter.limit = 50
        return filter
    }
}

struct PersonFile: Sendable {
    var person: Person
    var intakes: [IntakeRecord] = []
    var orientations: [OrientationRecord] = []
    var notes: [(intakeID: Int64, at: Int64, author: String, text: String)] = []
    var sites: [DirectorySite] = []
    var duplicates: [Person] = []
    /// Rectification history: who changed which identity fields, when (from the audit trail).
    var rectifications: [AuditEntry] = []
    var redirect: Int64?
}
