import AccueilCore
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

    static let notices = ["enregistre": "Le travailleur social a été enregistré.",
                          "desactive": "Le travailleur social a été désactivé : il n'est plus proposé dans les permanences.",
                          "reactive": "Le travailleur social a été réactivé."]

    /// Active workers first, then a separate "Inactifs" section (with a button to reactivate each).
    static func list(_ request: Request, workers: [SocialWorker], inactive: Set<String>, links: [String: Int64], directory: PlanningDirectory,
                     form: SocialWorkerForm, options: Options, notice: String?) -> HTML {
        let banner: HTML = notice.flatMap { notices[$0] }.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        let active = workers.filter { !inactive.contains($0.id) }, gone = workers.filter { inactive.contains($0.id) }
        let inactiveSection: HTML = gone.isEmpty ? .empty : """
            <h2>Inactifs</h2>
            \(table(request, gone, caption: "\(gone.count) \(gone.count > 1 ? "travailleurs sociaux inactifs" : "travailleur social inactif")", active: false, links: links, directory: directory, options: options))
            """
        return """
            <h1>Travailleurs sociaux du planning</h1>
            \(banner)
            \(table(request, active, caption: "\(active.count) \(active.count > 1 ? "travailleurs sociaux" : "travailleur social")", active: true, links: links, directory: directory, options: options))
            \(inactiveSection)
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

    private static func table(_ request: Request, _ workers: [SocialWorker], caption: String, active: Bool, links: [String: Int64],
                              directory: PlanningDirectory, options: Options) -> HTML {
        let rows = workers.map { worker -> HTML in
            let reactivate: HTML = active ? .empty : SocialWorkerActivationPage.reactivateButton(request, worker: worker)
            return """
                <tr><td>\(worker.displayName)</td><td>\(worker.institution.shortLabel)</td>
                <td>\(worker.circonscriptionID.map(directory.circonscriptionName) ?? "—")</td>
                <td>\(links[worker.id].flatMap { options.logins[$0] } ?? "—")</td>
                <td><a href="/planning/travailleurs/\(worker.id)">Modifier<span class="visually-hidden"> \(worker.displayName)</span></a>
                · <a href="/planning/travailleurs/\(worker.id)/semaine">Semaine<span class="visually-hidden"> de \(worker.displayName)</span></a>\(reactivate)</td></tr>
                """
        }
        return """
            <table>
            <caption>\(caption)</caption>
            <thead><tr><th scope="col">Nom</th><th scope="col">Institution</th><th scope="col">Circonscription</th><th scope="col">Compte</th><th scope="col">Actions</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            """
    }

    static func edit(_ request: Request, worker: SocialWorker, active: Bool, form: SocialWorkerForm, options: Options) -> HTML {
        """
        <h1>\(worker.displayName)</h1>
        \(FormFields.errorSummary(form.errors))
        <form method="post" action="/planning/travailleurs/\(worker.id)" class="stack">
        \(FormFields.csrf(request.csrfToken))
        \(form.fields(circonscriptions: options.circonscriptions, accounts: options.accounts))
        <p><button type="submit">Enregistrer</button> <a href="/planning/travailleurs">Annuler</a></p>
        </form>
        \(SocialWorkerActivationPage.section(request, worker: worker, active: active))
        """
    }
}
