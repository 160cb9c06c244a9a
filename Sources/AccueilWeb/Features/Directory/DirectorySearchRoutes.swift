import AccueilCore
import HTML
import HTTPCore
import Web

/// « Trouver un partenaire »: agents search the directory by need (the intake's motives, mapped to the
/// schema's themes in motives.json), by commune and by language. A GET form: nothing personal is typed.
enum DirectorySearchRoutes {
    static func register(on router: inout Web.Router, context: AppContext) {
        router.get("/partenaires", middleware: [RequirePermission(permission: .useDesk)]) { request in
            let motive = request.query["besoin"].flatMap { context.motives.motive($0) }
            let commune = (request.query["commune"] ?? "").trimmingCharacters(in: .whitespaces)
            let language = request.query["langue"].flatMap { tag in IntakeLanguage.list.first { $0.tag == tag }?.tag }
            let searched = request.query["besoin"] != nil || !commune.isEmpty || language != nil
            let results = try await context.store.read { db in
                try PartnerDirectory.search(db, themes: motive.map { Set($0.thematiques) }, commune: commune.isEmpty ? nil : String(commune.prefix(100)),
                                            language: language)
            }
            let body = page(request, context: context, motive: motive?.code, commune: commune, language: language, results: searched ? results : nil)
            return Layout.response(title: "Trouver un partenaire", body: body, request: request)
        }
    }

    static func page(_ request: Request, context: AppContext, motive: String?, commune: String, language: String?,
                     results: [(service: DirectoryService, structure: DirectoryStructure?)]?) -> HTML {
        let motives = context.motives.motives.map { FormFields.Option($0.code, $0.label) }
        let languages = IntakeLanguage.list.map { FormFields.Option($0.tag, $0.name) }
        let list: HTML = results.map { found in
            guard !found.isEmpty else { return "<p role=\"status\">Aucun service de l'annuaire ne répond à cette recherche.</p>" }
            let items = found.map { item -> HTML in
                let service = item.service
                let extra: [HTML] = [
                    service.accessConditions.map { "<p><strong>Conditions :</strong> \($0)</p>" },
                    service.languages.map { tags in "<p><strong>Langues :</strong> \(tags.map { tag in IntakeLanguage.list.first { $0.tag == tag }?.name ?? tag }.joined(separator: ", "))</p>" },
                    service.documents.map { "<p><strong>Pièces à apporter :</strong> \($0.joined(separator: " ; "))</p>" },
                ].compactMap { $0 }
                return """
                    <li><p>\(PartnerCard.render(service.contact(in: item.structure)))</p>
                    <p>\(service.description)</p>\(HTML.join(extra))</li>
                    """
            }
            return "<h2 id=\"resultats\">\(String(found.count)) service\(found.count > 1 ? "s" : "")</h2><ul class=\"partner-results\">\(HTML.join(items))</ul>"
        } ?? .empty
        return """
            <h1>Trouver un partenaire</h1>
            <p>Les partenaires de l'action sociale de l'annuaire, par besoin, commune et langue. Les coordonnées manquantes sont signalées :
            demandez-les à un administrateur plutôt que de les deviner.</p>
            <form method="get" action="/partenaires" class="stack">
            \(FormFields.select("besoin", label: "Besoin", options: motives, selected: motive, includeBlank: "Tous les besoins"))
            \(FormFields.input("commune", label: "Commune", value: commune, hint: "Vide : toutes ; les services sans lieu (à distance) restent proposés.", autocomplete: "off"))
            \(FormFields.select("langue", label: "Langue de la personne", options: languages, selected: language, includeBlank: "Toutes"))
            <p><button type="submit">Chercher</button></p>
            </form>
            \(list)
            """
    }
}
