import AccueilCore
import HTML
import Orientation
import Web

enum PersonPage {
    static func render(_ request: Request, _ file: PersonFile, context: AppContext) -> HTML {
        let p = file.person
        let siteName = { (id: String?) in file.sites.first { $0.id == id }?.name ?? (id ?? "—") }
        let birth = p.birthDate.flatMap { LocalDate(iso: $0)?.frenchDescription } ?? "inconnue"
        let today = context.today
        let orientations = file.orientations.map { o -> HTML in
            "<tr><td><a href=\"/orientations/\(String(o.id))\">\(o.reference)</a></td><td>\(FrenchDates.dateTime(o.createdAt))</td><td>\(o.service.shortName) — \(siteName(o.siteID))\(o.isDerogation ? " (dérogation)" : "")</td><td>\(BookingText.describe(o))</td><td>\(o.status.label)\(o.isOverdue(today: today) ? " — en retard" : "")</td></tr>"
        }
        let intakes = file.intakes.map { i -> HTML in
            // The safety rule: a sensitive motive is named to social workers only; a desk screen may be seen.
            let named = request.session?.account.can(.readSocialNotes) == true
            let motives = i.motives.compactMap { context.motives.motive($0) }
                .map { $0.sensitive && !named ? "motif confidentiel" : $0.label }.joined(separator: ", ")
            let notes = file.notes.filter { $0.intakeID == i.id }.map { "<p class=\"note\"><strong>Note de \($0.author)</strong> : \($0.text)</p>" as HTML }
            return "<tr><td>\(FrenchDates.dateTime(i.at))</td><td>\(siteName(i.siteID))</td><td>\(i.channelDescription) · niveau \(i.level)</td><td>\(motives)\(HTML.join(notes))</td></tr>"
        }
        let merge: HTML = file.duplicates.isEmpty || request.session?.account.can(.recordIntake) != true ? .empty : """
            <section aria-labelledby="doublons" class="notice warning">
            <h2 id="doublons">Doublons possibles</h2>
            <p>Ces dossiers portent le même nom\(p.birthDate == nil ? "" : " et une date de naissance compatible"). S'il s'agit de la même personne, fusionnez-les dans ce dossier : leurs accueils, orientations, réservations et alertes y seront rattachés. Une fusion peut être annulée.</p>
            <form method="post" action="/personnes/\(String(p.id))/fusion" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(FormFields.choices("doublon", legend: "Dossier à fusionner dans celui-ci", options: file.duplicates.map { .init(String($0.id), "\($0.fullName), né(e) le \($0.birthDate.flatMap { LocalDate(iso: $0)?.frenchDescription } ?? "?") — dossier n° \($0.id)") }, checked: [], multiple: false))
            <p><button type="submit" class="secondary">Fusionner</button></p>
            </form>
            </section>
            """
        let merged: HTML = request.query["fusion"] == "1" ? "<div class=\"notice success\" role=\"status\"><p>Les dossiers ont été fusionnés.</p></div>"
            : request.query["defusion"] == "1" ? "<div class=\"notice success\" role=\"status\"><p>La fusion a été annulée : chaque dossier a retrouvé ses éléments.</p></div>"
            : request.query["rectifie"] == "1" ? "<div class=\"notice success\" role=\"status\"><p>L'identité a été rectifiée.</p></div>" : .empty
        let canRectify = request.session?.account.can(.recordIntake) == true
        let rectifyLink: HTML = canRectify ? "<p><a href=\"/personnes/\(String(p.id))/modifier\">Rectifier l'identité</a></p>" : .empty
        let canUnmerge = request.session.map { $0.account.can(.recordIntake) || $0.account.can(.manageDataProtection) } ?? false
        let mergeHistory: HTML = file.merges.isEmpty ? .empty : """
            <h2>Dossiers fusionnés dans celui-ci</h2>
            <ul>\(HTML.join(file.merges.map { m -> HTML in
                let undo: HTML = m.unmergedAt == nil && canUnmerge ? """
                    <form method="post" action="/personnes/\(String(p.id))/defusion" class="inline-form">\(FormFields.csrf(request.csrfToken))
                    <input type="hidden" name="fusion" value="\(String(m.id))"><button type="submit" class="secondary">Annuler la fusion<span class="visually-hidden"> du dossier n° \(String(m.duplicateID))</span></button></form>
                    """ : .empty
                let state: HTML = m.unmergedAt.map { " — annulée le \(FrenchDates.dateTime($0))" as HTML } ?? .empty
                return "<li>Dossier n° \(String(m.duplicateID)), fusionné le \(FrenchDates.dateTime(m.mergedAt)) par \(m.mergedBy)\(state) \(undo)</li>"
            }))</ul>
            """
        let history: HTML = file.rectifications.isEmpty ? .empty : """
            <h2>Historique des rectifications</h2>
            <ul>\(HTML.join(file.rectifications.map { "<li>\(FrenchDates.dateTime($0.at)) — \($0.accountLogin ?? "?") : \(fieldNames($0.detail))</li>" as HTML }))</ul>
            """
        return """
            <h1>\(p.fullName)</h1>
            \(merged)
            <dl class="site-card">
            <dt>Dossier n°</dt><dd>\(String(p.id))</dd>
            <dt>Date de naissance</dt><dd>\(birth)</dd>
            <dt>Téléphone</dt><dd>\(p.phone ?? "—")</dd>
            <dt>Suivi en cours</dt><dd>\(p.followedBy?.shortName ?? "aucun connu")\(p.referent.map { " — référent : \($0)" } ?? "")</dd>
            </dl>
            \(rectifyLink)
            <h2>Orientations</h2>
            <table><caption>Orientations, de la plus récente à la plus ancienne</caption>
            <thead><tr><th scope="col">N°</th><th scope="col">Date</th><th scope="col">Destination</th><th scope="col">Réservation</th><th scope="col">Suite</th></tr></thead>
            <tbody>\(HTML.join(orientations))</tbody></table>
            <h2>Accueils</h2>
            <table><caption>Accueils, du plus récent au plus ancien</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Site</th><th scope="col">Canal</th><th scope="col">Motifs</th></tr></thead>
            <tbody>\(HTML.join(intakes))</tbody></table>
            \(history)
            \(mergeHistory)
            \(merge)
            """
    }

    /// "champs=nom,telephone" → "nom, téléphone".
    static func fieldNames(_ detail: String?) -> String {
        let labels = ["nom": "nom", "prenom": "prénom", "naissance": "date de naissance", "telephone": "téléphone", "deja_suivi": "suivi en cours", "referent": "référent"]
        let names = (detail ?? "").replacingOccurrences(of: "champs=", with: "").split(separator: ",").map { labels[String($0)] ?? String($0) }
        return names.joined(separator: ", ")
    }

}
