import AccueilCore
import HTML
import Web

/// The header navigation: only what the signed-in account may use, and the way out.
enum Navigation {
    struct Item {
        let path: String
        let label: String
        let permission: Permission
    }

    /// Features add their entry here when they land; the list order is the menu order.
    static let items: [Item] = [
        Item(path: "/accueils/nouveau", label: "Nouvel accueil", permission: .recordIntake),
        Item(path: "/secteurs", label: "Quel secteur ?", permission: .recordIntake),
        Item(path: "/orientations/recues", label: "Orientations reçues", permission: .recordAttendance),
        Item(path: "/planning", label: "Planning des permanences", permission: .readPlanning),
        Item(path: "/statistiques", label: "Statistiques", permission: .readStatistics),
        Item(path: "/admin/comptes", label: "Comptes", permission: .manageAccounts),
        Item(path: "/admin/sites", label: "Sites et partenaires", permission: .manageReferential),
        Item(path: "/admin/amenagements", label: "Aménagements de la règle", permission: .manageReferential),
        Item(path: "/admin/territoire", label: "Voies et communes", permission: .manageReferential),
        Item(path: "/admin/journal", label: "Journal d'accès", permission: .readAudit),
        Item(path: "/admin/bris-de-glace", label: "Bris de glace", permission: .readAudit),
        Item(path: "/admin/donnees", label: "Données personnelles", permission: .manageDataProtection),
    ]

    static func render(for request: Request, current: String) -> HTML {
        guard let session = request.session else {
            return "<nav class=\"site-nav\" aria-label=\"Navigation principale\"><ul><li><a href=\"/connexion\">Se connecter</a></li></ul></nav>"
        }
        let links = items.filter { session.account.can($0.permission) }.map { item -> HTML in
            let isCurrent = current == item.path || current.hasPrefix(item.path + "/")
            return "<li><a href=\"\(item.path)\"\(isCurrent ? " aria-current=\"page\"" as HTML : .empty)>\(item.label)</a></li>"
        }
        return """
            <nav class="site-nav" aria-label="Navigation principale"><ul>
            <li><a href="/"\(current == "/" ? " aria-current=\"page\"" as HTML : .empty)>Tableau de bord</a></li>
            \(HTML.join(links))
            <li><a href="/mon-compte/mot-de-passe">Mon compte<span class="visually-hidden"> (\(session.account.displayName))</span></a></li>
            <li><form method="post" action="/deconnexion">\(FormFields.csrf(session.csrfToken))<button type="submit" class="link">Se déconnecter</button></form></li>
            </ul></nav>
            """
    }
}
