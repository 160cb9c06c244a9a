import AccueilCore
import HTML
import Planning
import Web

/// One month, Monday–Friday columns, for a site or a social worker: the view managers plan holidays with.
enum PlanningMonthPage {
    struct Input {
        let title: String
        /// "/planning/sites/mds-lac/mois": the pager adds `?date=`.
        let path: String
        let firstDay: CalendarDate
        let occurrences: [Occurrence]
        let directory: PlanningDirectory
        /// Site pages link each day to its reception sheet; worker pages name the site instead.
        let dayPath: String?
        let weekPath: String
    }

    static let months = CalendarDate.frenchMonths

    static func firstOfMonth(_ date: CalendarDate) -> CalendarDate {
        CalendarDate(year: date.year, month: date.month, day: 1) ?? date
    }

    static func render(_ input: Input) -> HTML {
        let first = input.firstDay
        let last = CalendarDate(year: first.year, month: first.month, day: CalendarDate.daysInMonth(year: first.year, month: first.month)) ?? first
        let byDate = Dictionary(grouping: input.occurrences, by: \.date)
        var weeks: [HTML] = []
        var monday = first.mondayOfWeek
        // A month starting on a weekend has no working day in its first calendar week.
        if monday.adding(days: 4) < first { monday = monday.adding(days: 7) }
        while monday <= last {
            let cells = (0..<5).map { offset -> HTML in
                let day = monday.adding(days: offset)
                guard day.month == first.month else { return "<td class=\"outside\"><span class=\"visually-hidden\">hors du mois</span></td>" }
                let label: HTML = input.dayPath.map { "<a href=\"\($0)?date=\(day.description)\">\(day.day)<span class=\"visually-hidden\"> \(day.frenchLabel)</span></a>" as HTML }
                    ?? "\(day.day)"
                let entries = (byDate[day] ?? []).map { entry($0, input) }
                return "<td><span class=\"day-number\">\(label)</span>\(HTML.join(entries))</td>"
            }
            weeks.append("<tr><th scope=\"row\"><a href=\"\(input.weekPath)?date=\(monday.description)\">Semaine du \(monday.frenchShortLabel)</a></th>\(HTML.join(cells))</tr>")
            monday = monday.adding(days: 7)
        }
        let previous = firstOfMonth(first.adding(days: -1)), next = last.adding(days: 1)
        let header = HTML.join(Weekday.workingDays.map { "<th scope=\"col\">\($0.capitalizedLabel)</th>" as HTML })
        let monthName = "\(months[first.month - 1]) \(first.year)"
        return """
            <h1>\(input.title)</h1>
            <nav class="pager no-print" aria-label="Autres mois">
            <a href="\(input.path)?date=\(previous.description)">Mois précédent<span class="visually-hidden"> (\(months[previous.month - 1]) \(previous.year))</span></a>
            · <a href="\(input.path)?date=\(next.description)">Mois suivant<span class="visually-hidden"> (\(months[next.month - 1]) \(next.year))</span></a>
            · <a href="/planning">Grilles</a>
            </nav>
            <table class="planning-grid month">
            <caption>\(monthName.prefix(1).uppercased() + monthName.dropFirst())</caption>
            <thead><tr><td></td>\(header)</tr></thead>
            <tbody>\(HTML.join(weeks))</tbody>
            </table>
            """
    }

    private static func entry(_ occurrence: Occurrence, _ input: Input) -> HTML {
        let place: HTML = input.dayPath == nil ? " · \(input.directory.siteName(occurrence.siteID))" : " · \(PlanningText.sender(occurrence, input.directory))"
        let who: HTML = switch occurrence.holder {
        case .titulaire(let id): "\(input.directory.workerName(id))"
        case .suppleant(let id): "\(input.directory.workerName(id)) (suppléance)"
        case .cancelled(let reason): "<strong class=\"\(reason.needsAttention ? "alert-text" : "muted")\">annulée : \(reason.label)</strong>"
        }
        return "<div class=\"entry\"><span class=\"when\">\(PlanningText.hours(occurrence.start, occurrence.end))\(place)</span> \(who)</div>"
    }
}
