import AccueilCore
import HTML
import Orientation
import Web

/// The standing adjustments of the rule for administrators: those agreed, in force or ended, and the
/// form to record a new one.
enum AdjustmentPages {
    static func list(_ request: Request, _ recorded: [AdjustmentRepository.Recorded], today: LocalDate, referential: TerritorialReferential,
                     notice: String?) -> HTML {
        let rows = recorded.map { item -> HTML in
            let a = item.adjustment
            let inForce = a.isInForce(on: today)
            let end: HTML = item.endedAt == nil && (a.validTo.map { $0 >= today } ?? true) ? """
                <form method="post" action="/admin/amenagements/\(String(item.id))/fin" class="inline">
                \(FormFields.csrf(request.csrfToken))
                <div class="field"><label for="dernier-jour-\(String(item.id))">Dernier jour</label>
                <input type="date" id="dernier-jour-\(String(item.id))" name="dernier_jour" value="\(today.description)" required></div>
                <button type="submit" class="secondary">Mettre fin</button></form>
                """ : .empty
            return """
                <tr><th scope="row">\(a.reference)</th><td>\(a.text)</td><td>\(a.service.shortName)\(a.siteID.flatMap { referential.site(id: $0)?.name }.map { " — \($0)" } ?? "")</td>
                <td>\(AdjustmentText.conditions(a.conditions, referential: referential))</td>
                <td>PTS : \(a.agreedByPTS)<br>CCAS : \(a.agreedByCCAS)<br>le \(a.agreedOn.frenchDescription)</td>
                <td>du \(a.validFrom.frenchDescription)\(a.validTo.map { " au \($0.frenchDescription)" } ?? "")<br><strong>\(inForce ? "en vigueur" : "hors vigueur")</strong></td>
                <td>\(end)</td></tr>
                """
        }
        let info: HTML = switch notice {
        case "enregistre": "<div class=\"notice success\" role=\"status\"><p>Aménagement enregistré : il s'applique aux orientations décidées pendant sa période.</p></div>"
        case "termine": "<div class=\"notice success\" role=\"status\"><p>Fin de l'aménagement enregistrée.</p></div>"
        default: .empty
        }
        return """
            <h1>Aménagements de la règle</h1>
            \(info)
            <p>Article 3 de la convention : « Le Pôle Territorial de Solidarité (PTS) et le CCAS pourront en concertation, dans l'intérêt du public reçu, aménager la règle ». Un aménagement s'applique à tous les foyers qu'il couvre pendant sa période, après la règle de base ; une dérogation reste possible au cas par cas. Aucun aménagement ne peut orienter vers le CCAS un foyer avec un enfant mineur ou une grossesse.</p>
            <p><a class="button" href="/admin/amenagements/nouveau">Enregistrer un aménagement convenu</a></p>
            \(recorded.isEmpty ? "<p>Aucun aménagement enregistré : la règle de base s'applique.</p>" as HTML : """
            <table><caption>\(String(recorded.count)) aménagement\(recorded.count > 1 ? "s" : "") (les terminés restent listés)</caption>
            <thead><tr><th scope="col">Référence</th><th scope="col">Texte convenu</th><th scope="col">Orientation</th><th scope="col">Foyers concernés</th>
            <th scope="col">Accord</th><th scope="col">Période</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody></table>
            """)
            """
    }

    static func form(_ request: Request, _ form: AdjustmentForm, referential: TerritorialReferential, today: LocalDate) -> HTML {
        let error = { (field: String) in form.errors.first { $0.field == field }?.message }
        let tri: [FormFields.Option] = [.init("", "Indifférent"), .init("oui", "Oui"), .init("non", "Non")]
        let sites = [referential.ccasSite] + referential.sites.filter { $0.kind == .mds && $0.period.contains(today) }
        return """
            <h1>Enregistrer un aménagement de la règle</h1>
            <p>Recopiez l'aménagement tel que le PTS et le CCAS l'ont convenu. Il ne sera plus modifié : pour le changer, mettez-y fin et enregistrez-en un autre.</p>
            \(FormFields.errorSummary(form.errors))
            <form method="post" action="/admin/amenagements" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(FormFields.input("reference", label: "Référence", value: form["reference"], hint: "Par exemple AM-2026-01 ; elle apparaît dans les motifs des orientations et les statistiques.", error: error("reference")))
            \(FormFields.textarea("texte", label: "Texte convenu", value: form["texte"], error: error("texte"), rows: 3))
            <div class="row">
            \(FormFields.select("service", label: "Orientation", options: Service.allCases.map { .init($0.rawValue, $0.fullName) }, selected: form["service"], error: error("service"), includeBlank: "Choisir"))
            \(FormFields.select("site", label: "Lieu, si l'aménagement le précise", options: sites.map { .init($0.id, $0.name) }, selected: form["site"], error: error("site"), includeBlank: "Lieu habituel du service"))
            </div>
            <fieldset id="\(FormFields.id("conditions"))" tabindex="-1"\(error("conditions") == nil ? .empty : " aria-describedby=\"\(FormFields.id("conditions"))-erreur\"" as HTML)><legend>Foyers concernés (toutes les conditions renseignées doivent être remplies)</legend>
            \(error("conditions").map { "<p class=\"field-error\" id=\"\(FormFields.id("conditions"))-erreur\">\($0)</p>" as HTML } ?? .empty)
            \(FormFields.choices("secteurs", legend: "Secteurs de résidence (aucun coché : tous)", options: referential.sectors(on: today).map { .init($0.key, $0.label) }, checked: form.sectors, multiple: true, error: error("secteurs")))
            <div class="row">
            \(FormFields.select("sans_domicile", label: "Sans domicile", options: tri, selected: form["sans_domicile"]))
            \(FormFields.select("enfant_mineur", label: "Enfant mineur (à charge ou vivant en France)", options: tri, selected: form["enfant_mineur"]))
            \(FormFields.select("grossesse", label: "Grossesse", options: tri, selected: form["grossesse"]))
            \(FormFields.select("rsa", label: "Bénéficiaire du RSA", options: tri, selected: form["rsa"]))
            \(FormFields.select("handicap", label: "Situation de handicap", options: tri, selected: form["handicap"]))
            </div>
            <div class="row">
            \(FormFields.input("adultes_min", label: "Adultes, au moins", value: form["adultes_min"], type: "number", error: error("adultes_min")))
            \(FormFields.input("adultes_max", label: "Adultes, au plus", value: form["adultes_max"], type: "number"))
            \(FormFields.input("age_min", label: "Âge du demandeur, au moins", value: form["age_min"], type: "number", error: error("age_min")))
            \(FormFields.input("age_max", label: "Âge du demandeur, au plus", value: form["age_max"], type: "number"))
            </div>
            </fieldset>
            <fieldset><legend>Accord</legend>
            <div class="row">
            \(FormFields.input("accord_pts", label: "Pour le PTS (nom et fonction)", value: form["accord_pts"], error: error("accord_pts"), autocomplete: "off"))
            \(FormFields.input("accord_ccas", label: "Pour le CCAS (nom et fonction)", value: form["accord_ccas"], error: error("accord_ccas"), autocomplete: "off"))
            </div>
            <div class="row">
            \(FormFields.input("date_accord", label: "Date de l'accord", value: form["date_accord"], type: "date", error: error("date_accord")))
            \(FormFields.input("debut", label: "En vigueur à partir du", value: form["debut"], type: "date", error: error("debut")))
            \(FormFields.input("fin", label: "Jusqu'au (facultatif)", value: form["fin"], type: "date", error: error("fin")))
            </div>
            </fieldset>
            <p><button type="submit">Enregistrer l'aménagement</button> <a href="/admin/amenagements">Retour à la liste</a></p>
            </form>
            """
    }
}

/// The conditions of an adjustment in words, for staff.
enum AdjustmentText {
    static func conditions(_ c: AdjustmentConditions, referential: TerritorialReferential) -> String {
        var parts: [String] = []
        if let sectors = c.sectors { parts.append("secteurs " + sectors.sorted().map { referential.sector(key: $0)?.label ?? $0 }.joined(separator: ", ")) }
        func flag(_ value: Bool?, _ yes: String, _ no: String) { if let value { parts.append(value ? yes : no) } }
        flag(c.homeless, "sans domicile", "avec domicile")
        flag(c.minorChild, "avec enfant mineur", "sans enfant mineur")
        flag(c.pregnant, "grossesse", "sans grossesse")
        flag(c.rsa, "bénéficiaire du RSA", "sans RSA")
        flag(c.disability, "situation de handicap", "sans handicap")
        if let adults = c.adults { parts.append("\(adults.lowerBound) à \(adults.upperBound) adultes") }
        if let age = c.age { parts.append("demandeur de \(age.lowerBound) à \(age.upperBound) ans") }
        return parts.joined(separator: " ; ")
    }
}
