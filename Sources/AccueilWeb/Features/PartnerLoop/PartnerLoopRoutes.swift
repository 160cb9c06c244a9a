import AccueilCore
import HTML
import HTTPCore
import Orientation
import Web

/// The agent's side (create a link, by mail or on paper) and the partner's one-page form.
enum PartnerLoopRoutes {
    static let publicPrefix = "/partenaire/"

    static func register(on router: inout Web.Router, context: AppContext) {
        router.post("/orientations/:id/partenaires", middleware: [RequirePermission(permission: .recordIntake)]) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let view = try await OrientationView.load(request, context: context, audit: .personRead)
            let form = try request.form()
            let delivery = PartnerReferrals.Delivery(rawValue: form["envoi"] ?? "") ?? .print
            let now = context.now()
            let consent = view.intake.consentSharing
            let id = view.orientation.id
            let created = try await context.store.write { db -> (secret: String, service: DirectoryService, mailed: Bool) in
                let offered = try PartnerDirectory.offered(db, suggestions: view.orientation.suggestions)
                guard let item = offered.first(where: { $0.service.id == form["service"] }) else { throw HTTPError(.unprocessableContent, "Ce service n'est pas proposé pour cette orientation.") }
                let email = item.service.email ?? item.structure?.email
                // Nothing is sent about a person who refused that their first elements be shared.
                let mailed = delivery == .email && consent && email != nil && context.configuration.mailFrom != nil
                let made = try PartnerReferrals.create(db, orientationID: id, service: item.service, delivery: mailed ? .email : .print,
                                                       showsName: consent, by: account.id, at: now)
                if mailed, let email {
                    let link = context.publicURL + publicPrefix + made.secret
                    let who = PersonSlip.shortName(first: view.person?.firstName ?? "", last: view.person?.lastName ?? "")
                    try MailQueue.enqueue(db, referral: made.referral, to: email, subject: "Orientation \(view.orientation.reference) : merci de confirmer",
                                          body: PartnerMail.body(reference: view.orientation.reference, name: who, service: item.service.name, link: link), at: now)
                }
                return (made.secret, item.service, mailed)
            }
            if created.mailed { return .redirect(to: "/orientations/\(id)?info=lien_envoye") }
            let reveal = context.reveals.keep(created.secret, label: created.service.name, for: account.id, now: now)
            return .redirect(to: "/orientations/\(id)/partenaires/lien/\(reveal)")
        }

        router.get("/orientations/:id/partenaires/lien/:reveal", middleware: [RequirePermission(permission: .recordIntake)]) { request in
            guard let account = request.session?.account else { throw HTTPError.notFound }
            // What the page prints comes from the link itself, never from the address.
            guard let shown = context.reveals.take(try request.parameter("reveal"), for: account.id, now: context.now()),
                  let made = try await context.store.read({ db in try PartnerReferrals.printable(db, secret: shown.secret) }) else {
                throw HTTPError(.gone, "Le lien n'est affiché qu'une fois : créez-en un autre si la feuille n'a pas été imprimée.")
            }
            return Layout.response(title: "Lien pour le partenaire", body: PartnerMail.printable(reference: made.reference, service: made.service,
                                   link: context.publicURL + publicPrefix + shown.secret, back: "/orientations/\(made.orientationID)"), request: request)
        }

        router.get(publicPrefix + ":secret") { request in
            let now = context.now()
            guard let view = try await context.store.write({ db in try PartnerReferrals.open(db, secret: try request.parameter("secret"), at: now) }) else {
                throw HTTPError(.notFound, "Ce lien n'existe pas.")
            }
            return noStore(Layout.response(title: "Orientation \(view.reference)", body: PartnerAnswerPage.render(request, view, now: now, error: nil), request: request))
        }

        router.post(publicPrefix + ":secret") { request in
            let secret = try request.parameter("secret")
            let form = try request.form()
            let now = context.now()
            let answer = form["reponse"] ?? ""
            let outcome = PartnerReferrals.Outcome(rawValue: answer)
            guard outcome != nil || answer == "recue" else { throw HTTPError(.unprocessableContent, "Choisissez une réponse.") }
            do {
                try await context.store.write { db in
                    try PartnerReferrals.answer(db, secret: secret, received: true, outcome: outcome, detail: form["vers"], at: now)
                }
            } catch PartnerReferrals.Refusal.closed {
                throw HTTPError(.gone, "Ce lien est clos (réponse déjà donnée, ou plus de 30 jours) : rien n'a été enregistré.")
            } catch PartnerReferrals.Refusal.detailRequired {
                guard let view = try await context.store.write({ db in try PartnerReferrals.open(db, secret: secret, at: now) }) else { throw HTTPError.notFound }
                return noStore(Layout.response(title: "Orientation \(view.reference)",
                                               body: PartnerAnswerPage.render(request, view, now: now, error: "Indiquez vers quel service la personne a été réorientée."),
                                               request: request, status: .unprocessableContent))
            }
            return .redirect(to: publicPrefix + secret)
        }
    }

    /// The partner's page names a person: no cache may keep it.
    private static func noStore(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}

/// What the partner reads and answers, on one page, without an account.
enum PartnerAnswerPage {
    static func render(_ request: Request, _ view: PartnerReferrals.PartnerView, now: Int64, error: String?) -> HTML {
        let r = view.referral
        let state: HTML = if let outcome = r.outcome {
            "<div class=\"notice success\" role=\"status\"><p>Réponse enregistrée : <strong>\(outcome.label)</strong>\(r.outcomeDetail.map { " (\($0))" } ?? ""). Merci ! Ce lien est maintenant clos.</p></div>"
        } else if !r.isOpen(at: now) {
            "<div class=\"notice error\" role=\"alert\"><p>Ce lien a expiré (30 jours). Contactez l'accueil commun si besoin.</p></div>"
        } else if r.receivedAt != nil {
            "<div class=\"notice success\" role=\"status\"><p>Vous avez indiqué avoir reçu la demande. Dites-nous, quand vous le savez, si la personne est venue.</p></div>"
        } else { .empty }
        let form: HTML = r.isOpen(at: now) ? """
            \(error.map { "<div class=\"notice error\" role=\"alert\"><p>\($0)</p></div>" as HTML } ?? .empty)
            <form method="post" action="\(PartnerLoopRoutes.publicPrefix)\(request.parameters["secret"] ?? "")" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(FormFields.choices("reponse", legend: "Votre réponse", options: [FormFields.Option("recue", "Demande reçue")]
                + PartnerReferrals.Outcome.allCases.map { FormFields.Option($0.rawValue, $0.label) }, checked: [], multiple: false))
            \(FormFields.input("vers", label: "Si réorientée : vers quel service", hint: "Le nom du service seulement (pas de détail sur la situation).", autocomplete: "off"))
            <p><button type="submit">Envoyer la réponse</button></p>
            </form>
            """ : .empty
        return """
            <h1>Orientation \(view.reference)</h1>
            <p>L'accueil commun du CCAS de Bordeaux et des Maisons du Département des Solidarités a orienté \(view.shortName.map { "<strong>\($0)</strong>" as HTML } ?? "une personne")
            vers votre service « \(r.serviceName) ». Merci de nous dire si vous avez reçu la demande, puis si la personne est venue : cela nous permet de vérifier
            que personne ne reste sans réponse.</p>
            \(state)
            \(form)
            <p class="muted">Ce lien ne concerne que cette orientation ; chaque consultation est tracée.</p>
            """
    }
}

/// The mail to a partner and the printed link: the reference, the first name and initial when the
/// person agreed, the link; nothing about the situation.
enum PartnerMail {
    static func body(reference: String, name: String, service: String, link: String) -> String {
        """
        Bonjour,

        L'accueil commun du CCAS de Bordeaux et des Maisons du Département des Solidarités a orienté \(name.isEmpty ? "une personne" : name) vers votre service « \(service) » (référence \(reference)).

        Merci d'indiquer, par ce lien, si vous avez reçu la demande puis si la personne est venue :
        \(link)

        Le lien ne concerne que cette orientation et reste ouvert 30 jours ou jusqu'à votre réponse finale.
        Ne transférez pas ce courriel.
        """
    }

    static func printable(reference: String, service: String, link: String, back: String) -> HTML {
        """
        <h1>Lien pour le partenaire</h1>
        <p class="no-print">Imprimez cette page et remettez-la à la personne, qui la donnera au service « \(service) ». Elle ne porte pas son identité.
        Ce lien n'est affiché qu'une fois.</p>
        <p>Référence de l'orientation : <strong>\(reference)</strong></p>
        <p>Au service « \(service) » : merci d'indiquer si vous avez reçu la personne, à l'adresse :</p>
        <p><code class="subscription-url">\(link)</code></p>
        <p class="no-print"><a href="\(back)">Retour à l'orientation</a></p>
        """
    }
}
