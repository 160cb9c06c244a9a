import AccueilCore
import HTML
import Orientation
import Web

/// The intake form (level 1, and level 2 for social workers), refilled and annotated on error.
enum IntakeFormPage {
    struct Data {
        let sites: [DirectorySite]
        let sectors: [Sector]
        /// The communes of the table in force, offered as the commune is typed.
        let communes: [CommuneServices]
        /// What the sector lookup found for the typed address, in French (nil: no lookup asked).
        var sectorLookup: String? = nil
        let motives: [Motive]
        /// Places of the planning outside the sites (centres d'animation, France Services…), for intakes « hors les murs ».
        var outreachSites: [DirectorySite] = []
        /// The permanence a person walked into without a booking (its label), when the intake starts from the day sheet.
        var walkIn: String? = nil
        /// Languages the slip is also printed in.
        let slipLanguages: Set<String>
        let matches: [(person: Person, lastOrientation: String?)]
        let notice: String?
    }

    /// The language the person speaks (a list of BCP 47 tags, or « autre » with its name), and whether an interpreter is needed.
    static func languageFields(_ form: IntakeForm, slipLanguages: Set<String>, error: (String) -> String?) -> HTML {
        let options = IntakeLanguage.list.map { entry in
            FormFields.Option(entry.tag, entry.name.prefix(1).uppercased() + entry.name.dropFirst() + (slipLanguages.contains(entry.tag) ? " — fiche traduite" : ""))
        } + [FormFields.Option(IntakeLanguage.other, "Autre langue (préciser)")]
        return """
            <div class="row">
            \(FormFields.select("langue", label: "Langue parlée", options: options, selected: form.language,
                               hint: "« Fiche traduite » : la fiche d'orientation est aussi imprimée dans cette langue.", error: error("langue"), includeBlank: "Non précisée"))
            \(FormFields.input("langue_autre", label: "Autre langue", value: form.languageOther, hint: "Seulement pour « Autre langue ».", error: error("langue_autre"), autocomplete: "off"))
            </div>
            \(FormFields.checkbox("interprete", label: "Besoin d'un interprète", checked: form.interpreter))
            """
    }

    /// Where the person lives: the commune (Bordeaux by default), then for Bordeaux the sector, found
    /// from the address by the street table or chosen in the list when the table does not know it.
    static func residence(_ form: IntakeForm, _ data: Data, error: (String) -> String?) -> HTML {
        let found: HTML = data.sectorLookup.map { "<p class=\"notice\">\($0)</p>" } ?? .empty
        return """
            <fieldset id="residence"><legend>Résidence</legend>
            \(FormFields.input("commune", label: "Commune de résidence", value: form.commune, hint: "Bordeaux, ou une autre commune de la Gironde (nom ou code INSEE).", error: error("commune"), autocomplete: "off", extra: " list=\"communes-gironde\""))
            \(CommuneCard.datalist(data.communes))
            <div class="row lookup">
            \(FormFields.input("adresse", label: "Adresse à Bordeaux (numéro et voie)", value: form.address, hint: "Pour trouver le secteur ; l'adresse n'est pas conservée.", autocomplete: "off"))
            <p><button type="submit" class="secondary" name="chercher_secteur" value="1" formaction="/accueils#residence" formnovalidate data-sector-lookup>Trouver le secteur</button></p>
            </div>
            <div id="secteur-trouve" role="status">\(found)</div>
            \(FormFields.select("secteur", label: "Secteur de résidence (Bordeaux)", options: data.sectors.map { .init($0.key, $0.label) }, selected: form.sector, hint: "Choisi dans la liste quand la recherche par adresse ne le trouve pas.", error: error("secteur"), includeBlank: "— Choisir —"))
            \(FormFields.checkbox("sans_domicile", label: "Sans domicile", checked: form.homeless))
            </fieldset>
            """
    }

    static func render(_ request: Request, _ form: IntakeForm, _ data: Data) -> HTML {
        let account = request.session?.account
        let error = { (field: String) in form.errors.first { $0.field == field }?.message }
        let csrf = FormFields.csrf(request.csrfToken)
        let siteOptions = data.sites.map { FormFields.Option($0.id, $0.name) }
        let levelField: HTML = account?.can(.readSocialNotes) == true
            ? FormFields.choices("niveau", legend: "Niveau d'accueil", options: [.init("1", "Niveau 1 : accueil, information, orientation"), .init("2", "Niveau 2 : évaluation par un travailleur social")], checked: [String(form.level)], multiple: false)
            : "<input type=\"hidden\" name=\"niveau\" value=\"1\">"
        let notice: HTML = data.notice.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        return """
            <h1>Nouvel accueil</h1>
            \(notice)
            <form method="post" action="/accueils/information" class="quick-info no-print">
            \(csrf)
            <input type="hidden" name="site" value="\(form.siteID)">
            <p>Simple demande d'information, sans orientation ni nom ?
            <button type="submit" class="secondary" name="canal" value="\((form.channel ?? .onSite).rawValue)">Information seule (anonyme)</button></p>
            </form>
            \(FormFields.errorSummary(form.errors))
            <form method="post" action="/accueils" class="stack intake-form" novalidate>
            \(csrf)
            \(walkIn(form, data, error: error))
            <fieldset><legend>L'accueil</legend>
            <div class="row">
            \(FormFields.input("date", label: "Date", value: form.date, type: "date", error: error("date"), required: true))
            \(FormFields.input("heure", label: "Heure", value: form.time, type: "time", error: error("heure"), required: true))
            \(FormFields.select("site", label: "Site d'accueil", options: siteOptions, selected: form.siteID, error: error("site"), required: true, includeBlank: "— Choisir —"))
            </div>
            \(form.walkInOccurrence.isEmpty ? channelFields(form, data, error: error) : "<p>Canal : sur place, à la permanence.</p>" as HTML)
            \(levelField)
            </fieldset>
            \(knownPersons(data.matches, choice: form.personChoice))
            <fieldset><legend>La personne</legend>
            <div class="row" data-person-search>
            \(FormFields.input("nom", label: "Nom", value: form.lastName, error: error("nom"), required: true, autocomplete: "off"))
            \(FormFields.input("prenom", label: "Prénom", value: form.firstName, error: error("prenom"), required: true, autocomplete: "off"))
            \(FormFields.input("naissance", label: "Date de naissance", value: form.birthDate, type: "date", error: error("naissance"), autocomplete: "off"))
            \(FormFields.input("telephone", label: "Téléphone", value: form.phone, type: "tel", hint: "Facultatif.", error: error("telephone"), autocomplete: "off"))
            </div>
            <div id="personnes-connues" class="suggestions" aria-live="polite"></div>
            </fieldset>
            <fieldset><legend>Le foyer</legend>
            \(FormFields.select("adultes", label: "Adultes du foyer", options: (1...Household.maximumAdults).map { .init(String($0), adultsLabel($0)) }, selected: String(form.adults), hint: "Un seul adulte : personne seule, ou parent isolé."))
            \(FormFields.checkbox("enceinte", label: "Grossesse en cours", checked: form.pregnant))
            \(children(form, error: error))
            \(FormFields.checkbox("demande_enfant", label: "La demande concerne les besoins d'un enfant", checked: form.requestConcernsChild, hint: "Par exemple un parent qui n'a pas la garde de son enfant."))
            </fieldset>
            \(residence(form, data, error: error))
            <fieldset><legend>Situation</legend>
            \(FormFields.input("age", label: "Âge", value: form.age, type: "number", hint: "Seulement si la date de naissance n'est pas connue.", error: error("age"), extra: " min=\"0\" max=\"130\""))
            \(FormFields.checkbox("handicap", label: "Situation de handicap", checked: form.disability))
            \(FormFields.checkbox("enfant_danger", label: "Un enfant est peut-être en danger", checked: form.childInDanger))
            \(FormFields.checkbox("rsa", label: "Bénéficiaire du RSA", checked: form.rsa))
            \(FormFields.select("deja_suivi", label: "Déjà accompagnée par", options: Service.allCases.map { .init($0.rawValue, "un travailleur social \($0 == .ccas ? "du CCAS" : "d'une MDS")") }, selected: form.followedBy, error: error("deja_suivi"), includeBlank: "Personne (nouvelle situation)"))
            \(FormFields.input("referent", label: "Nom du référent actuel", value: form.referent, hint: "Facultatif.", autocomplete: "off"))
            </fieldset>
            <fieldset><legend>La demande</legend>
            \(FormFields.choices("motifs", legend: "Motifs", options: data.motives.map { .init($0.code, $0.label) }, checked: Set(form.motives), multiple: true, error: error("motifs")))
            \(FormFields.select("etape_expulsion", label: "Procédure d'expulsion : étape", options: ExpulsionStage.allCases.map { .init($0.rawValue, $0.label) }, selected: form.expulsionStage,
                               hint: "Avec le motif « Prévention des expulsions » : l'étape où en est la procédure.", error: error("etape_expulsion"), includeBlank: "Non précisée"))
            \(languageFields(form, slipLanguages: data.slipLanguages, error: error))
            \(FormFields.input("accessibilite", label: "Besoins d'accessibilité", value: form.accessibility, hint: "Par exemple : fauteuil roulant, malvoyance, surdité.", autocomplete: "off"))
            \(account?.can(.readSocialNotes) == true ? FormFields.textarea("note", label: "Note pour les travailleurs sociaux", value: form.note, hint: "Visible seulement des travailleurs sociaux de votre institution, jamais sur la fiche d'orientation.") : .empty)
            </fieldset>
            <fieldset><legend>Accord de la personne</legend>
            \(FormFields.checkbox("consentement_orientation", label: "La personne accepte d'être orientée vers le service proposé", checked: form.consentOrientation, error: error("consentement_orientation")))
            \(FormFields.checkbox("consentement_partage", label: "La personne accepte que les premiers éléments soient transmis au service de destination", checked: form.consentSharing))
            </fieldset>
            <p><button type="submit" data-main-submit>Enregistrer et voir l'orientation</button>
            \(form.children.count < Household.maximumChildren ? "<button type=\"submit\" class=\"secondary\" name=\"ajouter_enfants\" value=\"1\" formnovalidate>Ajouter des lignes d'enfant</button> <span class=\"hint\">rien n'est enregistré : le formulaire revient avec \(String(min(IntakeForm.childRowsStep, Household.maximumChildren - form.children.count))) lignes de plus</span>" as HTML : .empty)</p>
            </form>
            <script src="/static/js/intake.js" defer></script>
            """
    }

    /// A person received at a permanence without a booking: said at the top, carried by a hidden field.
    static func walkIn(_ form: IntakeForm, _ data: Data, error: (String) -> String?) -> HTML {
        guard !form.walkInOccurrence.isEmpty else { return .empty }
        return """
            <input type="hidden" name="permanence" value="\(form.walkInOccurrence)">
            <div class="notice\(error("permanence") == nil ? "" : " error")" id="f-permanence" role="status">
            <p><strong>Accueil sans rendez-vous</strong> à la permanence : \(data.walkIn ?? form.walkInOccurrence).</p>
            <p>La règle de répartition s'applique comme à tout accueil : si elle oriente la personne vers un autre service
            (une famille avec enfant mineur ou une grossesse vers la MDS), la personne y est orientée et n'est pas comptée comme reçue à cette permanence.</p>
            \(error("permanence").map { "<p>\($0)</p>" as HTML } ?? .empty)
            </div>
            """
    }

    /// The channel, and where and by whom when it is « hors les murs » (a walk-in is in person, at the permanence).
    static func channelFields(_ form: IntakeForm, _ data: Data, error: (String) -> String?) -> HTML {
        """
        \(FormFields.choices("canal", legend: "Canal", options: IntakeChannel.allCases.map { .init($0.rawValue, $0.label) } + [.init(Outreach.channelKey, Outreach.channelLabel)],
                             checked: [form.outside ? Outreach.channelKey : form.channel?.rawValue ?? ""], multiple: false, error: error("canal")))
        \(outreachFields(form, data, error: error))
        """
    }

    /// Where and by whom, when the intake was made outside the sites (channel « hors les murs »).
    static func outreachFields(_ form: IntakeForm, _ data: Data, error: (String) -> String?) -> HTML {
        """
        <fieldset class="outreach"><legend>Si hors les murs</legend>
        <div class="row">
        \(FormFields.select("hors_murs_lieu", label: "Lieu", options: Outreach.Place.allCases.map { .init($0.rawValue, $0.label) }, selected: form.outreachPlace, error: error("hors_murs_lieu"), includeBlank: "— Choisir —"))
        \(FormFields.select("hors_murs_equipe", label: "Équipe", options: Outreach.Team.allCases.map { .init($0.rawValue, $0.label) }, selected: form.outreachTeam, error: error("hors_murs_equipe"), includeBlank: "— Choisir —"))
        \(FormFields.select("hors_murs_site", label: "Lieu du planning", options: data.outreachSites.map { .init($0.id, $0.name) }, selected: form.outreachSite,
                           hint: "Pour une permanence hors les murs (centre d'animation…).", error: error("hors_murs_site"), includeBlank: "Aucun"))
        </div>
        </fieldset>
        """
    }

    static func adultsLabel(_ count: Int) -> String {
        switch count {
        case 1: "1 — personne seule"
        case 2: "2 — en couple"
        default: "\(count) adultes"
        }
    }

    static func children(_ form: IntakeForm, error: (String) -> String?) -> HTML {
        let rows = form.children.enumerated().map { index, row -> HTML in
            let n = index + 1
            return """
                <fieldset class="child"><legend>Enfant \(n)</legend>
                <div class="row">
                \(FormFields.input("enfant\(index)_naissance", label: "Date de naissance", value: row.birthDate, type: "date", error: error("enfant\(index)_naissance")))
                \(FormFields.select("enfant\(index)_charge", label: "À charge", options: [.init("oui", "Oui"), .init("non", "Non")], selected: row.inCharge ? "oui" : "non"))
                \(FormFields.select("enfant\(index)_france", label: "Vit en France", options: [.init("oui", "Oui"), .init("non", "Non")], selected: row.livesInFrance ? "oui" : "non"))
                \(FormFields.checkbox("enfant\(index)_ase", label: "Mesure ASE (jeune majeur)", checked: row.aseMeasure))
                </div>
                </fieldset>
                """
        }
        return """
            <div class="children"><p class="hint">Enfants : renseignez seulement les lignes utiles (date de naissance), les autres sont ignorées.</p>
            \(HTML.join(Array(rows.prefix(2))))
            <details\(form.children.dropFirst(2).contains { !$0.birthDate.isEmpty } || form.children.count > IntakeForm.childRows ? " open" as HTML : .empty)><summary>Autres enfants</summary>\(HTML.join(Array(rows.dropFirst(2))))
            <input type="hidden" name="lignes_enfants" value="\(String(form.children.count))">
            \(form.children.count < Household.maximumChildren ? "<p class=\"hint\">Plus de \(String(form.children.count)) enfants : « Ajouter des lignes d'enfant », en bas du formulaire.</p>" as HTML : .empty)
            </details>
            </div>
            """
    }

    static func knownPersons(_ matches: [(person: Person, lastOrientation: String?)], choice: String) -> HTML {
        guard !matches.isEmpty else {
            return choice.isEmpty ? .empty : "<input type=\"hidden\" name=\"personne\" value=\"\(choice)\">"
        }
        let options = matches.map { match -> FormFields.Option in
            let p = match.person
            var text = "\(p.fullName)"
            if let birth = p.birthDate { text += ", né(e) le \(LocalDate(iso: birth)?.frenchDescription ?? birth)" }
            if let followed = p.followedBy { text += " — suivi(e) par \(followed == .mds ? "une MDS" : "le CCAS")" + (p.referent.map { " (référent : \($0))" } ?? "") }
            if let last = match.lastOrientation { text += " — dernière orientation : \(last)" }
            return .init(String(p.id), text)
        } + [.init("nouveau", "Il s'agit d'une autre personne : créer un nouveau dossier")]
        return """
            <section class="notice warning" aria-labelledby="deja-connue">
            <h2 id="deja-connue">Cette personne est peut-être déjà connue</h2>
            <p>Pour éviter un doublon, reprenez son dossier s'il s'agit bien d'elle.</p>
            \(FormFields.choices("personne", legend: "Dossier à utiliser", options: options, checked: [choice], multiple: false))
            </section>
            """
    }
}
