import AccueilCore
import HTML
import HTTPCore
import Web

/// Need-to-know on every route that shows a person (see `PersonScope`): a person outside the
/// account's scope is not shown; the page asks for the reason instead (« bris de glace »), and once it
/// is given the person opens for the rest of the session.
enum NeedToKnow {
    /// Thrown by a route about to show a person outside the account's scope; `Gate` answers it.
    struct OutOfScope: Error {
        let personID: Int64
        /// Where to go once the reason is given: the page asked for, or the person's file after a form.
        let returnPath: String
    }

    /// Throws `OutOfScope` unless the person is in the signed-in account's scope. Nil or unknown person
    /// (a file erased after its retention period, a wrong number): nothing personal to protect, the
    /// route answers as it would (404).
    static func require(_ request: Request, personID: Int64?, context: AppContext) async throws {
        guard let personID, let session = request.session else { return }
        let today = context.today
        let allowed = try await context.store.read { db in
            try PersonRepository.find(db, id: personID) == nil
                || PersonScope.isInScope(db, personID, account: session.account, sessionHash: session.tokenHash, today: today)
        }
        guard !allowed else { return }
        let back = request.method == "GET" ? request.http.target : "/personnes/\(personID)"
        throw OutOfScope(personID: personID, returnPath: back)
    }

    /// The same, for the person an intake is about.
    static func require(_ request: Request, intake id: Int64, context: AppContext) async throws {
        let person = try await context.store.read { db in try db.int("SELECT person_id FROM intakes WHERE id = ?", [id]) }
        try await require(request, personID: person.map(Int64.init), context: context)
    }

    /// The same, for the person an orientation is about.
    static func require(_ request: Request, orientation id: Int64, context: AppContext) async throws {
        let person = try await context.store.read { db in try db.int("SELECT person_id FROM orientations WHERE id = ?", [id]) }
        try await require(request, personID: person.map(Int64.init), context: context)
    }

    /// The persons of `ids` whose names the account may see (day sheets, incoming lists).
    static func visible(_ request: Request, _ ids: [Int64], context: AppContext) async throws -> Set<Int64> {
        guard let session = request.session else { return [] }
        let today = context.today
        return try await context.store.read { db in
            try PersonScope.inScope(db, ids, account: session.account, sessionHash: session.tokenHash, today: today)
        }
    }

    /// Answers `OutOfScope` with the reason form (403: nothing of the person is shown).
    struct Gate: Middleware {
        func handle(_ request: Request, next: Handler) async throws -> HTTPResponse {
            do {
                return try await next(request)
            } catch let refused as OutOfScope {
                if request.isAPI { throw HTTPError(.forbidden, "Cette personne n'est pas dans votre périmètre.") }
                return Layout.response(title: "Accès hors de votre périmètre", body: ReasonPage.render(request, refused, errors: []),
                                       request: request, status: .forbidden)
            }
        }
    }
}

/// The question asked before opening a person outside one's scope.
enum ReasonPage {
    static func render(_ request: Request, _ refused: NeedToKnow.OutOfScope, errors: [(field: String, message: String)],
                       reason: String = "", text: String = "") -> HTML {
        let error = { (field: String) in errors.first { $0.field == field }?.message }
        return """
            <h1>Accès hors de votre périmètre</h1>
            <p class="lead">Le dossier n° \(String(refused.personID)) n'a pas été reçu par vos sites, ni orienté vers votre service, et vous
            n'avez pas de rendez-vous avec cette personne.</p>
            <p>Si vous devez l'ouvrir, dites pourquoi : l'accès vous est alors ouvert pour ce dossier jusqu'à la fin de votre session.
            Il est enregistré avec votre motif et revu par les administrateurs et le délégué à la protection des données.</p>
            \(FormFields.errorSummary(errors))
            <form method="post" action="/personnes/\(String(refused.personID))/acces" class="stack">
            \(FormFields.csrf(request.csrfToken))
            <input type="hidden" name="retour" value="\(refused.returnPath)">
            \(FormFields.choices("motif", legend: "Motif", options: BreakGlass.Reason.allCases.map { .init($0.rawValue, $0.label) }, checked: [reason], multiple: false, error: error("motif")))
            \(FormFields.textarea("precision", label: "Précisez (obligatoire)", value: text, hint: "Quelques mots : qui le demande, pourquoi maintenant.", error: error("precision"), rows: 3))
            <p><button type="submit">Ouvrir le dossier</button> <a href="/">Ne pas ouvrir</a></p>
            </form>
            """
    }
}

/// POST /personnes/:id/acces: the reason given, the grant recorded and audited, then the page asked for.
enum BreakGlassRoutes {
    static func register(on router: inout Router, context: AppContext) {
        router.post("/personnes/:id/acces", middleware: [RequirePermission(permission: .useDesk)]) { request in
            guard let session = request.session, let personID = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            // Those who may open a person at all: the desk's staff, and the administrators answering a rights request.
            guard session.account.can(.readPersonFile) || session.account.can(.manageDataProtection) else { throw HTTPError.forbidden }
            let form = try request.form()
            let back = PercentEncoding.safeReturnPath(form["retour"])
            let reason = BreakGlass.Reason(rawValue: form["motif"] ?? "")
            let text = String((form["precision"] ?? "").trimmed.prefix(BreakGlass.textLength.upperBound))
            var errors: [(field: String, message: String)] = []
            if reason == nil { errors.append(("motif", "Choisissez le motif.")) }
            if text.count < BreakGlass.textLength.lowerBound { errors.append(("precision", "Précisez le motif en quelques mots.")) }
            guard let reason, errors.isEmpty else {
                let refused = NeedToKnow.OutOfScope(personID: personID, returnPath: back)
                return Layout.response(title: "Accès hors de votre périmètre",
                                       body: ReasonPage.render(request, refused, errors: errors, reason: form["motif"] ?? "", text: text),
                                       request: request, status: .unprocessableContent)
            }
            let now = context.now()
            try await context.store.write { db in
                guard try PersonRepository.find(db, id: personID) != nil else { throw HTTPError.notFound }
                try BreakGlass.record(db, account: session.account.id, person: personID, sessionHash: session.tokenHash, reason: reason, text: text, at: now)
            }
            return .redirect(to: back)
        }
    }
}
