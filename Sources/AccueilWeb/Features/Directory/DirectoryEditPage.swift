import AccueilCore
import HTML
import Orientation
import Web

/// The edit forms of one structure or one service, with the record's history.
enum DirectoryEditPage {
    static func structure(_ request: Request, _ s: DirectoryStructure, isNew: Bool, errors: [String], history: [PartnerDirectory.Version]) -> HTML {
        let action = isNew ? "/admin/partenaires/structures/nouvelle" : "/admin/partenaires/structures/\(s.id)"
        return """
            <p><a href="/admin/partenaires">← Annuaire des partenaires</a></p>
            <h1>\(isNew ? "Nouvelle structure" : "Structure : \(s.name)")</h1>
            \(problems(errors))
            <form method="post" action="\(action)" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(isNew ? FormFields.input("id", label: "Identifiant", value: s.id, hint: "Lettres sans accent, chiffres et tirets, par exemple caf-gironde. Ne change plus ensuite.", required: true) : .empty)
            \(FormFields.input("nom", label: "Nom", value: s.name, required: true))
            \(FormFields.textarea("description", label: "Description", value: s.description ?? "", hint: "Son rôle, en phrases simples (au moins \(DirectoryCheck.descriptionMinimum) caractères).", rows: 5))
            \(place(s))
            \(FormFields.input("site_web", label: "Site web", value: s.website ?? "", type: "url"))
            \(FormFields.input("accessibilite_lieu", label: "Accessibilité du lieu (lien Acceslibre)", value: s.accessibility ?? "", type: "url"))
            <p><button type="submit">Enregistrer</button></p>
            </form>
            \(versions(history))
            """
    }

    static func service(_ request: Request, _ s: DirectoryService, isNew: Bool, suggestions: [Suggestion], vocabulary: DirectoryVocabulary,
                        errors: [String], history: [PartnerDirectory.Version]) -> HTML {
        let action = isNew ? "/admin/partenaires/services/nouveau?structure=\(s.structureID)" : "/admin/partenaires/services/\(s.id)"
        let option = { (term: DirectoryVocabulary.Term) in FormFields.Option(term.value, term.label) }
        // One group (ids must stay unique); each theme says its category: « logement hebergement — Se maintenir… ».
        let themes = FormFields.choices("thematiques", legend: "Thématiques du schéma", options: vocabulary.themes.map { term in
            FormFields.Option(term.value, term.value.components(separatedBy: "--")[0].replacingOccurrences(of: "-", with: " ") + " — " + term.label)
        }, checked: Set(s.themes ?? []), multiple: true)
        let offered = Suggestion.allCases.filter { !$0.isAlert }.map { FormFields.Option($0.rawValue, $0.label) }
        return """
            <p><a href="/admin/partenaires">← Annuaire des partenaires</a></p>
            <h1>\(isNew ? "Nouveau service" : "Service : \(s.name)")</h1>
            \(problems(errors))
            <form method="post" action="\(action)" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(isNew ? FormFields.input("id", label: "Identifiant", value: s.id, hint: "Lettres sans accent, chiffres et tirets. Ne change plus ensuite.", required: true) : .empty)
            \(FormFields.input("nom", label: "Nom", value: s.name, required: true))
            \(FormFields.textarea("description", label: "Description", value: s.description, hint: "Ce que le service fait pour la personne (au moins \(DirectoryCheck.descriptionMinimum) caractères).", rows: 5))
            \(FormFields.select("type", label: "Type de service", options: vocabulary.types.map(option), selected: s.type, includeBlank: "—"))
            \(FormFields.choices("suggestions", legend: "Proposé par la règle d'orientation pour", options: offered, checked: Set(suggestions.map(\.rawValue)), multiple: true,
                                 hint: "La page de décision et la fiche d'orientation montrent ce service avec ces propositions."))
            <details><summary>Thématiques (\(String(s.themes?.count ?? 0)) choisie(s))</summary>\(themes)</details>
            \(FormFields.choices("publics", legend: "Publics", options: vocabulary.audiences.map(option), checked: Set(s.audiences ?? []), multiple: true,
                                 hint: "« Tous publics » ne se combine avec aucun autre."))
            \(FormFields.textarea("publics_precisions", label: "Précisions sur les publics", value: s.audienceDetails ?? "", rows: 2))
            \(FormFields.textarea("conditions_acces", label: "Conditions d'accès", value: s.accessConditions ?? "", rows: 2))
            \(FormFields.choices("modes_accueil", legend: "Modes d'accueil", options: vocabulary.receptionModes.map(option), checked: Set(s.receptionModes ?? []), multiple: true))
            \(FormFields.select("frais", label: "Frais", options: vocabulary.fees.map(option), selected: s.fees, includeBlank: "—"))
            <p class="hint">Lieu et contact : laissez vide ce que le service partage avec sa structure (la fiche prend alors ceux de la structure).</p>
            \(place(s))
            \(FormFields.input("langues", label: "Langues d'accueil", value: (s.languages ?? []).joined(separator: ", "), hint: "Codes ISO séparés par des virgules : fr, en, ar…"))
            \(FormFields.textarea("pieces", label: "Pièces à apporter", value: (s.documents ?? []).joined(separator: "\n"), hint: "Une par ligne, écrite pour la personne.", rows: 3))
            <p><button type="submit">Enregistrer</button></p>
            </form>
            \(versions(history))
            """
    }

    private static func place(_ r: some DirectoryRecord) -> HTML {
        """
        \(FormFields.input("adresse", label: "Adresse", value: r.address ?? "", autocomplete: "off"))
        \(FormFields.input("complement_adresse", label: "Complément d'adresse", value: r.addressComplement ?? "", autocomplete: "off"))
        \(FormFields.input("code_postal", label: "Code postal", value: r.postcode ?? "", autocomplete: "off"))
        \(FormFields.input("commune", label: "Commune", value: r.commune ?? "", autocomplete: "off"))
        \(FormFields.input("code_insee", label: "Code INSEE de la commune", value: r.inseeCode ?? "", autocomplete: "off"))
        \(FormFields.input("telephone", label: "Téléphone", value: r.phone ?? "", type: "tel", autocomplete: "off"))
        \(FormFields.input("adresse_courriel", label: "Courriel", value: r.email ?? "", type: "email", autocomplete: "off"))
        \(FormFields.input("horaires_accueil", label: "Horaires d'accueil", value: r.openingHours ?? "",
                           hint: "Syntaxe OpenStreetMap (celle du schéma), par exemple « Mo-Fr 08:30-12:30,13:30-17:00; PH off ». Vide si inconnus.", autocomplete: "off"))
        """
    }

    private static func problems(_ errors: [String]) -> HTML {
        guard !errors.isEmpty else { return .empty }
        return "<div class=\"notice error\" role=\"alert\" id=\"erreurs\"><p><strong>Rien n'a été enregistré :</strong></p><ul>\(HTML.join(errors.map { "<li>\($0)</li>" as HTML }))</ul></div>"
    }

    private static func versions(_ history: [PartnerDirectory.Version]) -> HTML {
        guard !history.isEmpty else { return .empty }
        return """
            <table><caption>Historique des versions</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Par</th><th scope="col">Origine</th></tr></thead>
            <tbody>\(HTML.join(history.map { "<tr><td>\(FrenchDates.dateTime($0.at))</td><td>\($0.by ?? "installation")</td><td>\($0.origin)</td></tr>" as HTML }))</tbody></table>
            """
    }
}
