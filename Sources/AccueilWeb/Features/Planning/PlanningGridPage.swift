import AccueilCore
import HTML
import Planning
import Web

/// `/planning`: the two Annexe 4 grids as the managers drew them on paper, the conflicts of the
/// coming weeks, and the ways into the day, week and calendar views. Prints on A4 landscape.
enum PlanningGridPage {
    struct Input {
        let snapshot: PlanningSnapshot
        let validOn: CalendarDate
        let period: ClosedRange<CalendarDate>
        let conflicts: [PlanningConflict]
        let rebooking: [RebookingLine]
        let canEdit: Bool
        let notice: String?
        /// The signed-in account's own social-worker id, when it is linked to one.
        let ownWorkerID: String?
        /// The account's sites, first the default one: the desk's day sheets are one click away.
        var ownSiteIDs: [String] = []
        /// A cell's in-place form sent back with an error (422) or a stale version (409): shown open.
        var failedCell: PermanenceCellForm?
    }

    /// People booked on an occurrence that will not take place (cancelled, or moved by an edit).
    struct RebookingLine {
        let date: CalendarDate
        let siteID: String
        let count: Int
        let reason: String
    }

    static func render(_ request: Request, _ input: Input) -> HTML {
        let notices = ["modifie": "La permanence a été modifiée.", "ajoutee": "La permanence a été ajoutée.",
                       "terminee": "La fin de la permanence a été enregistrée."]
        let banner: HTML = input.notice.flatMap { notices[$0] }
            .map { "<div class=\"notice success no-print\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        return """
            <h1>Planning des permanences</h1>
            \(banner)
            \(FormFields.errorSummary(input.failedCell?.summaryErrors ?? []))
            <p class="lead">Grilles de l'annexe 4 en vigueur le \(input.validOn.frenchLabel).</p>
            <form method="get" action="/planning" class="inline-form no-print">
            \(FormFields.input("date", label: "Voir les grilles en vigueur le", value: input.validOn.description, type: "date"))
            <button type="submit" class="secondary">Afficher</button>
            </form>
            \(input.canEdit ? "<p class=\"no-print\"><a href=\"/planning/absences\">Absences des travailleurs sociaux et fermetures de sites</a> · <a href=\"/planning/travailleurs\">Travailleurs sociaux du planning</a></p>" as HTML : .empty)
            \(deskLinks(input))
            \(input.ownWorkerID.map { ownPermanences(request, workerID: $0) } ?? .empty)
            \(grid(input.snapshot.mdsAtCCASGrid(validOn: input.validOn), id: "grille-mds-cite", adding: input.canEdit ? .mdsAtCCAS : nil, editor: editor(request, input)))
            \(grid(input.snapshot.ccasInMDSGrid(validOn: input.validOn), id: "grille-ccas-mds", adding: input.canEdit ? .ccasInMDS : nil, editor: editor(request, input)))
            \(OtherPermanencesSection.render(input.snapshot.otherPermanences(validOn: input.validOn), directory: input.snapshot.directory, canEdit: input.canEdit))
            \(conflicts(input))
            \(views(input.snapshot))
            """
    }

    /// For managers: the in-place form of an entry, given what the cell is for screen readers.
    typealias Editor = (PlanningGrid.Entry, String) -> HTML

    private static func editor(_ request: Request, _ input: Input) -> Editor? {
        guard input.canEdit else { return nil }
        let workers = input.snapshot.activeWorkers
        return { entry, context in
            guard let permanence = input.snapshot.permanence(entry.permanenceID) else { return .empty }
            let form = input.failedCell.flatMap { $0.permanenceID == permanence.id ? $0 : nil } ?? PermanenceCellForm(permanence)
            return form.render(csrf: request.csrfToken, workers: workers, institution: permanence.sendingInstitution, context: context)
        }
    }

    /// `adding`: for managers, the grid whose empty cells get "add" links; `editor`: the occupied ones' forms.
    static func grid(_ grid: PlanningGrid, id: String, adding: NewPermanenceForm.Grid?, editor: Editor?) -> HTML {
        let header = HTML.join(grid.columns.map { "<th scope=\"col\">\($0.capitalizedLabel)</th>" as HTML })
        let rows = grid.rows.map { row -> HTML in
            let cells = row.cells.map { cell -> HTML in
                let add: HTML = adding.map { kind in
                    "<a class=\"no-print add\" href=\"/planning/permanences/nouvelle?grille=\(kind.rawValue)&amp;ligne=\(row.id)&amp;jour=\(cell.weekday.rawValue)\">Ajouter<span class=\"visually-hidden\"> une permanence le \(cell.weekday.label), \(row.label)</span></a>"
                } ?? .empty
                guard cell.isPresenceDay else { return "<td class=\"empty\"><span class=\"visually-hidden\">Aucune permanence</span>\(add)</td>" }
                return "<td class=\"presence\">\(HTML.join(cell.entries.map { entry(cell.weekday, $0, row: row.label, editor: editor) }))\(add)</td>"
            }
            return "<tr><th scope=\"row\">\(row.label)</th>\(HTML.join(cells))</tr>"
        }
        return """
            <section class="grid-section" aria-labelledby="\(id)">
            <h2 id="\(id)">\(grid.title)</h2>
            <table class="planning-grid">
            <thead><tr><td></td>\(header)</tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            </section>
            """
    }

    private static func entry(_ weekday: Weekday, _ entry: PlanningGrid.Entry, row: String, editor: Editor?) -> HTML {
        let recurrence: HTML = entry.recurrence == .weekly ? .empty : "<br><span class=\"muted\">\(entry.recurrence.label)</span>"
        let suppleant: HTML = entry.suppleantName.map { "\($0)" as HTML } ?? "<strong class=\"alert-text\">aucun·e</strong>"
        let edit = editor?(entry, "de la permanence du \(weekday.label) \(entry.halfDay.label), \(row)") ?? .empty
        return """
            <div class="entry" id="permanence-\(entry.permanenceID)">
            <span class="when">\(entry.halfDay.label) \(PlanningText.hours(entry.start, entry.end))</span>\(recurrence)
            <span class="who"><span class="role">Titulaire :</span> \(entry.titulaireName)</span>
            <span class="who"><span class="role">Suppléant·e :</span> \(suppleant)</span>
            \(edit)
            </div>
            """
    }

    /// The signed-in social worker's own views, and a subscription link to their own calendar.
    private static func ownPermanences(_ request: Request, workerID id: String) -> HTML {
        """
        <div class="no-print">
        <p>Vos permanences : <a href="/planning/travailleurs/\(id)/semaine">cette semaine</a> · <a href="/planning/travailleurs/\(id)/mois">ce mois</a> · <a href="/planning/ics/travailleurs/\(id).ics">agenda ICS</a> · <a href="/planning/abonnements">\(CalendarSubscriptionPages.listTitle)</a></p>
        \(CalendarSubscriptionPages.createButton(request, kind: .worker, subjectID: id, label: "Abonner mon agenda à mes permanences"))
        </div>
        """
    }

    private static func deskLinks(_ input: Input) -> HTML {
        let hosting = Set(input.snapshot.permanences.map(\.hostSiteID))
        let links = input.ownSiteIDs.filter(hosting.contains).map { id -> HTML in
            "<a href=\"/planning/sites/\(id)/jour\">\(input.snapshot.directory.siteName(id))</a>"
        }
        guard !links.isEmpty else { return .empty }
        return "<p class=\"no-print\">Aujourd'hui sur votre site : \(HTML.join(links, separator: " · "))</p>"
    }

    private static func conflicts(_ input: Input) -> HTML {
        let period = "du \(input.period.lowerBound.frenchLabel) au \(input.period.upperBound.frenchLabel)"
        let items = input.conflicts.map { "<li>\($0.message)</li>" as HTML }
        let list: HTML = items.isEmpty ? "<p>Aucun conflit \(period).</p>" : "<p>\(items.count) conflit\(items.count > 1 ? "s" : "") \(period) :</p><ul>\(HTML.join(items))</ul>"
        let rebooking: HTML = input.rebooking.isEmpty ? .empty : """
            <h3>Personnes à recontacter</h3>
            <ul>\(HTML.join(input.rebooking.map { line -> HTML in
                "<li>\(line.date.frenchLabel), \(input.snapshot.directory.siteName(line.siteID)) : \(line.count) personne\(line.count > 1 ? "s" : "") à replacer (\(line.reason)) — <a href=\"/planning/sites/\(line.siteID)/jour?date=\(line.date.description)\">voir la journée</a></li>"
            }))</ul>
            """
        return """
            <section class="conflicts" aria-labelledby="conflits">
            <h2 id="conflits">Conflits des quatre prochaines semaines</h2>
            \(list)
            \(rebooking)
            </section>
            """
    }

    private static func views(_ snapshot: PlanningSnapshot) -> HTML {
        let hosting = Set(snapshot.permanences.map(\.hostSiteID))
        let sites = snapshot.sites.filter { hosting.contains($0.id) }.map { site -> HTML in
            """
            <li>\(site.name) : <a href="/planning/sites/\(site.id)/jour">journée<span class="visually-hidden"> à \(site.name)</span></a>
            · <a href="/planning/sites/\(site.id)/semaine">semaine<span class="visually-hidden"> à \(site.name)</span></a>
            · <a href="/planning/sites/\(site.id)/mois">mois<span class="visually-hidden"> à \(site.name)</span></a>
            · <a href="/planning/ics/sites/\(site.id).ics">agenda ICS<span class="visually-hidden"> – \(site.name)</span></a></li>
            """
        }
        let workers = snapshot.activeWorkers.map { worker -> HTML in
            """
            <li>\(worker.displayName) (\(worker.institution.shortLabel)) : <a href="/planning/travailleurs/\(worker.id)/semaine">semaine<span class="visually-hidden"> de \(worker.displayName)</span></a>
            · <a href="/planning/travailleurs/\(worker.id)/mois">mois<span class="visually-hidden"> de \(worker.displayName)</span></a>
            · <a href="/planning/ics/travailleurs/\(worker.id).ics">agenda ICS<span class="visually-hidden"> – \(worker.displayName)</span></a></li>
            """
        }
        return """
            <section class="no-print" aria-labelledby="vues">
            <h2 id="vues">Par site et par travailleur social</h2>
            <div class="columns">
            <div><h3>Sites</h3><ul>\(HTML.join(sites))</ul></div>
            <div><h3>Travailleurs sociaux</h3><ul>\(HTML.join(workers))</ul></div>
            </div>
            <p class="muted">Les agendas ICS s'ajoutent à Outlook ou Thunderbird : depuis la semaine d'un site ou d'un travailleur social, « Créer un lien d'abonnement » donne une adresse que la messagerie relit d'elle-même (<a href="/planning/abonnements">\(CalendarSubscriptionPages.listTitle)</a>).</p>
            </section>
            """
    }
}
