import AccueilCore
import HTML
import Planning
import Web

/// Deactivating a social worker: the confirmation, or the permanences to reassign first.
enum SocialWorkerActivationPage {
    static func confirm(_ request: Request, worker: SocialWorker) -> HTML {
        """
        <h1>Désactiver \(worker.displayName)</h1>
        <p>\(worker.displayName) ne sera plus proposé·e comme titulaire ou suppléant·e des permanences, ni pour les absences.
        Les permanences passées et l'historique qui le ou la nomment restent, avec la mention « (inactif) ». Vous pourrez le ou la réactiver.</p>
        <form method="post" action="/planning/travailleurs/\(worker.id)/desactiver" class="inline-form">
        \(FormFields.csrf(request.csrfToken))
        <button type="submit">Confirmer la désactivation</button> <a href="/planning/travailleurs/\(worker.id)">Annuler</a>
        </form>
        """
    }

    static func refused(worker: SocialWorker, held: [Permanence], directory: PlanningDirectory) -> HTML {
        let items = held.map { permanence -> HTML in
            let role = permanence.titulaireID == worker.id ? "titulaire" : "suppléant·e"
            let until: HTML = permanence.validTo.map { " jusqu'au \($0.frenchLabel)" as HTML } ?? ", sans date de fin"
            return """
                <li>\(PlanningText.permanence(permanence, directory))\(until) — \(role) :
                <a href="/planning/permanences/\(permanence.id)">modifier<span class="visually-hidden"> cette permanence</span></a></li>
                """
        }
        return """
            <h1>Désactiver \(worker.displayName)</h1>
            <div class="notice error" role="alert">
            <p>\(worker.displayName) ne peut pas être désactivé·e : il ou elle est encore titulaire ou suppléant·e
            \(held.count > 1 ? "de ces \(held.count) permanences valables" : "de cette permanence valable") aujourd'hui ou plus tard.
            Confiez-les d'abord à une autre personne, ou mettez-y fin, puis recommencez.</p>
            </div>
            <ul>\(HTML.join(items))</ul>
            <p><a href="/planning/travailleurs/\(worker.id)">Retour à la fiche</a> · <a href="/planning/travailleurs">Travailleurs sociaux du planning</a></p>
            """
    }

    /// At the foot of the edit page: the way to deactivate, or the button that reactivates.
    static func section(_ request: Request, worker: SocialWorker, active: Bool) -> HTML {
        active ? """
            <h2>Départ</h2>
            <p><a href="/planning/travailleurs/\(worker.id)/desactiver">Désactiver \(worker.displayName)</a> (ne plus le ou la proposer dans les permanences).</p>
            """ : """
            <h2>Travailleur social inactif</h2>
            <p>\(worker.displayName) n'est plus proposé·e dans les permanences.</p>
            \(reactivateButton(request, worker: worker))
            """
    }

    static func reactivateButton(_ request: Request, worker: SocialWorker) -> HTML {
        """
        <form method="post" action="/planning/travailleurs/\(worker.id)/reactiver" class="inline-form">
        \(FormFields.csrf(request.csrfToken))
        <button type="submit" class="secondary">Réactiver<span class="visually-hidden"> \(worker.displayName)</span></button>
        </form>
        """
    }
}
