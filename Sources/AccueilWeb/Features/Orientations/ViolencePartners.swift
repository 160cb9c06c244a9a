import AccueilCore
import HTML

/// For a motive of domestic violence, what the agent offers on the spot: the national numbers, and
/// the social worker who follows the protocol of the convention (Annexe 2: « un protocole d'accueil
/// et d'orientation a été construit avec les PTS »). A short fixed list until the partner directory
/// names the local services. On the screen only: the slip never names the motive (the safety rule).
enum ViolencePartners {
    static func block(_ codes: [String], catalog: MotiveCatalog) -> HTML {
        guard codes.contains(where: { catalog.motive($0)?.sensitive == true }) else { return .empty }
        return """
            <section aria-labelledby="violences" class="notice warning">
            <h2 id="violences">Violences : partenaires spécialisés et règle de sécurité</h2>
            <ul>
            <li><strong>17</strong> (police secours) en cas de danger immédiat, ou <strong>114</strong> par SMS.</li>
            <li><strong>3919</strong> — Violences Femmes Info : écoute nationale, anonyme et gratuite, 24 h/24.</li>
            <li>Le travailleur social de la MDS ou du CCAS, selon le protocole d'accueil et d'orientation des victimes de violences conjugales du PTS.</li>
            </ul>
            <p><strong>Règle de sécurité :</strong> la fiche d'orientation, les calendriers et les écrans partagés ne nomment jamais ce motif ;
            la fiche dit seulement où aller et quand. Ne laissez pas ce dossier ouvert à la vue d'un accompagnant.</p>
            </section>
            """
    }
}
