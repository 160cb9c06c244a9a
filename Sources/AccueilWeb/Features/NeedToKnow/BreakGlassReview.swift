import AccueilCore
import HTML
import HTTPCore
import Orientation
import Planning
import Web

/// The review of « bris de glace » for administrators and the data-protection contact: who opened
/// which file outside their scope, when, why; filters and CSV; and the merges that followed a
/// rectification (how the « same name only » rule could be bypassed). Reading it is audited.
enum BreakGlassReview {
    struct Query {
        var from: LocalDate?
        var to: LocalDate?
        var login: String?
        var person: Int64?

        init(_ query: FormData) {
            from = query["du"].flatMap(LocalDate.init(iso:))
            to = query["au"].flatMap(LocalDate.init(iso:))
            login = query["compte"].flatMap { $0.trimmed.isEmpty ? nil : String($0.trimmed.prefix(100)) }
            person = query["personne"].flatMap { Int64($0.trimmed) }
        }

        var filter: BreakGlass.Filter {
            var filter = BreakGlass.Filter()
            filter.from = from.map { ParisTime($0, TimeOfDay(hour: 0)!).seconds }
            filter.to = to.flatMap { $0.adding(days: 1) }.map { ParisTime($0, TimeOfDay(hour: 0)!).seconds }
            filter.login = login
            filter.personID = person
            return filter
        }

        var queryString: String {
            [("du", from?.description), ("au", to?.description), ("compte", login), ("personne", person.map(String.init))]
                .compactMap { name, value in value.map { "\(name)=\(PercentEncoding.encode($0))" } }.joined(separator: "&")
        }
    }

    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .readAudit)]

        router.get("/admin/bris-de-glace", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            let query = Query(request.query)
            let (entries, merges) = try await load(query, admin: admin, detail: "page", context: context)
            return Layout.response(title: "Bris de glace", body: page(request, query, entries, merges), request: request)
        }

        router.get("/admin/bris-de-glace/export.csv", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            let (entries, _) = try await load(Query(request.query), admin: admin, detail: "csv", context: context)
            var csv = CSVWriter(header: ["date", "compte", "nom du compte", "dossier", "motif", "précision"])
            for entry in entries {
                csv.append([FrenchDates.dateTime(entry.at), entry.login, entry.accountName, String(entry.personID), entry.reason.label, entry.text])
            }
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                                       "Content-Disposition": "attachment; filename=\"bris-de-glace.csv\""], body: csv.bytes)
        }
    }

    static func load(_ query: Query, admin: Account, detail: String, context: AppContext) async throws -> ([BreakGlass.Entry], [PersonMerge.Record]) {
        let now = context.now()
        let filter = query.filter
        return try await context.store.write { db in
            try AuditTrail.record(db, at: now, account: admin.id, .breakGlassReviewed, detail: detail)
            return (try BreakGlass.list(db, filter), try PersonMerge.flagged(db, from: filter.from, to: filter.to))
        }
    }

    static func page(_ request: Request, _ query: Query, _ entries: [BreakGlass.Entry], _ merges: [PersonMerge.Record]) -> HTML {
        let rows = entries.map { entry -> HTML in
            "<tr><td>\(FrenchDates.dateTime(entry.at))</td><td>\(entry.accountName) (\(entry.login))</td><td><a href=\"/admin/journal?personne=\(String(entry.personID))\">n° \(String(entry.personID))</a></td><td>\(entry.reason.label)</td><td>\(entry.text)</td></tr>"
        }
        let flagged = merges.map { m -> HTML in
            "<li>\(FrenchDates.dateTime(m.mergedAt)) — \(m.mergedBy) a fusionné le dossier n° \(String(m.duplicateID)) dans le n° \(String(m.keptID)) après une rectification\(m.unmergedAt.map { " (fusion annulée le \(FrenchDates.dateTime($0)))" as HTML } ?? .empty) · <a href=\"/admin/journal?personne=\(String(m.keptID))\">journal du n° \(String(m.keptID))</a></li>"
        }
        let export = query.queryString.isEmpty ? "/admin/bris-de-glace/export.csv" : "/admin/bris-de-glace/export.csv?" + query.queryString
        return """
            <h1>Bris de glace</h1>
            <p>Dossiers ouverts hors du périmètre de l'agent, avec le motif qu'il a donné. Chaque ligne est à vérifier : un motif
            qui ne tient pas appelle un échange avec l'agent et son responsable.</p>
            <form method="get" action="/admin/bris-de-glace" class="filters">
            \(FormFields.input("du", label: "Du", value: query.from?.description ?? "", type: "date"))
            \(FormFields.input("au", label: "Au", value: query.to?.description ?? "", type: "date"))
            \(FormFields.input("compte", label: "Compte (identifiant)", value: query.login ?? "", autocomplete: "off"))
            \(FormFields.input("personne", label: "Dossier n°", value: query.person.map(String.init) ?? "", type: "number", extra: " min=\"1\""))
            <p><button type="submit">Filtrer</button> <a href="\(export)">Exporter en CSV</a></p>
            </form>
            \(entries.isEmpty ? "<p>Aucun bris de glace pour ces critères.</p>" as HTML : """
                <table><caption>\(String(entries.count)) bris de glace, du plus récent au plus ancien</caption>
                <thead><tr><th scope="col">Date</th><th scope="col">Compte</th><th scope="col">Dossier</th><th scope="col">Motif</th><th scope="col">Précision</th></tr></thead>
                <tbody>\(HTML.join(rows))</tbody></table>
                """)
            <h2>Fusions après une rectification</h2>
            <p>Une rectification de l'identité suivie d'une fusion (dans les \(String(PersonMerge.rectificationWindow / 86_400)) jours) peut contourner la règle « même nom » : à vérifier, et annuler depuis le dossier si besoin.</p>
            \(flagged.isEmpty ? "<p>Aucune.</p>" as HTML : "<ul>\(HTML.join(flagged))</ul>" as HTML)
            """
    }
}
