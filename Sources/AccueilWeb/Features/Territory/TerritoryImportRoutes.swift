import AccueilCore
import SQLiteStore
import HTTPCore
import Orientation
import Web

/// Administrators import the street table and the commune table from CSV files; each import is kept
/// (history), audited, and taken whole or refused whole with its lines named.
enum TerritoryImportRoutes {
    static func register(on router: inout Web.Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .manageReferential)]

        router.get("/admin/territoire", middleware: gate) { request in
            try await page(request, context: context, notice: request.query["info"] == "importe" ? "Import enregistré." : nil)
        }

        for table in TerritoryTables.Table.allCases {
            router.post("/admin/territoire/\(table.rawValue)", middleware: gate) { request in
                guard let admin = request.session?.account else { throw HTTPError.forbidden }
                let form = try request.multipart()
                let fields = form.fields ?? FormData()
                let source = (fields["source"] ?? "").trimmed
                let replaceText = (fields["remplace_du"] ?? "").trimmed
                var problems: [ImportLineError] = []
                if source.isEmpty { problems.append(ImportLineError(line: 0, "Indiquez la source du fichier (qui l'a fourni, à quelle date).")) }
                let replacesFrom = replaceText.isEmpty ? nil : LocalDate(iso: replaceText)
                if !replaceText.isEmpty, replacesFrom == nil { problems.append(ImportLineError(line: 0, "La date de remplacement est invalide.")) }
                guard let file = form.file("fichier"), !file.body.isEmpty else {
                    problems.append(ImportLineError(line: 0, "Choisissez le fichier CSV à importer."))
                    return try await page(request, context: context, refused: (table, problems, source), status: .unprocessableContent)
                }
                guard problems.isEmpty else { return try await page(request, context: context, refused: (table, problems, source), status: .unprocessableContent) }
                let origin = TerritoryTables.Origin(fileName: String((file.filename ?? "").prefix(200)), source: String(source.prefix(300)),
                                                    replacesFrom: replacesFrom, accountID: admin.id, at: context.now())
                switch try await importFile(file.body, table, origin, context: context) {
                case .success:
                    return .redirect(to: "/admin/territoire?info=importe")
                case .failure(let refusal):
                    return try await page(request, context: context, refused: (table, refusal.lines, source), status: .unprocessableContent)
                }
            }
        }
    }

    /// Reads, checks and saves one file in one transaction: nothing of a refused file is kept. The
    /// lines that read well are checked for overlaps even when others did not, so that every problem
    /// of the file is listed at once.
    static func importFile(_ bytes: [UInt8], _ table: TerritoryTables.Table, _ origin: TerritoryTables.Origin,
                           context: AppContext) async throws -> Result<Int, ImportRefusal> {
        let csv: CSVReader
        do { csv = try CSVReader(bytes: bytes) } catch { return .failure(ImportRefusal(lines: [ImportLineError(line: 0, error.message)])) }
        let sectors = Set(context.referential.sectors.map(\.key))
        let streets: (lines: [(line: Int, segment: StreetSegment)], errors: [ImportLineError])
            = table == .streets ? StreetTableFile.readLines(csv, sectors: sectors) : ([], [])
        let communes: (lines: [(line: Int, commune: CommuneServices)], errors: [ImportLineError])
            = table == .communes ? CommuneTableFile.readLines(csv) : ([], [])
        let unreadable = streets.errors + communes.errors
        let count = streets.lines.count + communes.lines.count
        do {
            try await context.store.write { db in
                do {
                    let id = table == .streets ? try TerritoryTables.importStreets(db, streets.lines, origin)
                                               : try TerritoryTables.importCommunes(db, communes.lines, origin)
                    // Thrown so that the transaction keeps nothing of a file with unreadable lines.
                    guard unreadable.isEmpty else { throw ImportRefusal(lines: unreadable) }
                    try audit(db, id: id, table, origin, count: count)
                } catch let overlaps as ImportRefusal where !unreadable.isEmpty && overlaps.lines != unreadable {
                    throw ImportRefusal(lines: (unreadable + overlaps.lines).sorted { $0.line < $1.line })
                }
            }
            return .success(count)
        } catch let refusal as ImportRefusal {
            return .failure(refusal)
        }
    }

    private static func audit(_ db: Connection, id: Int64, _ table: TerritoryTables.Table, _ origin: TerritoryTables.Origin, count: Int) throws {
        try AuditTrail.record(db, at: origin.at, account: origin.accountID, .territoryImported, subjectType: "import", subjectID: String(id),
                              detail: "\(table.label) : \(count) ligne(s)\(origin.replacesFrom.map { ", remplace à partir du \($0.frenchDescription)" } ?? "")")
    }

    static func page(_ request: Request, context: AppContext, notice: String? = nil,
                     refused: (TerritoryTables.Table, [ImportLineError], source: String)? = nil, status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let today = context.today
        let summaries = try await context.store.read { db in
            try TerritoryTables.Table.allCases.map { table in
                TerritoryImportPage.Summary(table: table, inForce: try TerritoryTables.inForce(db, table, on: today),
                                            imports: try TerritoryTables.imports(db, table))
            }
        }
        let body = TerritoryImportPage.render(request, summaries, notice: notice, refused: refused)
        return Layout.response(title: "Voies et communes", body: body, request: request, status: status)
    }
}
