import AccueilCore
import HTML
import Orientation
import Web

/// On the orientation page: the partner services the rule suggested, with a link each for partners
/// without an account — sent by mail when the person agreed to share and the directory has the
/// service's address and a relay is configured, printed otherwise — and the answers so far.
enum PartnerLoopSection {
    struct Data {
        var services: [(service: DirectoryService, structure: DirectoryStructure?)] = []
        var referrals: [PartnerReferrals.Referral] = []
        var consentSharing = false
        var mailEnabled = false
    }

    static func render(_ request: Request, orientationID: Int64, _ data: Data, now: Int64) -> HTML {
        guard !data.services.isEmpty || !data.referrals.isEmpty else { return .empty }
        let canSend = request.session?.account.can(.recordIntake) == true
        let rows = data.referrals.map { r -> HTML in
            let answer = r.outcome.map { "\($0.label)\(r.outcomeDetail.map { " : \($0)" } ?? "")" }
                ?? (r.receivedAt != nil ? "Demande reçue par le partenaire" : (r.isOpen(at: now) ? "Pas encore de réponse" : "Lien expiré sans réponse"))
            let delivery = r.delivery == .email ? "Courriel \(r.mailLabel ?? "en attente")" : "Lien imprimé"
            return "<tr><td>\(r.serviceName)</td><td>\(delivery)</td><td>\(FrenchDates.dateTime(r.createdAt))</td><td>\(answer)</td></tr>"
        }
        let forms = data.services.map { item -> HTML in
            let email = item.service.email ?? item.structure?.email
            let mailable = data.mailEnabled && data.consentSharing && email != nil
            let why: HTML = mailable ? .empty : " <span class=\"hint\">(\(!data.consentSharing ? "la personne n'a pas accepté le partage : le lien est imprimé pour elle, sans son identité" : email == nil ? "pas de courriel dans l'annuaire" : "aucun relais de courriel configuré"))</span>"
            return """
                <li><form method="post" action="/orientations/\(String(orientationID))/partenaires" class="inline">\(FormFields.csrf(request.csrfToken))
                <input type="hidden" name="service" value="\(item.service.id)">
                <strong>\(item.service.contact(in: item.structure).name)</strong>
                \(mailable ? "<button type=\"submit\" name=\"envoi\" value=\"envoi\" class=\"secondary\">Envoyer le lien par courriel</button>" as HTML : .empty)
                <button type="submit" name="envoi" value="imprime" class="secondary">Imprimer le lien</button>\(why)</form></li>
                """
        }
        return """
            <section aria-labelledby="partenaires"><h2 id="partenaires">Retour des partenaires</h2>
            <p>Un partenaire sans compte ici confirme par un lien à usage unique (30 jours) s'il a reçu la demande, puis si la personne est venue.
            Il ne voit que la référence\(data.consentSharing ? " et le prénom avec l'initiale du nom" : "").</p>
            \(canSend && !forms.isEmpty ? "<ul class=\"partner-links\">\(HTML.join(forms))</ul>" as HTML : .empty)
            \(rows.isEmpty ? .empty : """
                <table><caption>Liens envoyés</caption><thead><tr><th scope="col">Service</th><th scope="col">Envoi</th><th scope="col">Créé</th><th scope="col">Réponse</th></tr></thead>
                <tbody>\(HTML.join(rows))</tbody></table>
                """ as HTML)
            </section>
            """
    }
}
