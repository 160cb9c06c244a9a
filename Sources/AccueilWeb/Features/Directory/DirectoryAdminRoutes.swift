import AccueilCore
import HTTPCore
import Orientation
import Web

/// Administrators keep the directory: edit a structure or a service (each version kept, audited),
/// import a data·inclusion file (taken whole or refused whole).
enum DirectoryAdminRoutes {
    static func register(on router: inout Web.Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .manageReferential)]

        router.get("/admin/partenaires", middleware: gate) { request in
            try await list(request, context: context, notice: ["importe": "Import enregistré.", "enregistre": "Fiche enregistrée."][request.query["info"] ?? ""])
        }

        router.post("/admin/partenaires/import", middleware: gate) { request in
            guard let admin = request.session?.account else { throw HTTPError.forbidden }
            guard let file = try request.multipart().file("fichier"), !file.body.isEmpty else {
                return try await list(request, context: context, refusal: ["Choisissez le fichier JSON à importer."])
            }
            let contents: PartnerDirectory.Contents
            switch DirectoryFile.read(file.body) {
            case .success(let read): contents = read
            case .failure(let refusal): return try await list(request, context: context, refusal: refusal.problems)
            }
            let origin = "Import du fichier « \(String((file.filename ?? "sans nom").prefix(120))) »"
            do {
                try await context.store.write { db in
                    try PartnerDirectory.importContents(db, contents, check: context.directoryCheck, account: admin.id, at: context.now(), origin: origin)
                }
            } catch let refusal as PartnerDirectory.Refusal {
                return try await list(request, context: context, refusal: refusal.problems)
            }
            return .redirect(to: "/admin/partenaires?info=importe")
        }

        router.get("/admin/partenaires/structures/nouvelle", middleware: gate) { request in
            editStructure(request, DirectoryStructure(id: "", name: "", updatedOn: context.today.description), isNew: true, errors: [], history: [])
        }
        router.post("/admin/partenaires/structures/nouvelle", middleware: gate) { request in
            let form = try request.form()
            let id = DirectoryForm.text(form, "id", max: 150) ?? ""
            return try await saveStructure(request, id: id, isNew: true, form: form, context: context)
        }
        router.get("/admin/partenaires/structures/:id", middleware: gate) { request in
            let id = try request.parameter("id")
            let (structure, history) = try await context.store.read { db in
                (try PartnerDirectory.structure(db, id: id), try PartnerDirectory.history(db, .structure, id: id))
            }
            guard let structure else { throw HTTPError.notFound }
            return editStructure(request, structure, isNew: false, errors: [], history: history)
        }
        router.post("/admin/partenaires/structures/:id", middleware: gate) { request in
            try await saveStructure(request, id: try request.parameter("id"), isNew: false, form: try request.form(), context: context)
        }

        router.get("/admin/partenaires/services/nouveau", middleware: gate) { request in
            let structureID = request.query["structure"] ?? ""
            guard try await context.store.read({ db in try PartnerDirectory.structure(db, id: structureID) }) != nil else { throw HTTPError.notFound }
            let blank = DirectoryService(structureID: structureID, id: "", name: "", description: "", updatedOn: context.today.description)
            return editService(request, blank, isNew: true, suggestions: [], context: context, errors: [], history: [])
        }
        router.post("/admin/partenaires/services/nouveau", middleware: gate) { request in
            let form = try request.form()
            return try await saveService(request, id: DirectoryForm.text(form, "id", max: 150) ?? "", structureID: request.query["structure"] ?? "",
                                         isNew: true, form: form, context: context)
        }
        router.get("/admin/partenaires/services/:id", middleware: gate) { request in
            let id = try request.parameter("id")
            let (service, suggestions, history) = try await context.store.read { db in
                (try PartnerDirectory.service(db, id: id), try PartnerDirectory.suggestions(db, serviceID: id), try PartnerDirectory.history(db, .service, id: id))
            }
            guard let service else { throw HTTPError.notFound }
            return editService(request, service, isNew: false, suggestions: suggestions, context: context, errors: [], history: history)
        }
        router.post("/admin/partenaires/services/:id", middleware: gate) { request in
            let id = try request.parameter("id")
            guard let existing = try await context.store.read({ db in try PartnerDirectory.service(db, id: id) }) else { throw HTTPError.notFound }
            return try await saveService(request, id: id, structureID: existing.structureID, isNew: false, form: try request.form(), context: context)
        }
    }

    private static func list(_ request: Request, context: AppContext, notice: String? = nil, refusal: [String]? = nil) async throws -> HTTPResponse {
        let contents = try await context.store.read { db in try PartnerDirectory.contents(db) }
        return Layout.response(title: "Annuaire des partenaires", body: DirectoryAdminPage.render(request, contents, notice: notice, refusal: refusal),
                               request: request, status: refusal == nil ? .ok : .unprocessableContent)
    }

    private static func editStructure(_ request: Request, _ s: DirectoryStructure, isNew: Bool, errors: [String],
                                      history: [PartnerDirectory.Version], status: HTTPStatus = .ok) -> HTTPResponse {
        Layout.response(title: isNew ? "Nouvelle structure" : "Structure \(s.name)",
                        body: DirectoryEditPage.structure(request, s, isNew: isNew, errors: errors, history: history), request: request, status: status)
    }

    private static func editService(_ request: Request, _ s: DirectoryService, isNew: Bool, suggestions: [Suggestion], context: AppContext,
                                    errors: [String], history: [PartnerDirectory.Version], status: HTTPStatus = .ok) -> HTTPResponse {
        Layout.response(title: isNew ? "Nouveau service" : "Service \(s.name)",
                        body: DirectoryEditPage.service(request, s, isNew: isNew, suggestions: suggestions, vocabulary: context.directoryVocabulary,
                                                        errors: errors, history: history), request: request, status: status)
    }

    private static func saveStructure(_ request: Request, id: String, isNew: Bool, form: FormData, context: AppContext) async throws -> HTTPResponse {
        guard let admin = request.session?.account else { throw HTTPError.forbidden }
        let now = context.now(), today = context.today.description
        do {
            try await context.store.write { db in
                let existing = try PartnerDirectory.structure(db, id: id)
                if isNew, existing != nil { throw PartnerDirectory.Refusal(problems: ["L'identifiant « \(id) » est déjà pris."]) }
                if !isNew, existing == nil { throw HTTPError.notFound }
                let structure = DirectoryForm.structure(form, id: id, existing: existing, today: today)
                try PartnerDirectory.save(db, structure, check: context.directoryCheck, account: admin.id, at: now, origin: "Modifié sur la page de l'annuaire")
            }
        } catch let refusal as PartnerDirectory.Refusal {
            let shown = DirectoryForm.structure(form, id: id, existing: nil, today: today)
            return editStructure(request, shown, isNew: isNew, errors: refusal.problems, history: [], status: .unprocessableContent)
        }
        return .redirect(to: "/admin/partenaires?info=enregistre")
    }

    private static func saveService(_ request: Request, id: String, structureID: String, isNew: Bool, form: FormData,
                                    context: AppContext) async throws -> HTTPResponse {
        guard let admin = request.session?.account else { throw HTTPError.forbidden }
        let now = context.now(), today = context.today.description
        let suggestions = DirectoryForm.suggestions(form)
        do {
            try await context.store.write { db in
                let existing = try PartnerDirectory.service(db, id: id)
                if isNew, existing != nil { throw PartnerDirectory.Refusal(problems: ["L'identifiant « \(id) » est déjà pris."]) }
                if !isNew, existing == nil { throw HTTPError.notFound }
                let service = DirectoryForm.service(form, id: id, structureID: structureID, existing: existing, today: today)
                try PartnerDirectory.save(db, service, suggestions: suggestions, check: context.directoryCheck, account: admin.id, at: now,
                                          origin: "Modifié sur la page de l'annuaire")
            }
        } catch let refusal as PartnerDirectory.Refusal {
            let shown = DirectoryForm.service(form, id: id, structureID: structureID, existing: nil, today: today)
            return editService(request, shown, isNew: isNew, suggestions: suggestions, context: context, errors: refusal.problems, history: [],
                               status: .unprocessableContent)
        }
        return .redirect(to: "/admin/partenaires?info=enregistre")
    }
}
