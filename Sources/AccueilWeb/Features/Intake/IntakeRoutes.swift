import AccueilCore
import Foundation
import HTML
import HTTPCore
import Orientation
import Planning
import SQLiteStore
import Web

/// Recording an intake: the form, the known-person check, saving, and the anonymous information-only contact.
enum IntakeRoutes {
    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .recordIntake)]

        router.get("/accueils/nouveau", middleware: gate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            var form = IntakeForm()
            let now = context.now()
            form.date = ParisTime(now).day.description
            form.time = FrenchDates.dateTime(now).suffix(5).description
            form.siteID = account.siteIDs.first ?? ""
            // From the day sheet: a person received at this permanence without a booking, at its site, today.
            if let occurrenceID = request.query["permanence"], !occurrenceID.isEmpty {
                guard let occurrence = try await context.store.read({ db in try BookingRepository.occurrence(db, id: occurrenceID) }) else {
                    throw HTTPError(.notFound, "Cette permanence n'a pas lieu ce jour-là.")
                }
                form.walkInOccurrence = occurrenceID
                form.siteID = occurrence.siteID
                form.date = occurrence.date.description
            }
            return try await page(request, form, context: context, matches: [])
        }

        router.post("/accueils/information", middleware: gate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let form = try request.form()
            let site = account.siteIDs.contains(form["site"] ?? "") ? form["site"]! : (account.siteIDs.first ?? "")
            let channel = IntakeChannel(rawValue: form["canal"] ?? "") ?? .onSite
            let now = context.now()
            let id = try await context.store.write { db in
                let id = try IntakeRepository.insert(db, .init(at: now, siteID: site, accountID: account.id, channel: channel, level: 1,
                                                               informationOnly: true, motives: ["ecoute-information"]))
                try AuditTrail.record(db, at: now, account: account.id, .intakeCreated, subjectType: "accueil", subjectID: String(id), detail: "information seule")
                return id
            }
            // Recorded; the next page offers the « où vous adresser » sheet.
            return .redirect(to: "/accueils/information/\(id)")
        }

        router.post("/accueils", middleware: gate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let posted = try request.form()
            var form = IntakeForm(posted)
            if posted["ajouter_enfants"] != nil {
                // More child rows, nothing checked or saved: the same form comes back, longer.
                let more = min(form.children.count + IntakeForm.childRowsStep, Household.maximumChildren) - form.children.count
                form.children += Array(repeating: IntakeForm.ChildRow(), count: more)
                return try await page(request, form, context: context, matches: [])
            }
            let now = context.now()
            let today = ParisTime(now).day
            if posted["chercher_secteur"] != nil {
                // The sector found from the address, nothing checked or saved: the same form comes back.
                let text = try await SectorLookupText.lookUp(form.address, context: context).text
                if let sector = text.sector { form.sector = sector }
                return try await page(request, form, context: context, matches: [], sectorLookup: text.sentence)
            }
            let (communes, places) = try await context.store.read { db in
                (try TerritoryTables.communes(db), try SiteDirectory.all(db).filter(\.kind.isOutreachPlace).map(\.id))
            }
            guard let (household, day) = form.validate(referential: context.referential, communes: communes, motives: context.motives,
                                                       allowedSites: Set(account.siteIDs), outreachSites: Set(places), today: today) else {
                return try await page(request, form, context: context, matches: [], status: .unprocessableContent)
            }
            if !form.walkInOccurrence.isEmpty, let problem = try await walkInProblem(form, day: day, context: context) {
                form.errors.append((field: "permanence", message: problem))
                return try await page(request, form, context: context, matches: [], status: .unprocessableContent)
            }
            switch try await IntakeService(context).record(form, household: household, on: day, by: account,
                                                           sessionHash: request.session?.tokenHash ?? [], at: now) {
            case .recorded(let intakeID):
                return .redirect(to: "/accueils/\(intakeID)")
            case .possibleMatches(let matches):
                return try await page(request, form, context: context, matches: matches)
            case .refused(let field, let message):
                form.errors.append((field: field, message: message))
                return try await page(request, form, context: context, matches: [], status: .unprocessableContent)
            case .chosenFileMismatch:
                throw HTTPError(.unprocessableContent, "Le dossier choisi ne correspond pas au nom saisi : rien n'a été enregistré.")
            }
        }

        // POST, not GET: typed names must not travel in URLs (proxy logs, browser history).
        router.post("/personnes/suggestions", middleware: [RequirePermission(permission: .readPersonFile)]) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let form = try request.form()
            let last = form["nom"] ?? "", first = form["prenom"] ?? ""
            guard NameKey.normalize(last).count >= 2 else { return fragment(.empty) }
            let now = context.now()
            // A search shows names and birth dates: it is traced like any read of personal data.
            let found = try await context.store.write { db in
                let found = try PersonRepository.search(db, lastName: last, firstName: first)
                try AuditTrail.record(db, at: now, account: account.id, .personSearched, detail: "\(found.count) résultat(s)")
                return found
            }
            return fragment(SuggestionsFragment.render(found))
        }
    }

    /// Why the permanence of a walk-in does not fit the intake (French), or nil when it does.
    static func walkInProblem(_ form: IntakeForm, day: LocalDate, context: AppContext) async throws -> String? {
        do {
            _ = try await context.store.read { db in try WalkIns.check(db, occurrenceID: form.walkInOccurrence, day: day, siteID: form.siteID) }
            return nil
        } catch let refusal as WalkIns.Refusal {
            switch refusal {
            case .unknownOccurrence: return "Cette permanence n'existe pas : enregistrez un accueil ordinaire."
            case .cancelled: return "Cette permanence est annulée ce jour-là."
            case .otherDay: return "Un accueil sans rendez-vous est daté du jour de la permanence."
            case .otherSite: return "Un accueil sans rendez-vous est fait au site de la permanence."
            }
        }
    }

    /// The occurrence a person walked into, with « Permanence CCAS à MDS Lac, … 9h–12h » for the banners.
    static func walkIn(_ occurrenceID: String, context: AppContext) async throws -> (occurrence: Occurrence, label: String)? {
        guard !occurrenceID.isEmpty else { return nil }
        return try await context.store.read { db in
            guard let occurrence = try BookingRepository.occurrence(db, id: occurrenceID) else { return nil }
            let directory = try PlanningSnapshot.load(db, referential: context.referential).directory
            return (occurrence, "\(PlanningText.sender(occurrence, directory)) à \(directory.siteName(occurrence.siteID)), \(occurrence.date.frenchLabel), \(PlanningText.hours(occurrence.start, occurrence.end))")
        }
    }

    static func page(_ request: Request, _ form: IntakeForm, context: AppContext, matches: [Person], notice: String? = nil,
                     sectorLookup: String? = nil, status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let now = context.now()
        let today = context.today
        let (sites, annotated, communes, places) = try await context.store.write { db -> ([DirectorySite], [(Person, String?)], [CommuneServices], [DirectorySite]) in
            if let account = request.session?.account, !matches.isEmpty {
                try AuditTrail.record(db, at: now, account: account.id, .personSearched, detail: "doublons possibles : \(matches.map { String($0.id) }.joined(separator: ","))")
            }
            let all = try SiteDirectory.all(db)
            let mine = request.session?.account.siteIDs ?? []
            let annotated = try matches.map { person -> (Person, String?) in
                let last = try OrientationRepository.forPerson(db, person.id).first
                let label = last.map { orientation in
                    let site = all.first { $0.id == orientation.siteID }?.name ?? orientation.service.shortName
                    return "\(site) le \(FrenchDates.dateTime(orientation.createdAt).prefix(10))"
                }
                return (person, label)
            }
            let communes = try TerritoryTables.communes(db).filter { $0.period.contains(today) }
            return (mine.compactMap { id in all.first { $0.id == id } }, annotated, communes, all.filter(\.kind.isOutreachPlace))
        }
        var data = IntakeFormPage.Data(sites: sites, sectors: context.referential.sectors(on: today), communes: communes, motives: context.motives.motives,
                                       slipLanguages: Set(context.slipCatalogues.translatedTags), matches: annotated.map { (person: $0.0, lastOrientation: $0.1) }, notice: notice)
        data.sectorLookup = sectorLookup
        data.outreachSites = places
        data.walkIn = try await walkIn(form.walkInOccurrence, context: context)?.label
        return Layout.response(title: "Nouvel accueil", body: IntakeFormPage.render(request, form, data), request: request, status: status)
    }

    static func fragment(_ html: HTML) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: html.bytes)
    }
}

/// The list of known people shown while typing a name (progressive enhancement; the form works without it).
enum SuggestionsFragment {
    static func render(_ people: [Person]) -> HTML {
        guard !people.isEmpty else { return "<p>Aucun dossier existant à ce nom.</p>" }
        let items = people.map { p -> HTML in
            let birth = p.birthDate.flatMap { LocalDate(iso: $0)?.frenchDescription }.map { ", né(e) le \($0)" } ?? ""
            return "<li><label class=\"choice\"><input type=\"radio\" name=\"personne\" value=\"\(String(p.id))\"> \(p.fullName)\(birth)\(p.followedBy.map { " — suivi(e) : \($0.shortName)" } ?? "")</label></li>"
        }
        return """
            <fieldset><legend>Dossiers existants à ce nom : cochez-en un s'il s'agit de la même personne</legend>
            <ul class="plain">\(HTML.join(items))<li><label class="choice"><input type="radio" name="personne" value="" checked> Aucun de ces dossiers</label></li></ul>
            </fieldset>
            """
    }
}
