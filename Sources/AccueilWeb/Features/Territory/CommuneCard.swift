import AccueilCore
import HTML
import Orientation

/// For staff: which CCAS and which MDS serve a commune outside Bordeaux, with what the table is
/// missing and whether it still has to be confirmed (then nothing of it is printed for the person).
enum CommuneCard {
    /// The communes offered as one types (`list="communes-gironde"`), « Mérignac (33281) ».
    static func datalist(_ communes: [CommuneServices]) -> HTML {
        "<datalist id=\"communes-gironde\">\(HTML.join(communes.map { "<option value=\"\(CommuneLookup.label($0))\">" as HTML }))</datalist>"
    }

    /// « Hors Bordeaux : CCAS de la commune (Mérignac) ».
    static func heading(_ service: Service, commune: String) -> String {
        "Hors Bordeaux : \(service == .ccas ? "CCAS de la commune" : "MDS dont dépend la commune") (\(commune))"
    }

    /// `chosen`: the service the rule chose, marked as such; nil where no rule ran (the lookup page).
    static func render(_ commune: CommuneServices?, chosen: Service?) -> HTML {
        guard let commune else {
            return "<p class=\"hint\">Cette commune n'est plus dans la table des communes : ses services ne peuvent pas être affichés.</p>"
        }
        let confirm: HTML = commune.toConfirm
            ? "<p class=\"notice warning\"><strong>À confirmer :</strong> ces données n'ont pas encore été vérifiées par les institutions ; la fiche n'en imprime rien et renvoie la personne vers les services de sa commune.</p>"
            : .empty
        func service(_ title: String, _ entry: PublicService, _ isChosen: Bool) -> HTML {
            """
            <h3>\(title)\(isChosen ? " — orientation retenue" : "")</h3>
            <dl class="site-card">
            <dt>Nom</dt><dd>\(StaffValue.orUnknown(entry.name))</dd>
            <dt>Adresse</dt><dd>\(StaffValue.orUnknown(entry.address))</dd>
            <dt>Téléphone</dt><dd>\(StaffValue.orUnknown(entry.phone))</dd>
            <dt>Courriel</dt><dd>\(StaffValue.orUnknown(entry.email))</dd>
            </dl>
            """
        }
        return """
            <p>Commune de résidence : <strong>\(commune.name)</strong> (code INSEE \(commune.inseeCode)).</p>
            \(confirm)
            \(service("CCAS de la commune", commune.ccas, chosen == .ccas))
            \(service("MDS dont dépend la commune", commune.mds, chosen == .mds))
            """
    }
}
