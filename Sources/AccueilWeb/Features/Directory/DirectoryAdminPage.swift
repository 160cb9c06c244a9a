import AccueilCore
import HTML
import Web

/// The administrators' view of the directory: every structure and its services with what they lack
/// (shown here, never printed for the person), the import and the exports.
enum DirectoryAdminPage {
    static func render(_ request: Request, _ contents: PartnerDirectory.Contents, notice: String?, refusal: [String]?) -> HTML {
        let banner: HTML = notice.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        let errors: HTML = refusal.map { problems in
            """
            <div class="notice error" role="alert" id="import-erreurs"><p><strong>Fichier refusé, rien n'a été importé</strong> (\(String(problems.count)) problème\(problems.count > 1 ? "s" : "")) :</p>
            <ul>\(HTML.join(problems.prefix(200).map { "<li>\($0)</li>" as HTML }))</ul></div>
            """
        } ?? .empty
        let byStructure = Dictionary(grouping: contents.services, by: \.structureID)
        let suggestionsByService = Dictionary(contents.suggestions.flatMap { key, ids in ids.map { ($0, key) } }, uniquingKeysWith: { "\($0), \($1)" })
        let rows = contents.structures.map { structure -> HTML in
            let services = byStructure[structure.id] ?? []
            let items = services.map { service -> HTML in
                let contact = service.contact(in: structure)
                let missing: HTML = contact.missing.isEmpty ? .empty : " <span class=\"hint site-missing\">manque : \(contact.missing.joined(separator: ", "))</span>"
                let suggested: HTML = suggestionsByService[service.id].map { " <span class=\"hint\">(proposé pour : \($0))</span>" } ?? .empty
                return "<li><a href=\"/admin/partenaires/services/\(service.id)\">\(service.name)</a>\(suggested)\(missing)</li>"
            }
            return """
                <tr><th scope="row"><a href="/admin/partenaires/structures/\(structure.id)">\(structure.name)</a></th>
                <td><ul>\(HTML.join(items))</ul><a href="/admin/partenaires/services/nouveau?structure=\(structure.id)">Ajouter un service</a></td></tr>
                """
        }
        return """
            <h1>Annuaire des partenaires</h1>
            \(banner)
            <p>Les partenaires de l'action sociale que la convention nomme (CAF, CPAM, CARSAT, MSA, France Services, PIMMS, CAIO, PLAJe,
            MDPH…) et leurs services, au format du schéma <strong>data·inclusion</strong> (celui de DORA et de data.inclusion). Les agents les
            cherchent par besoin ; la fiche d'orientation imprime ceux que la règle propose, avec <strong>seulement les coordonnées connues</strong> :
            une coordonnée manquante n'est jamais inventée ni imprimée — complétez-la ici.</p>
            <p><a href="/admin/partenaires/structures/nouvelle">Ajouter une structure</a> ·
            Export : <a href="\(DirectoryAPIRoutes.structuresPath)">structures (JSON)</a>, <a href="\(DirectoryAPIRoutes.servicesPath)">services (JSON)</a></p>
            <table><caption>Structures et services (\(String(contents.structures.count)) structures, \(String(contents.services.count)) services)</caption>
            <thead><tr><th scope="col">Structure</th><th scope="col">Services</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody></table>
            <section aria-labelledby="import">
            <h2 id="import">Importer</h2>
            \(errors)
            <p>Un fichier JSON au format data·inclusion v1 : la liste des structures ou celle des services (comme les exports ci-dessus), ou
            un objet <code>{"structures": […], "services": […]}</code>. Les fiches sont créées ou mises à jour par identifiant, les autres
            restent ; tout est vérifié d'abord, et un seul problème fait refuser le fichier entier. Chaque version est gardée.</p>
            <form method="post" action="/admin/partenaires/import" enctype="multipart/form-data" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(FormFields.input("fichier", label: "Fichier JSON", type: "file", required: true, extra: " accept=\".json,application/json\""))
            <p><button type="submit">Importer</button></p>
            </form>
            </section>
            """
    }
}
