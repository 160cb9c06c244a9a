import AccueilCore
import HTML
import Orientation
import Web

/// The decision shown before the agent confirms: where the person belongs, why, and what rides along.
enum DecisionPage {
    struct Input {
        let person: Person
        let intake: IntakeRecord
        let decision: RoutingDecision
        let destination: DirectorySite?
        let existing: [OrientationRecord]
        /// Free slots of the matching permanences.
        var slots: [SlotProposals.Option] = []
        /// Protection alerts already raised from this intake (the viewer sees their numbers only).
        var protection: [ProtectionReport] = []
        /// What was submitted, shown again with the errors when it was not saved.
        var submission: OrientationService.Submission
        var errors: [(field: String, message: String)] = []
        /// The INSEE code of a commune the table does not know: only a derogation can orient the
        /// person, to Bordeaux's services (the decision shown is what it would lead to).
        var communeOutsideTable: String? = nil
        /// The directory's services for each suggestion of the decision.
        var partners: [Suggestion: [DirectoryContact]] = [:]
        /// The permanence the person walked into (its label) and whether the rule's service is its own.
        var walkIn: (label: String, receivedHere: Bool)? = nil
    }

    /// Said before confirming an intake made at a permanence without a booking: received there, or sent elsewhere.
    static func walkIn(_ input: Input) -> HTML {
        guard let walkIn = input.walkIn else { return .empty }
        return walkIn.receivedHere
            ? "<div class=\"notice\" role=\"status\"><p><strong>Accueil sans rendez-vous</strong> (\(walkIn.label)) : en confirmant sans réserver de créneau, la personne est comptée comme reçue à cette permanence.</p></div>"
            : "<div class=\"notice warning\" role=\"status\"><p><strong>Accueil sans rendez-vous</strong> (\(walkIn.label)) : la règle oriente la personne vers \(input.decision.service.label), pas vers le service de cette permanence. Elle n'y est pas reçue : orientez-la ci-dessous.</p></div>"
    }

    static func render(_ request: Request, _ input: Input, motives: MotiveCatalog) -> HTML {
        let canDerogate = request.session?.account.can(.grantDerogation) == true
        let showsAlert = request.session.map { ProtectionAccess.seesDangerFlag(intakeAuthor: input.intake.accountID, siteID: input.decision.siteID, $0.account) } ?? false
        let intakePath = "/accueils/\(String(input.intake.id))/protection"
        let danger = showsAlert && input.decision.alerts.contains(.crip)
        let raised: HTML = input.protection.isEmpty ? .empty
            : "<p>Alerte\(input.protection.count > 1 ? "s" : "") de protection enregistrée\(input.protection.count > 1 ? "s" : "") : \(HTML.join(input.protection.map { "<a href=\"/protection/\(String($0.id))\">n° \(String($0.id))</a>" as HTML }, separator: ", ")).</p>"
        let protection: HTML = request.session?.account.can(.recordIntake) == true ? """
            <section aria-labelledby="protection" class="protection">
            <h2 id="protection">Protection</h2>
            \(raised)
            <p><a href="\(intakePath)?type=\(ProtectionReport.Kind.vulnerableAdult.rawValue)">Signaler un adulte vulnérable</a></p>
            </section>
            """ : .empty
        let error = { (field: String) in input.errors.first { $0.field == field }?.message }
        let confirmed: HTML = input.existing.isEmpty ? .empty : """
            <div class="notice success" role="status"><p>Orientation déjà confirmée :
            \(HTML.join(input.existing.map { "<a href=\"/orientations/\(String($0.id))\">\($0.reference)</a>" }, separator: ", ")).</p></div>
            """
        let derogation: HTML = canDerogate ? """
            <fieldset><legend>Dérogation (accord PTS / CCAS)</legend>
            <p class="hint">Seulement si le PTS et le CCAS ont convenu ensemble d'une autre orientation dans l'intérêt de la personne : les deux accords sont nécessaires.</p>
            \(FormFields.select("derogation_service", label: "Service retenu par dérogation", options: Service.allCases.map { .init($0.rawValue, $0.shortName) }, selected: input.submission.derogation?.service.rawValue ?? "", error: error("derogation_service"), includeBlank: "Pas de dérogation"))
            \(FormFields.textarea("justification", label: "Justification écrite", value: input.submission.derogation?.justification ?? "", error: error("justification"), rows: 3))
            \(FormFields.input("accord_pts", label: "Accord du PTS donné par (nom et fonction)", value: input.submission.derogation?.agreedByPTS ?? "", error: error("accord_pts"), autocomplete: "off"))
            \(FormFields.input("accord_ccas", label: "Accord du CCAS donné par (nom et fonction)", value: input.submission.derogation?.agreedByCCAS ?? "", error: error("accord_ccas"), autocomplete: "off"))
            </fieldset>
            """ : .empty
        let alreadyLive = input.existing.contains(where: \.isLive)
        let outsideTable: HTML = input.communeOutsideTable.map { code in
            """
            <div class="notice warning" role="status"><p><strong>Commune absente de la table (code INSEE \(code)).</strong>
            Les services de cette commune ne sont pas connus : la personne ne peut être orientée vers les services de Bordeaux
            que par une dérogation convenue entre le PTS et le CCAS\(canDerogate ? " (ci-dessous)" : " : demandez à un travailleur social de l'enregistrer")."
            Ce qui suit est l'orientation qu'elle recevrait alors.</p></div>
            """
        } ?? .empty
        let confirmForm: HTML = alreadyLive ? .empty : input.intake.consentOrientation ? """
            <h2>Confirmer l'orientation</h2>
            \(FormFields.errorSummary(input.errors))
            <form method="post" action="/accueils/\(String(input.intake.id))/orientation" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(input.decision.isOutsideBordeaux ? "<p>Pas de réservation ici : la personne s'adresse aux services de sa commune.</p>" as HTML : booking(input, error: error))
            \(derogation)
            <p><button type="submit">Confirmer l'orientation</button></p>
            </form>
            """ : "<div class=\"notice warning\"><p>La personne n'a pas donné son accord pour être orientée : aucune orientation ne peut être enregistrée.</p></div>"
        return """
            \(danger ? ProtectionPages.emergencyNumbers(.child, action: input.protection.isEmpty ? "<p><a class=\"button\" href=\"\(intakePath)?type=\(ProtectionReport.Kind.child.rawValue)\">Enregistrer l'information préoccupante</a></p>" : .empty) : .empty)
            <h1>Orientation proposée</h1>
            <p>Pour <strong>\(input.person.fullName)</strong> · <a href="/personnes/\(String(input.person.id))">voir le dossier</a></p>
            \(walkIn(input))
            \(confirmed)
            \(outsideTable)
            \(DecisionSummary.render(input.decision, destination: input.destination, showingAlert: showsAlert, partners: input.partners))
            \(protection)
            \(ViolencePartners.block(input.intake.motives, catalog: motives))
            \(confirmForm)
            """
    }

    /// A planning slot, or a booking typed by hand.
    static func booking(_ input: Input, error: (String) -> String?) -> HTML {
        """
            \(slotChoices(input.slots, chosen: input.submission.slot, error: error("creneau")))
            <fieldset><legend>\(input.slots.isEmpty ? "Réservation" : "Ou réservation saisie à la main")</legend>
            \(FormFields.choices("reservation", legend: "Type", options: [.init("", "Pas de réservation : la personne prendra contact")] + BookingKind.allCases.map { .init($0.rawValue, $0.label) }, checked: [input.submission.booking.kind?.rawValue ?? ""], multiple: false, error: error("reservation")))
            <div class="row">
            \(FormFields.input("reservation_date", label: "Date", value: input.submission.booking.date ?? "", type: "date", error: error("reservation_date")))
            \(FormFields.input("reservation_heure", label: "Heure", value: input.submission.booking.time ?? "", type: "time", hint: "Pour un rendez-vous.", error: error("reservation_heure")))
            \(FormFields.input("reservation_lieu", label: "Lieu", value: input.submission.booking.place ?? "", hint: "Par défaut, le site de destination.", autocomplete: "off"))
            </div>
            </fieldset>
            """
    }
}

extension DecisionPage {
    /// The planning's next free slots as radio buttons; choosing one books it with the orientation.
    static func slotChoices(_ slots: [SlotProposals.Option], chosen: String, error: String?, none: String = "Aucun créneau du planning") -> HTML {
        guard !slots.isEmpty else {
            return "<p class=\"muted\">Aucun créneau libre dans les permanences correspondantes d'ici \(SlotProposals.horizonDays / 7) semaines.</p>"
        }
        let options = [FormFields.Option("", none)] + slots.map { FormFields.Option($0.value, $0.label) }
        return """
            <div class="slot-choices">
            \(FormFields.choices("creneau", legend: "Créneaux libres des permanences", options: options, checked: [chosen], multiple: false,
                                 hint: "Le créneau choisi est réservé pour la personne en même temps que l'orientation.", error: error))
            </div>
            """
    }
}

/// The decision itself, shared by the decision page, the orientation page and the slip.
enum DecisionSummary {
    static func render(_ decision: RoutingDecision, destination: DirectorySite?, showingAlert: Bool,
                       partners: [Suggestion: [DirectoryContact]] = [:]) -> HTML {
        let alerts = decision.alerts.filter { _ in showingAlert }.map { "<div class=\"notice error\" role=\"alert\"><p><strong>Alerte :</strong> \($0.label).</p></div>" as HTML }
        let suggestions = decision.suggestions.filter { !$0.isAlert }.map { suggestion in
            "<li>\(suggestion.label)\(PartnerCard.list(partners[suggestion] ?? []))</li>" as HTML
        }
        let place: HTML = decision.commune.map { commune in
            "<h2 id=\"destination\">\(CommuneCard.heading(decision.service, commune: commune.name))</h2>\(CommuneCard.render(commune, chosen: decision.service))"
        } ?? """
            <h2 id="destination">\(decision.service == .mds ? "Maison du Département des Solidarités" : "CCAS de Bordeaux") : \(decision.site ?? "site à déterminer")</h2>
            \(decision.isDerogation ? "<p><strong>Orientation par dérogation.</strong></p>" as HTML : .empty)
            \(decision.circonscription.map { "<p>Circonscription : \($0)</p>" as HTML } ?? .empty)
            \(SiteCard.render(destination))
            """
        return """
            \(HTML.join(alerts))
            <section class="decision" aria-labelledby="destination">
            \(place)
            <h3>Pourquoi</h3>
            <ul>\(HTML.join(decision.reasons(showingAlert: showingAlert).map { "<li>\($0)</li>" }))</ul>
            \(suggestions.isEmpty ? .empty : "<h3>À proposer aussi</h3><ul>\(HTML.join(suggestions))</ul>" as HTML)
            </section>
            """
    }
}

/// Address, phone, hours and accessibility of a site of the directory, for staff: what is missing
/// says so, with a discreet notice that the slip will send the person back to the desk for it.
enum SiteCard {
    static func render(_ site: DirectorySite?) -> HTML {
        guard let site else { return .empty }
        let missing = site.missingContact
        let notice: HTML = missing.isEmpty ? .empty : """
            <p class="hint site-missing">Coordonnées à compléter pour ce site (\(missing.joined(separator: ", "))) : la fiche n'en imprime rien
            et invite la personne à les demander à l'accueil. Un administrateur peut les compléter (Sites et partenaires).</p>
            """
        return """
            <dl class="site-card">
            <dt>Adresse</dt><dd>\(StaffValue.orUnknown(site.address))</dd>
            <dt>Téléphone</dt><dd>\(StaffValue.orUnknown(site.phone))</dd>
            <dt>Horaires</dt><dd>\(StaffValue.orUnknown(site.openingHours))</dd>
            <dt>Accessibilité</dt><dd>\(StaffValue.orUnknown(site.accessibility))</dd>
            </dl>
            \(notice)
            """
    }
}
