import AccueilCore
import HTML
import Orientation
import Web

/// The protection alerts as staff see them. Nothing here is ever printed for the person.
enum ProtectionPages {
    /// The numbers to call in immediate danger, first on the screen, before anything else.
    /// `action`: what to do next, shown right under the numbers (the decision page's « Enregistrer »).
    static func emergencyNumbers(_ kind: ProtectionReport.Kind, action: HTML = .empty) -> HTML {
        let numbers: HTML = switch kind {
        case .child: "<li><strong>17</strong> — Police secours, si l'enfant est en danger immédiat</li><li><strong>119</strong> — Allô Enfance en danger (gratuit, 24 h/24)</li>"
        case .vulnerableAdult: "<li><strong>17</strong> — Police secours, si la personne est en danger immédiat</li><li><strong>3977</strong> — maltraitance des personnes âgées et des adultes en situation de handicap</li>"
        }
        return """
            <div class="notice error emergency" role="alert"><p><strong>Danger immédiat : appelez d'abord.</strong></p><ul>\(numbers)</ul>
            <p>Ces numéros restent à l'écran : ils ne sont jamais imprimés pour la famille.</p>\(action)</div>
            """
    }

    static func form(_ request: Request, kind: ProtectionReport.Kind, intakeID: Int64, note: String, siteID: String, sentToCRIP: Bool,
                     sites: [DirectorySite], errors: [(field: String, message: String)]) -> HTML {
        let error = { (field: String) in errors.first { $0.field == field }?.message }
        let mds = sites.filter { $0.kind == .mds }
        let crip: HTML = kind == .child ? FormFields.checkbox("crip", label: "Transmettre directement à la CRIP (danger grave ou situation qui le justifie)", checked: sentToCRIP,
                                                             hint: "La MDS concernée en est informée dans tous les cas.") : .empty
        return """
            \(emergencyNumbers(kind))
            <h1>\(kind.label)</h1>
            <p>\(kind == .child ? "Convention, annexe 3 : le CCAS « informe la MDS concernée ou le cas échéant » la cellule de recueil des informations préoccupantes (CRIP)." : "Convention, annexe 3 : les signalements des adultes vulnérables sont « traités en concertation entre le CCAS et la MDS concernée ».")</p>
            \(FormFields.errorSummary(errors))
            <form method="post" action="/accueils/\(String(intakeID))/protection" class="stack">
            \(FormFields.csrf(request.csrfToken))
            <input type="hidden" name="type" value="\(kind.rawValue)">
            \(FormFields.textarea("note", label: "Ce qui a été vu ou dit (faits, sans appréciation)", value: note, error: error("note"), rows: 4))
            \(FormFields.select("site", label: "MDS concernée", options: mds.map { .init($0.id, $0.name) }, selected: siteID, hint: "Par défaut, la MDS du secteur du foyer ; sans secteur connu, choisissez-la.",
                                error: error("site"), required: true, includeBlank: "Choisir la MDS"))
            \(crip)
            <p><button type="submit">Enregistrer et transmettre</button> <a href="/accueils/\(String(intakeID))">Retour à l'orientation</a></p>
            </form>
            """
    }

    static func show(_ request: Request, _ report: ProtectionReport, siteName: String, author: String, canReceive: Bool, now: Int64) -> HTML {
        let csrf = FormFields.csrf(request.csrfToken)
        let acknowledged: HTML = report.acknowledgedAt.map { "<p>Réception accusée le \(FrenchDates.dateTime($0)).</p>" as HTML }
            ?? (report.isOverdue(at: now) ? "<p class=\"alert-text\"><strong>En retard :</strong> non accusée après un jour ouvré.</p>" as HTML : "<p>Réception non encore accusée.</p>" as HTML)
        let forwarded: HTML = report.forwardedToCRIPAt.map { "<p>Transmise à la CRIP le \(FrenchDates.dateTime($0)).</p>" as HTML } ?? .empty
        let actions: HTML = canReceive ? """
            \(report.acknowledgedAt == nil ? "<form method=\"post\" action=\"/protection/\(String(report.id))/accuse\">\(csrf)<button type=\"submit\">Accuser réception</button></form>" as HTML : .empty)
            \(report.kind == .child && report.forwardedToCRIPAt == nil ? "<form method=\"post\" action=\"/protection/\(String(report.id))/crip\">\(csrf)<button type=\"submit\" class=\"secondary\">Transmise à la CRIP</button></form>" as HTML : .empty)
            """ : .empty
        return """
            \(report.acknowledgedAt == nil ? emergencyNumbers(report.kind) : .empty)
            <h1>\(report.kind.label)</h1>
            \(request.query["info"] == "enregistree" ? "<div class=\"notice success\" role=\"status\"><p>Alerte enregistrée et transmise à \(siteName)\(report.sentToCRIP ? " et à la CRIP" : "").</p></div>" as HTML : .empty)
            <dl>
            <dt>Enregistrée</dt><dd>le \(FrenchDates.dateTime(report.raisedAt)) par \(author)</dd>
            <dt>Destinataire</dt><dd>\(siteName)\(report.kind == .vulnerableAdult ? " et le CCAS" : "")\(report.sentToCRIP ? ", et directement la CRIP" : "")</dd>
            <dt>Faits</dt><dd>\(StaffValue.orUnknown(report.note))</dd>
            </dl>
            \(acknowledged)
            \(forwarded)
            <div class="actions">\(actions)</div>
            """
    }

    /// The dashboard's list: alerts the account receives that are not acknowledged yet.
    static func pending(_ reports: [ProtectionReport], names: [String: String], now: Int64) -> HTML {
        guard !reports.isEmpty else { return .empty }
        let overdue = reports.filter { $0.isOverdue(at: now) }.count
        let items = reports.map { report -> HTML in
            "<li><a href=\"/protection/\(String(report.id))\">\(report.kind == .child ? "Information préoccupante" : "Adulte vulnérable")</a> — \(names[report.siteID] ?? report.siteID), le \(FrenchDates.dateTime(report.raisedAt))\(report.isOverdue(at: now) ? " <strong class=\"alert-text\">en retard</strong>" as HTML : .empty)</li>"
        }
        return """
            <section aria-labelledby="alertes" class="notice \(overdue > 0 ? "error" : "warning")">
            <h2 id="alertes">Alertes de protection à accuser (\(String(reports.count))\(overdue > 0 ? ", dont \(overdue) en retard" : ""))</h2>
            <ul>\(HTML.join(items))</ul>
            </section>
            """
    }
}
