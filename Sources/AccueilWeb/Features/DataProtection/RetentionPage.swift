import AccueilCore
import HTML
import Web

/// The administrator's data-protection page: retention periods, what a purge would do today, the
/// purge button, and the entry to a person's rights (access, erasure).
enum RetentionPage {
    static func render(_ request: Request, values: [RetentionCategory: String], errors: [(field: String, message: String)],
                       plan: PurgePlan, notice: String?) -> HTML {
        let messages = ["enregistre": "Les durées de conservation ont été enregistrées.", "purge": "La purge a été effectuée et tracée dans le journal.",
                        "efface": "Les données de la personne ont été effacées ; les chiffres d'activité sont conservés."]
        let banner: HTML = notice.flatMap { messages[$0] }.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        let fields = RetentionCategory.allCases.map { category -> HTML in
            FormFields.input(category.rawValue, label: "\(category.label) (en mois)", value: values[category] ?? String(category.defaultMonths), type: "number",
                             hint: "\(category.countsFromLastContact ? "Compté depuis le dernier contact avec la personne." : "Compté depuis chaque trace.") \(category.effect) Par défaut : \(category.defaultMonths) mois.",
                             error: errors.first { $0.field == category.rawValue }?.message, required: true,
                             extra: " min=\"\(category.minimumMonths)\" max=\"\(RetentionCategory.maximumMonths)\" inputmode=\"numeric\"")
        }
        let rows = RetentionCategory.allCases.map { "<tr><th scope=\"row\">\($0.label)</th><td>\(plan.count($0))</td></tr>" as HTML }
        return """
            <h1>Données personnelles</h1>
            \(banner)
            <p>La convention (annexe 1) interdit tout fichier de personnes sans limite de durée. Chaque catégorie de données a sa durée de conservation ;
            au-delà, les données sont supprimées ou rendues anonymes chaque jour, sans changer les chiffres d'activité.
            Les raisons des valeurs par défaut sont décrites dans la documentation (docs/retention.md).</p>
            <h2>Ce qui partirait aujourd'hui</h2>
            <table><caption>Aperçu de la purge : nombre d'éléments supprimés ou anonymisés par catégorie</caption>
            <thead><tr><th scope="col">Catégorie</th><th scope="col">Éléments</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody></table>
            <form method="post" action="/admin/donnees/purge">
            \(FormFields.csrf(request.csrfToken))
            <p><button type="submit" class="secondary">Lancer la purge maintenant</button></p>
            </form>
            <h2>Durées de conservation</h2>
            \(FormFields.errorSummary(errors))
            <form method="post" action="/admin/donnees" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(HTML.join(fields))
            <p><button type="submit">Enregistrer les durées</button></p>
            </form>
            <h2>Droits des personnes</h2>
            <p>Pour une demande d'accès ou d'effacement, saisissez le numéro du dossier (affiché sur le dossier de la personne).
            Pensez à transmettre la demande à l'autre cotraitant (CCAS ou Département), comme le prévoit la convention.</p>
            <form method="get" action="/admin/donnees/droits" class="stack">
            \(FormFields.input("dossier", label: "Numéro de dossier", type: "number", required: true, extra: " min=\"1\" inputmode=\"numeric\""))
            <p><button type="submit" class="secondary">Ouvrir les données de la personne</button></p>
            </form>
            """
    }
}
