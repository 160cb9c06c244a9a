import AccueilCore
import HTML
import Web

/// The administrators' page of the two tables: what is in force, the imports so far, and the forms
/// to import a new file (columns documented on the page, errors listed by line).
enum TerritoryImportPage {
    struct Summary {
        let table: TerritoryTables.Table
        let inForce: Int
        let imports: [TerritoryTables.Import]
    }

    /// `refused`: the table whose file was refused, the lines at fault, and the source typed (given back).
    static func render(_ request: Request, _ summaries: [Summary], notice: String?, refused: (TerritoryTables.Table, [ImportLineError], source: String)?) -> HTML {
        let banner: HTML = notice.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        return """
            <h1>Voies et communes</h1>
            \(banner)
            <p>Deux tables complètent le référentiel territorial : la <strong>table des voies</strong> de Bordeaux (voie, numéros, parité,
            code postal → secteur), qui permet de trouver le secteur d'une adresse, et la <strong>table des communes</strong> de la Gironde
            (code INSEE → CCAS de la commune et MDS dont elle dépend), qui oriente les habitants des autres communes.</p>
            <p><strong>Les tables réelles sont fournies par les institutions</strong> (le Département pour la sectorisation des MDS, les CCAS
            pour leurs coordonnées). L'application livre seulement une petite table de démonstration, chargée en mode démonstration.</p>
            \(HTML.join(summaries.map { section(request, $0, refused: refused?.0 == $0.table ? refused.map { ($0.1, $0.source) } : nil) }))
            """
    }

    private static func section(_ request: Request, _ summary: Summary, refused: ([ImportLineError], source: String)?) -> HTML {
        let table = summary.table
        let id = "table-\(table.rawValue)"
        let columns = table == .streets ? StreetTableFile.columns : CommuneTableFile.columns
        let help: HTML = table == .streets
            ? "<p class=\"hint\">Une ligne par voie ou par tronçon. <code>parite</code> : tous (ou vide), pair, impair ; numéros vides : toute la voie. <code>secteur</code> : clé du référentiel (bastide, saint-jean…). Dates AAAA-MM-JJ ou JJ/MM/AAAA ; <code>fin</code> vide : toujours en vigueur.</p>"
            : "<p class=\"hint\">Une ligne par commune et par période. Coordonnées inconnues : laisser vide (jamais inventées). <code>a_confirmer</code> : oui tant que les institutions n'ont pas vérifié la ligne ; rien n'en est alors imprimé pour la personne.</p>"
        let errors: HTML = refused.map(\.0).map { lines in
            """
            <div class="notice error" role="alert" id="\(id)-erreurs"><p><strong>Fichier refusé, rien n'a été importé</strong> (\(String(lines.count)) problème\(lines.count > 1 ? "s" : "")) :</p>
            <ul>\(HTML.join(lines.prefix(200).map { "<li>\($0.text)</li>" as HTML }))</ul>
            \(lines.count > 200 ? "<p>… et \(String(lines.count - 200)) autres.</p>" as HTML : .empty)</div>
            """
        } ?? .empty
        let history: HTML = summary.imports.isEmpty ? "<p>Aucun import pour l'instant.</p>" : """
            <table><caption>Historique des imports</caption>
            <thead><tr><th scope="col">N°</th><th scope="col">Date</th><th scope="col">Par</th><th scope="col">Fichier</th><th scope="col">Source</th><th scope="col">Lignes</th><th scope="col">Remplace à partir du</th></tr></thead>
            <tbody>\(HTML.join(summary.imports.map { item in
                "<tr><td>\(String(item.id))</td><td>\(FrenchDates.dateTime(item.importedAt))</td><td>\(item.importedBy ?? "installation (démonstration)")</td><td>\(item.fileName)</td><td>\(item.source)</td><td>\(String(item.lineCount))</td><td>\(item.replacesFrom?.frenchDescription ?? "—")</td></tr>" as HTML
            }))</tbody></table>
            """
        return """
            <section aria-labelledby="\(id)">
            <h2 id="\(id)">\(table == .streets ? "Table des voies (Bordeaux)" : "Table des communes (Gironde)")</h2>
            <p>\(String(summary.inForce)) ligne\(summary.inForce > 1 ? "s" : "") en vigueur aujourd'hui.</p>
            \(errors)
            <form method="post" action="/admin/territoire/\(table.rawValue)" enctype="multipart/form-data" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(FormFields.input("fichier", label: "Fichier CSV", type: "file", hint: "Colonnes (séparateur ; ou ,) : \(columns.joined(separator: ";")).", required: true, extra: " accept=\".csv,text/csv\"", idSuffix: "-" + table.rawValue))
            \(help)
            \(FormFields.input("source", label: "Source du fichier", value: refused?.source ?? "", hint: "Qui l'a fourni et sa date, par exemple « Département, sectorisation du 1er janvier 2027 ».", required: true, autocomplete: "off", idSuffix: "-" + table.rawValue))
            \(FormFields.input("remplace_du", label: "Remplace la table à partir du (facultatif)", type: "date", hint: "Les lignes en vigueur ce jour-là prennent fin la veille ; elles restent dans l'historique.", idSuffix: "-" + table.rawValue))
            <p><button type="submit">Importer</button></p>
            </form>
            \(history)
            </section>
            """
    }
}
