import AccueilCore
import HTML
import HTTPCore
import Orientation
import Web

/// After an anonymous « information seule » contact: the agent may pick one to three services of the
/// directory and print « Où vous adresser » for the person, in French and in their language.
enum InformationSheetRoutes {
    static func register(on router: inout Web.Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .recordIntake)]

        router.get("/accueils/information/:id", middleware: gate) { request in
            let id = try await contactID(request, context: context)
            let motive = request.query["besoin"].flatMap { context.motives.motive($0) }
            let (results, chosen) = try await context.store.read { db in
                (try PartnerDirectory.search(db, themes: motive.map { Set($0.thematiques) }, commune: nil, language: nil),
                 try InformationSheets.chosen(db, intakeID: id))
            }
            return Layout.response(title: "Contact d'information enregistré",
                                   body: InformationSheetPage.choice(request, id: id, motives: context.motives, motive: motive?.code, services: results,
                                                                     chosen: chosen.map(\.service.id), error: nil),
                                   request: request)
        }

        router.post("/accueils/information/:id/feuille", middleware: gate) { request in
            let id = try await contactID(request, context: context)
            let form = try request.form()
            let language = IntakeLanguage.list.first { $0.tag == form["langue"] }?.tag
            do {
                try await context.store.write { db in try InformationSheets.choose(db, intakeID: id, services: form.values("services")) }
            } catch InformationSheets.Refusal.alreadyChosen {
                // Printed again as chosen the first time.
            } catch InformationSheets.Refusal.count {
                let results = try await context.store.read { db in try PartnerDirectory.search(db, themes: nil, commune: nil, language: nil) }
                return Layout.response(title: "Contact d'information enregistré",
                                       body: InformationSheetPage.choice(request, id: id, motives: context.motives, motive: nil, services: results, chosen: [],
                                                                         error: "Choisissez d'un à \(InformationSheets.maximum) services à imprimer."),
                                       request: request, status: .unprocessableContent)
            } catch InformationSheets.Refusal.unknownService {
                throw HTTPError(.unprocessableContent, "Un service choisi n'est plus dans l'annuaire : rien n'a été imprimé.")
            }
            return .redirect(to: "/accueils/information/\(id)/feuille" + (language.map { "?langue=\($0)" } ?? ""))
        }

        router.get("/accueils/information/:id/feuille", middleware: gate) { request in
            let id = try await contactID(request, context: context)
            let (chosen, desk) = try await context.store.read { db in
                (try InformationSheets.chosen(db, intakeID: id),
                 try db.string("SELECT site_id FROM intakes WHERE id = ?", [id]).flatMap { try SiteDirectory.find(db, id: $0) })
            }
            guard !chosen.isEmpty else { return .redirect(to: "/accueils/information/\(id)") }
            var deskPlace = desk.map(PersonSlip.Facts.Place.init)
            if deskPlace?.phone == nil { deskPlace?.phone = context.configuration.deskPhone }
            let sheet = InformationSheet(services: chosen.map { PersonSlip.Facts.Place($0.service.contact(in: $0.structure)) },
                                         issuedOn: context.today, desk: deskPlace)
            let language = request.query["langue"].flatMap { IntakeLanguage(tag: $0) }
            let page = ReferralSlip.sheet(sheet.sections, titleKey: "sheet.title", documentTitle: "Où vous adresser", catalogues: context.slipCatalogues,
                                          language: language, backLink: "/accueils/nouveau")
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: page.bytes)
        }
    }

    /// The contact's id, when it is an information-only contact of one of the account's sites.
    private static func contactID(_ request: Request, context: AppContext) async throws -> Int64 {
        guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
        let site = try await context.store.read { db in
            try db.string("SELECT site_id FROM intakes WHERE id = ? AND information_only = 1", [id])
        }
        guard let site, account.siteIDs.contains(site) else { throw HTTPError.notFound }
        return id
    }
}

/// The choice of services after an information contact.
enum InformationSheetPage {
    static func choice(_ request: Request, id: Int64, motives: MotiveCatalog, motive: String?,
                       services: [(service: DirectoryService, structure: DirectoryStructure?)], chosen: [String], error: String?) -> HTML {
        let options = services.map { FormFields.Option($0.service.id, $0.service.contact(in: $0.structure).name) }
        let languages = IntakeLanguage.list.filter { $0.tag != "fr" }.map { FormFields.Option($0.tag, $0.name) }
        return """
            <div class="notice success" role="status"><p>Contact d'information enregistré. Merci !</p></div>
            <h1>Où vous adresser</h1>
            <p>Si la personne le souhaite, choisissez d'un à \(String(InformationSheets.maximum)) services de l'annuaire et imprimez-les pour
            elle (aucune donnée sur elle n'y figure). Sinon, <a href="/accueils/nouveau">revenez au nouvel accueil</a>.</p>
            <form method="get" action="/accueils/information/\(String(id))" class="stack">
            \(FormFields.select("besoin", label: "Besoin", options: motives.motives.map { FormFields.Option($0.code, $0.label) }, selected: motive, includeBlank: "Tous les besoins"))
            <p><button type="submit" class="secondary">Filtrer les services</button></p>
            </form>
            <form method="post" action="/accueils/information/\(String(id))/feuille" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(FormFields.choices("services", legend: "Services à imprimer (\(InformationSheets.maximum) au plus)", options: options, checked: Set(chosen),
                                 multiple: true, error: error))
            \(FormFields.select("langue", label: "Langue de la personne (copie traduite, au verso)", options: languages, selected: nil, includeBlank: "Français seulement"))
            <p><button type="submit">Imprimer « Où vous adresser »</button></p>
            </form>
            """
    }
}
