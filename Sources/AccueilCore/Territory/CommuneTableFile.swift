import Orientation

/// The commune table's CSV: which CCAS and which MDS serve each commune of the Gironde, one line
/// per commune and period, checked line by line.
package enum CommuneTableFile {
    package static let columns = ["code_insee", "commune", "ccas", "ccas_adresse", "ccas_telephone", "ccas_courriel",
                                  "mds", "mds_adresse", "mds_telephone", "mds_courriel", "debut", "fin", "a_confirmer"]
    static let required = ["code_insee", "commune", "debut"]

    package static func read(_ csv: CSVReader) -> Result<[(line: Int, commune: CommuneServices)], ImportRefusal> {
        let (communes, errors) = readLines(csv)
        return errors.isEmpty ? .success(communes) : .failure(ImportRefusal(lines: errors))
    }

    /// The lines that read well and the errors of the others (see `StreetTableFile.readLines`).
    package static func readLines(_ csv: CSVReader) -> (lines: [(line: Int, commune: CommuneServices)], errors: [ImportLineError]) {
        if let missing = csv.missingColumns(required: required, expected: columns) { return ([], [missing]) }
        var errors: [ImportLineError] = [], communes: [(line: Int, commune: CommuneServices)] = []
        for record in csv.records {
            let before = errors.count
            let code = record["code_insee"].uppercased()
            if !Commune.isValidCode(code) {
                errors.append(ImportLineError(line: record.line, "code INSEE « \(record["code_insee"]) » invalide (5 caractères, par exemple 33281)."))
            } else if code == Commune.bordeaux {
                errors.append(ImportLineError(line: record.line, "Bordeaux (33063) n'a pas sa place dans cette table : ses services sont ceux du référentiel territorial."))
            }
            if record["commune"].isEmpty { errors.append(ImportLineError(line: record.line, "nom de la commune manquant.")) }
            let confirmText = record["a_confirmer"].lowercased()
            // Unsaid is unconfirmed: only an explicit « non » lets the row reach the person's slip.
            let toConfirm: Bool? = ["non", "0", "false"].contains(confirmText) ? false : (["", "oui", "1", "true"].contains(confirmText) ? true : nil)
            if toConfirm == nil { errors.append(ImportLineError(line: record.line, "« a_confirmer » doit valoir oui ou non (reçu : « \(record["a_confirmer"]) »).")) }
            for prefix in ["ccas", "mds"] {
                let email = record["\(prefix)_courriel"]
                if !email.isEmpty, !(email.contains("@") && !email.contains(" ")) {
                    errors.append(ImportLineError(line: record.line, "adresse électronique « \(email) » invalide (\(prefix.uppercased()))."))
                }
            }
            let period = record.period(into: &errors)
            guard errors.count == before, let period, let toConfirm else { continue }
            func service(_ prefix: String) -> PublicService {
                func given(_ column: String) -> String? { record[column].isEmpty ? nil : record[column] }
                return PublicService(name: given(prefix), address: given("\(prefix)_adresse"), phone: given("\(prefix)_telephone"), email: given("\(prefix)_courriel"))
            }
            communes.append((record.line, CommuneServices(inseeCode: code, name: record["commune"], ccas: service("ccas"), mds: service("mds"),
                                                          period: period, toConfirm: toConfirm)))
        }
        if errors.isEmpty, communes.isEmpty { errors.append(ImportLineError(line: 0, "Le fichier ne contient aucune ligne de données.")) }
        return (communes, errors)
    }
}
