import HTML
import Planning
import Web

/// The managers' list of social workers who can hold permanences, with the add and edit forms.
enum SocialWorkerPages {
    struct Options {
        let circonscriptions: [FormFields.Option]
        let accounts: [FormFields.Option]
        /// Account id → login, for the list.
        let logins: [Int64: String]
    }

    static func list(_ request: Request, workers: [SocialWorker], links: [String: Int64], directory: PlanningDirectory,
                     form: SocialWorkerForm, options: Options, notice: String?) -> HTML {
        let banner: HTML = notice == "enregistre" ? "<div class=\"notice success\" role=\"status\"><p>Le travailleur social a été enregistré.</p></div>" : .empty
        let rows = workers.map { worker -> HTML in
            """
            <tr><td>\(worker.displayName)</td><td>\(worker.institution.shortLabel)</td>
            <td>\(worker.circonscriptionID.map(directory.circonscriptionName) ?? "—")</td>
            <td>\(links[worker.id].flatMap { options.logins[$0] } ?? "—")</td>
            <td><a href="/planning/travailleurs/\(worker.id)">Modifier<span class="visually-hidden"> \(worker.displayName)</span></a>
            · <a href="/planning/travailleurs/\(worker.id)/semaine">Semaine<span class="visually-hidden"> de \(worker.displayName)</span></a></td></tr>
            """
        }
        return """
            <h1>Travailleurs sociaux du planning</h1>
            \(banner)
            <table>
            <caption>\(workers.count) \(workers.count > 1 ? "travailleurs sociaux" : "travailleur social")</caption>
            <thead><tr><th scope="col">Nom</th><th scope="col">Institution</th><th scope="col">Circonscription</th><th scope="col">Compte</th><th scope="col">Actions</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            <h2>Ajouter un travailleur social</h2>
            \(FormFields.errorSummary(form.errors))
            <form method="post" action="/planning/travailleurs" class="stack">
            \(FormFields.csrf(request.csrfToken))
            \(form.fields(circonscriptions: options.circonscriptions, accounts: options.accounts))
            <p><button type="submit">Ajouter</button></p>
            </form>
            <p><a href="/planning">Retour aux grilles</a></p>
            """
    }

    static func edit(_ request: Request, worker: SocialWorker, form: SocialWorkerForm, options: Options) -> HTML {
        """
        <h1>\(worker.displayName)</h1>
        \(FormFields.errorSummary(form.errors))
        <form method="post" action="/planning/travailleurs/\(worker.id)" class="stack">
        \(FormFields.csrf(request.csrfToken))
        \(form.fields(circonscriptions: options.circonscriptions, accounts: options.accounts))
        <p><button type="submit">Enregistrer</button> <a href="/planning/travailleurs">Annuler</a></p>
        </form>
        """
    }
}
