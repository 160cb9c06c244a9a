import AccueilCore
import HTML
import Planning
import Web

/// Monday–Friday of one week, for a site or for a social worker.
enum PlanningWeekPage {
    struct Input {
        let title: String
        /// "/planning/sites/mds-lac/semaine": the pager adds `?date=`.
        let path: String
        let monday: CalendarDate
        let occurrences: [Occurrence]
        let ledger: BookingLedger
        let directory: PlanningDirectory
        /// Links to each day view (sites only).
        let dayPath: String?
        let icsPath: String
        /// The feed a subscription link made from this page points to.
        let feed: (kind: CalendarSubscription.Kind, subjectID: String)
    }

    static func render(_ request: Request, _ input: Input) -> HTML {
        let friday = input.monday.adding(days: 4)
        let rows = input.occurrences.map { occurrence -> HTML in
            let day: HTML = input.dayPath.map { "<a href=\"\($0)?date=\(occurrence.date.description)\">\(occurrence.date.frenchLabel)</a>" as HTML }
                ?? "\(occurrence.date.frenchLabel)"
            return """
                <tr><th scope="row">\(day)</th><td>\(PlanningText.hours(occurrence.start, occurrence.end))</td>
                <td>\(input.directory.siteName(occurrence.siteID))</td><td>\(PlanningText.sender(occurrence, input.directory))</td>
                <td>\(PlanningText.holder(occurrence, input.directory))</td><td>\(places(occurrence, input.ledger))</td></tr>
                """
        }
        let previous = input.monday.adding(days: -7), next = input.monday.adding(days: 7)
        let table: HTML = rows.isEmpty ? "<p>Aucune permanence cette semaine.</p>" : """
            <table>
            <caption>Semaine du \(input.monday.frenchLabel) au \(friday.frenchLabel)</caption>
            <thead><tr><th scope="col">Jour</th><th scope="col">Horaire</th><th scope="col">Lieu</th><th scope="col">Permanence</th><th scope="col">Assurée par</th><th scope="col">Places</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            """
        return """
            <h1>\(input.title)</h1>
            <p class="lead">Semaine du \(input.monday.frenchLabel) au \(friday.frenchLabel)</p>
            <nav class="pager no-print" aria-label="Autres semaines">
            <a href="\(input.path)?date=\(previous.description)">Semaine précédente</a>
            · <a href="\(input.path)?date=\(next.description)">Semaine suivante</a>
            · <a href="\(input.path.replacingOccurrences(of: "/semaine", with: "/mois"))?date=\(input.monday.description)">Mois</a>
            · <a href="\(input.icsPath)">Agenda ICS</a>
            · <a href="/planning">Grilles</a>
            </nav>
            \(CalendarSubscriptionPages.createButton(request, kind: input.feed.kind, subjectID: input.feed.subjectID, label: "Créer un lien d'abonnement pour Outlook ou Thunderbird"))
            \(table)
            """
    }

    static func places(_ occurrence: Occurrence, _ ledger: BookingLedger) -> String {
        guard !occurrence.isCancelled else { return "—" }
        let booked = occurrence.slots.map { ledger.bookedCount(occurrenceID: occurrence.id, slotStart: $0.start) }
        if case .open(let soft) = occurrence.mode { return "\(booked.reduce(0, +)) réservée(s), \(soft) indicatives" }
        let free = zip(occurrence.slots, booked).filter { $0.0.capacity > $0.1 }.count
        return "\(free) créneau(x) libre(s) sur \(occurrence.slots.count)"
    }
}
