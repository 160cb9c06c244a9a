import AccueilCore
import HTML

/// A partner service for staff: what the person will be given, and what the directory lacks (so that
/// an administrator fills it; nothing missing is ever printed for the person).
enum PartnerCard {
    static func list(_ contacts: [DirectoryContact]) -> HTML {
        guard !contacts.isEmpty else {
            return " <span class=\"muted\">— aucun service de l'annuaire pour l'instant (<a href=\"/partenaires\">chercher un partenaire</a>)</span>"
        }
        return "<ul class=\"partners\">\(HTML.join(contacts.map { "<li>\(render($0))</li>" as HTML }))</ul>"
    }

    static func render(_ contact: DirectoryContact) -> HTML {
        var parts: [HTML] = ["<strong>\(contact.name)</strong>"]
        if let address = contact.address { parts.append("\(address)") }
        if let phone = contact.phone { parts.append("tél. \(phone)") }
        if let email = contact.email { parts.append("\(email)") }
        if let hours = contact.openingHours { parts.append("\(OpeningHours.french(hours) ?? hours)") }
        let missing: HTML = contact.missing.isEmpty ? .empty
            : " <span class=\"hint site-missing\">(non renseigné dans l'annuaire : \(contact.missing.joined(separator: ", ")))</span>"
        return HTML.join(parts, separator: " · ") + missing
    }
}
