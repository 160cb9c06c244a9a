import AccueilCore
import HTML

enum AuditPages {
    static func list(_ entries: [AuditEntry], _ query: AuditQuery) -> HTML {
        let rows = entries.map { entry -> HTML in
            let subject = [entry.subjectType, entry.subjectID].compactMap { $0 }.joined(separator: " n° ")
            return "<tr><td>\(FrenchDates.dateTime(entry.at))</td><td>\(entry.accountLogin ?? "—")</td><td>\(AuditAction(rawValue: entry.action)?.label ?? entry.action)</td><td>\(subject.isEmpty ? "—" : subject)</td><td>\(entry.detail ?? "")</td></tr>"
        }
        let actions = AuditAction.allCases.map { FormFields.Option($0.rawValue, $0.label) }
        let export: HTML = query.person.map { "<p><a href=\"/admin/journal/export.csv?personne=\($0)\">Exporter l'historique de la personne n° \($0) (CSV)</a></p>" } ?? .empty
        return """
            <h1>Journal d'accès</h1>
            <p>Chaque connexion, chaque consultation d'un dossier et chaque modification y est inscrite. Le journal ne peut être ni modifié ni effacé depuis l'application.</p>
            <form method="get" action="/admin/journal" class="filters">
            \(FormFields.input("personne", label: "Numéro de personne", value: query.person ?? ""))
            \(FormFields.input("compte", label: "Identifiant du compte", value: query.account ?? ""))
            \(FormFields.select("action", label: "Action", options: actions, selected: query.action, includeBlank: "Toutes les actions"))
            \(FormFields.input("du", label: "Du", value: query.from ?? "", type: "date"))
            \(FormFields.input("au", label: "Au", value: query.to ?? "", type: "date"))
            <p><button type="submit">Filtrer</button></p>
            </form>
            \(export)
            <table>
            <caption>\(entries.count) événement\(entries.count > 1 ? "s" : "") (les 500 plus récents au plus)</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Compte</th><th scope="col">Action</th><th scope="col">Objet</th><th scope="col">Détail</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            """
    }
}
