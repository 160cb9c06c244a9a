import AccueilCore
import Foundation
import HTML
import HTTPCore
import Orientation
import Web

/// « Quel secteur pour cette adresse ? »: agents look an address up in the street table, or a commune
/// in the commune table. POST, not GET: addresses stay out of URLs and logs. Asked with
/// `Accept: application/json` (the intake form's script), the answer is `{"sector", "message"}`.
enum SectorLookupRoutes {
    static let path = "/secteurs"

    static func register(on router: inout Web.Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .recordIntake)]

        router.get(path, middleware: gate) { request in
            let today = context.today
            let communes = try await context.store.read { db in try TerritoryTables.communes(db).filter { $0.period.contains(today) } }
            return Layout.response(title: "Quel secteur pour cette adresse ?", body: SectorLookupPage.render(request, address: "", commune: "", communes: communes),
                                   request: request)
        }

        router.post(path, middleware: gate) { request in
            let form = try request.form()
            let address = String((form["adresse"] ?? "").trimmed.prefix(200)), typedCommune = String((form["commune"] ?? "").trimmed.prefix(80))
            let today = context.today
            let (answer, text) = try await SectorLookupText.lookUp(address, context: context)
            let communes = try await context.store.read { db in try TerritoryTables.communes(db) }
            if (request.headers["Accept"] ?? "").contains("application/json") {
                let body: [String: String?] = ["sector": text.sector, "message": text.sentence]
                let data = (try? JSONEncoder().encode(body)) ?? Data("{}".utf8)
                return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"], body: Array(data))
            }
            var result = SectorLookupPage.Result()
            if !address.isEmpty { result.street = (text, answer) }
            if !typedCommune.isEmpty { result.commune = CommuneLookup.resolve(typedCommune, communes: communes, on: today) }
            return Layout.response(title: "Quel secteur pour cette adresse ?",
                                   body: SectorLookupPage.render(request, address: address, commune: typedCommune, result: result, communes: communes.filter { $0.period.contains(today) }),
                                   request: request)
        }
    }
}

/// The lookup page: two small forms, and what the tables say (with the import each answer comes from).
enum SectorLookupPage {
    struct Result {
        var street: (text: SectorLookupText, answer: SectorLookup.Answer)?
        var commune: CommuneLookup.Answer?
    }

    static func render(_ request: Request, address: String, commune: String, result: Result = Result(), communes: [CommuneServices] = []) -> HTML {
        let csrf = FormFields.csrf(request.csrfToken)
        let streetResult: HTML = result.street.map { street in
            let source: HTML
            if case .found(let stored) = street.answer {
                source = "<p class=\"hint\">Source : table des voies, import n° \(String(stored.importID)), ligne \(String(stored.line)).</p>"
            } else { source = .empty }
            return "<div class=\"notice\" role=\"status\" id=\"resultat-voie\"><p>\(street.text.sentence)</p>\(source)</div>"
        } ?? .empty
        let communeResult: HTML = result.commune.map { answer in
            let body: HTML
            switch answer {
            case .bordeaux: body = "<p>Bordeaux : CCAS de Bordeaux et MDS du secteur de résidence (cherchez le secteur par l'adresse).</p>"
            case .known(let entry): body = CommuneCard.render(entry, chosen: nil)
            case .codeNotInTable(let code):
                body = "<p>Le code INSEE \(code) n'est pas dans la table des communes : la personne ne peut être orientée vers les services de Bordeaux que par dérogation.</p>"
            case .unknown: body = "<p>Commune inconnue de la table des communes : vérifiez l'orthographe, ou saisissez son code INSEE.</p>"
            }
            return "<div class=\"notice\" role=\"status\" id=\"resultat-commune\">\(body)</div>"
        } ?? .empty
        return """
            <h1>Quel secteur pour cette adresse ?</h1>
            <p>La table des voies de Bordeaux donne le secteur de résidence, donc la MDS compétente. Une voie ou un numéro qu'elle ne
            connaît pas : choisissez le secteur dans la liste du formulaire d'accueil. L'adresse saisie n'est pas conservée.</p>
            <form method="post" action="\(SectorLookupRoutes.path)" class="stack">
            \(csrf)
            \(FormFields.input("adresse", label: "Adresse à Bordeaux (numéro et voie, code postal facultatif)", value: address, hint: "Par exemple : 12 rue de la Benauge 33100.", autocomplete: "off"))
            <p><button type="submit">Chercher le secteur</button></p>
            </form>
            \(streetResult)
            <h2>Hors de Bordeaux</h2>
            <form method="post" action="\(SectorLookupRoutes.path)" class="stack">
            \(csrf)
            \(FormFields.input("commune", label: "Commune de résidence (nom ou code INSEE)", value: commune, autocomplete: "off", extra: " list=\"communes-gironde\""))
            \(CommuneCard.datalist(communes))
            <p><button type="submit">Voir les services de la commune</button></p>
            </form>
            \(communeResult)
            """
    }
}
