import AccueilCore
import HTML
import Planning
import Web

/// The reception desk's sheet for one site and one day: who is present, which slots are free, who is
/// booked. Names only for roles that may open person files; the others see counts. Printable.
enum SiteDayPage {
    struct Input {
        let site: PlanningSite
        let date: CalendarDate
        let occurrences: [Occurrence]
        let bookings: [BookingRecord]
        /// Bookings of the day on permanences of this site that no longer take place on that date
        /// (moved to another weekday by an edit).
        let orphans: [BookingRecord]
        /// Person id → "Prénom NOM", empty when the reader may not see names.
        let names: [Int64: String]
        /// Orientation id → interpreter and accessibility needs, for the same readers as the names.
        let needs: [Int64: MeetingNeeds]
        let directory: PlanningDirectory
        /// People received without a booking (`WalkIns`), shown under their permanence.
        var walkIns: [BookingRecord] = []
        /// Whether the reader may record an intake, and today: the day's permanences offer to receive someone without a booking.
        var canRecordIntake = false
        var today: CalendarDate? = nil
    }

    static func render(_ input: Input) -> HTML {
        let sections = input.occurrences.map { occurrence(input, $0) }
        let body: HTML = sections.isEmpty ? "<p>Aucune permanence à \(input.site.name) ce jour-là.</p>" : HTML.join(sections)
        let orphans: HTML = input.orphans.isEmpty ? .empty : """
            <section aria-labelledby="deplacees"><h2 id="deplacees">Réservations sur une permanence déplacée</h2>
            <p>Ces personnes avaient un créneau ce jour-là sur une permanence qui a changé de jour : à recontacter.</p>
            <ul>\(HTML.join(input.orphans.map { "<li>\($0.slotStart.frenchLabel) : \(person(input, $0))</li>" }))</ul></section>
            """
        let previous = input.date.adding(days: -1), next = input.date.adding(days: 1)
        return """
            <h1>\(input.site.name) — \(input.date.frenchLabel)</h1>
            <nav class="pager no-print" aria-label="Autres jours">
            <a href="/planning/sites/\(input.site.id)/jour?date=\(previous.description)">Jour précédent<span class="visually-hidden"> (\(previous.frenchLabel))</span></a>
            · <a href="/planning/sites/\(input.site.id)/jour?date=\(next.description)">Jour suivant<span class="visually-hidden"> (\(next.frenchLabel))</span></a>
            · <a href="/planning/sites/\(input.site.id)/semaine?date=\(input.date.description)">Semaine</a>
            · <a href="/planning">Grilles</a>
            </nav>
            \(body)
            \(orphans)
            """
    }

    private static func occurrence(_ input: Input, _ occurrence: Occurrence) -> HTML {
        let booked = input.bookings.filter { $0.occurrenceID == occurrence.id }
        let rows = occurrence.slots.map { slot -> HTML in
            let people = booked.filter { $0.slotStart == slot.start }
            let places: HTML = slot.capacityIsSoft
                ? "\(people.count) réservée\(people.count > 1 ? "s" : "") (\(slot.capacity) indicatives)"
                : (people.count >= slot.capacity ? "<strong>complet</strong>" : "\(slot.capacity - people.count) libre\(slot.capacity - people.count > 1 ? "s" : "") sur \(slot.capacity)")
            let names: HTML = people.isEmpty ? "—" : HTML.join(people.map { person(input, $0) }, separator: "<br>")
            return "<tr><th scope=\"row\">\(PlanningText.hours(slot.start, slot.end))</th><td>\(places)</td><td>\(names)</td></tr>"
        }
        let free = occurrence.isCancelled ? 0 : occurrence.slots.filter { slot in
            slot.capacityIsSoft || booked.filter { $0.slotStart == slot.start }.count < slot.capacity
        }.count
        let status: HTML = occurrence.isCancelled
            ? (booked.isEmpty ? .empty : "<p class=\"notice warning\">\(booked.count) personne\(booked.count > 1 ? "s" : "") à recontacter pour un autre créneau.</p>")
            : "<p>Accueil \(occurrence.mode.label) · \(free) créneau\(free > 1 ? "x" : "") libre\(free > 1 ? "s" : "") sur \(occurrence.slots.count)</p>"
        let caption = "Créneaux de la permanence de \(PlanningText.hours(occurrence.start, occurrence.end))"
        let walkedIn = input.walkIns.filter { $0.occurrenceID == occurrence.id }
        let walkIns: HTML = walkedIn.isEmpty ? .empty
            : "<p>Reçue\(walkedIn.count > 1 ? "s" : "") sans rendez-vous : \(HTML.join(walkedIn.map { person(input, $0) }, separator: ", ")).</p>"
        let receive: HTML = input.canRecordIntake && !occurrence.isCancelled && occurrence.date == input.today
            ? "<p class=\"no-print\"><a class=\"button secondary\" href=\"/accueils/nouveau?permanence=\(occurrence.id)\">Accueillir une personne sans rendez-vous<span class=\"visually-hidden\"> à la permanence de \(PlanningText.hours(occurrence.start, occurrence.end))</span></a></p>"
            : .empty
        return """
            <section class="occurrence\(occurrence.isCancelled ? " cancelled" : "")" aria-labelledby="o-\(occurrence.id)">
            <h2 id="o-\(occurrence.id)">\(PlanningText.sender(occurrence, input.directory)) · \(PlanningText.hours(occurrence.start, occurrence.end))</h2>
            <p>Présent·e : \(PlanningText.holder(occurrence, input.directory))</p>
            \(status)
            <table>
            <caption class="visually-hidden">\(caption)</caption>
            <thead><tr><th scope="col">Créneau</th><th scope="col">Places</th><th scope="col">Personnes attendues</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            \(walkIns)
            \(receive)
            </section>
            """
    }

    private static func person(_ input: Input, _ booking: BookingRecord) -> HTML {
        guard let name = input.names[booking.personID] else { return "1 personne" }
        guard let orientation = booking.orientationID else { return "\(name)" }
        let needs: HTML = input.needs[orientation].map { " <span class=\"needs\">(\($0.label))</span>" } ?? .empty
        return "<a href=\"/orientations/\(String(orientation))\">\(name)</a>\(needs)"
    }
}
