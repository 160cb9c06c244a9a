import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// The role × action matrix over real HTTP: every protected route, every role, and anonymous.
@Suite(.serialized) struct AccessMatrixTests {
    struct Route: CustomTestStringConvertible, Sendable {
        let method: String
        let path: String
        let permission: Permission
        /// For API routes: the JSON body sent (with the CSRF header, as a page's script would).
        var json: String? = nil
        /// A second permission that also opens the route (either one suffices).
        var orPermission: Permission? = nil
        var testDescription: String { "\(method) \(path)" }
    }

    /// Every protected route of the application; a new protected route must be added here.
    static let routes: [Route] = [
        Route(method: "GET", path: "/admin/comptes", permission: .manageAccounts),
        Route(method: "GET", path: "/admin/comptes/nouveau", permission: .manageAccounts),
        Route(method: "POST", path: "/admin/comptes", permission: .manageAccounts),
        Route(method: "GET", path: "/admin/comptes/1", permission: .manageAccounts),
        Route(method: "POST", path: "/admin/comptes/999/desactiver", permission: .manageAccounts),
        Route(method: "POST", path: "/admin/comptes/999/reactiver", permission: .manageAccounts),
        Route(method: "POST", path: "/admin/comptes/999/mot-de-passe", permission: .manageAccounts),
        Route(method: "POST", path: "/admin/comptes/999", permission: .manageAccounts),
        Route(method: "GET", path: "/admin/journal", permission: .readAudit),
        Route(method: "GET", path: "/admin/journal/export.csv?personne=1", permission: .readAudit),
        Route(method: "GET", path: "/accueils/nouveau", permission: .recordIntake),
        Route(method: "POST", path: "/accueils", permission: .recordIntake),
        Route(method: "POST", path: "/accueils/information", permission: .recordIntake),
        Route(method: "GET", path: "/accueils/999", permission: .recordIntake),
        Route(method: "POST", path: "/accueils/999/orientation", permission: .recordIntake),
        Route(method: "GET", path: "/orientations/999", permission: .readPersonFile),
        Route(method: "GET", path: "/orientations/999/fiche", permission: .recordIntake),
        Route(method: "POST", path: "/orientations/999/reservation/annuler", permission: .recordIntake),
        Route(method: "POST", path: "/orientations/999/reservation", permission: .recordIntake),
        Route(method: "GET", path: "/orientations/recues", permission: .recordAttendance),
        Route(method: "POST", path: "/orientations/999/presence", permission: .recordAttendance),
        Route(method: "GET", path: "/personnes/999", permission: .readPersonFile),
        Route(method: "POST", path: "/personnes/suggestions", permission: .readPersonFile),
        Route(method: "POST", path: "/personnes/999/fusion", permission: .recordIntake),
        Route(method: "POST", path: "/personnes/999/defusion", permission: .recordIntake, orPermission: .manageDataProtection),
        Route(method: "POST", path: "/personnes/999/acces", permission: .readPersonFile, orPermission: .manageDataProtection),
        Route(method: "GET", path: "/admin/bris-de-glace", permission: .readAudit),
        Route(method: "GET", path: "/admin/bris-de-glace/export.csv", permission: .readAudit),
        Route(method: "GET", path: "/planning", permission: .readPlanning),
        Route(method: "GET", path: "/planning/sites/mds-lac/jour", permission: .readPlanning),
        Route(method: "GET", path: "/planning/sites/mds-lac/semaine", permission: .readPlanning),
        Route(method: "GET", path: "/planning/travailleurs/ts-ccas-1/semaine", permission: .readPlanning),
        Route(method: "GET", path: "/planning/sites/mds-lac/mois", permission: .readPlanning),
        Route(method: "GET", path: "/planning/travailleurs/ts-ccas-1/mois", permission: .readPlanning),
        Route(method: "GET", path: "/planning/ics/sites/mds-lac.ics", permission: .readPlanning),
        Route(method: "GET", path: "/planning/ics/travailleurs/ts-ccas-1.ics", permission: .readPlanning),
        Route(method: "GET", path: "/planning/permanences/ccas-mds-lac", permission: .planPermanences),
        Route(method: "POST", path: "/planning/permanences/ccas-mds-lac", permission: .planPermanences),
        Route(method: "GET", path: "/planning/permanences/nouvelle?grille=ccas-mds&ligne=mds-lac&jour=1", permission: .planPermanences),
        Route(method: "POST", path: "/planning/permanences", permission: .planPermanences),
        Route(method: "POST", path: "/planning/permanences/ccas-mds-lac/terminer", permission: .planPermanences),
        Route(method: "GET", path: "/planning/absences", permission: .planPermanences),
        Route(method: "GET", path: "/planning/travailleurs", permission: .planPermanences),
        Route(method: "POST", path: "/planning/travailleurs", permission: .planPermanences),
        Route(method: "GET", path: "/planning/travailleurs/ts-ccas-1", permission: .planPermanences),
        Route(method: "POST", path: "/planning/travailleurs/ts-ccas-1", permission: .planPermanences),
        Route(method: "GET", path: "/planning/travailleurs/ts-ccas-1/desactiver", permission: .planPermanences),
        Route(method: "POST", path: "/planning/travailleurs/ts-ccas-1/desactiver", permission: .planPermanences),
        Route(method: "POST", path: "/planning/travailleurs/ts-ccas-1/reactiver", permission: .planPermanences),
        Route(method: "GET", path: "/planning/abonnements", permission: .readPlanning),
        Route(method: "POST", path: "/planning/abonnements", permission: .readPlanning),
        Route(method: "POST", path: "/planning/abonnements/999/revoquer", permission: .readPlanning),
        Route(method: "POST", path: "/planning/absences", permission: .planPermanences),
        Route(method: "POST", path: "/planning/fermetures", permission: .planPermanences),
        Route(method: "POST", path: "/planning/absences/999/retirer", permission: .planPermanences),
        Route(method: "POST", path: "/planning/fermetures/999/retirer", permission: .planPermanences),
        Route(method: "GET", path: "/admin/sites", permission: .manageReferential),
        Route(method: "GET", path: "/admin/sites/mds-bastide", permission: .manageReferential),
        Route(method: "POST", path: "/admin/sites/mds-bastide", permission: .manageReferential),
        Route(method: "GET", path: "/admin/amenagements", permission: .manageReferential),
        Route(method: "GET", path: "/admin/amenagements/nouveau", permission: .manageReferential),
        Route(method: "POST", path: "/admin/amenagements", permission: .manageReferential),
        Route(method: "POST", path: "/admin/amenagements/999/fin", permission: .manageReferential),
        Route(method: "GET", path: "/admin/territoire", permission: .manageReferential),
        Route(method: "POST", path: "/admin/territoire/voies", permission: .manageReferential),
        Route(method: "POST", path: "/admin/territoire/communes", permission: .manageReferential),
        Route(method: "GET", path: "/admin/partenaires", permission: .manageReferential),
        Route(method: "POST", path: "/admin/partenaires/import", permission: .manageReferential),
        Route(method: "GET", path: "/admin/partenaires/structures/caf-gironde", permission: .manageReferential),
        Route(method: "POST", path: "/admin/partenaires/structures/caf-gironde", permission: .manageReferential),
        Route(method: "GET", path: "/admin/partenaires/services/plaje-accueil-jeunes", permission: .manageReferential),
        Route(method: "POST", path: "/admin/partenaires/services/plaje-accueil-jeunes", permission: .manageReferential),
        Route(method: "GET", path: "/partenaires", permission: .useDesk),
        Route(method: "GET", path: "/api/v1/directory/structures", permission: .useDesk),
        Route(method: "GET", path: "/api/v1/directory/services", permission: .useDesk),
        Route(method: "GET", path: "/accueils/information/999", permission: .recordIntake),
        Route(method: "POST", path: "/accueils/information/999/feuille", permission: .recordIntake),
        Route(method: "GET", path: "/secteurs", permission: .recordIntake),
        Route(method: "POST", path: "/secteurs", permission: .recordIntake),
        Route(method: "GET", path: "/accueils/999/protection", permission: .recordIntake),
        Route(method: "POST", path: "/accueils/999/protection", permission: .recordIntake),
        // Protection alerts: any signed-in account reaches the route; need-to-know decides (404 out of scope).
        Route(method: "GET", path: "/protection/999", permission: .useDesk),
        Route(method: "POST", path: "/protection/999/accuse", permission: .useDesk),
        Route(method: "POST", path: "/protection/999/crip", permission: .useDesk),
        Route(method: "GET", path: "/admin/donnees", permission: .manageDataProtection),
        Route(method: "POST", path: "/admin/donnees", permission: .manageDataProtection),
        Route(method: "POST", path: "/admin/donnees/purge", permission: .manageDataProtection),
        Route(method: "GET", path: "/admin/donnees/droits?dossier=999", permission: .manageDataProtection),
        Route(method: "GET", path: "/personnes/999/donnees", permission: .manageDataProtection),
        Route(method: "GET", path: "/personnes/999/export.json", permission: .manageDataProtection),
        Route(method: "POST", path: "/personnes/999/effacement", permission: .manageDataProtection),
        Route(method: "GET", path: "/personnes/999/modifier", permission: .recordIntake),
        Route(method: "POST", path: "/personnes/999/modifier", permission: .recordIntake),
        Route(method: "POST", path: "/api/v1/orientation/evaluate", permission: .recordIntake, json: #"{"adults": 1}"#),
        Route(method: "GET", path: "/statistiques", permission: .readStatistics),
        Route(method: "GET", path: "/statistiques/motifs.csv?du=2026-01-01&au=2026-11-16", permission: .readStatistics),
        Route(method: "GET", path: "/api/v1/stats?from=2026-01-01&to=2026-11-16", permission: .readStatistics),
        Route(method: "GET", path: "/statistiques/bilan?du=2026-01-01&au=2026-10-31", permission: .readStatistics),
        Route(method: "GET", path: "/statistiques/bilan.odt?du=2026-01-01&au=2026-10-31", permission: .readStatistics),
        Route(method: "GET", path: "/api/v1/stats/bilan?from=2026-01-01&to=2026-10-31", permission: .readStatistics),
        Route(method: "POST", path: "/statistiques/bilan", permission: .writeBilan),
        Route(method: "GET", path: "/mon-compte/mot-de-passe", permission: .useDesk),
        Route(method: "POST", path: "/mon-compte/mot-de-passe", permission: .useDesk),
    ]

    static let logins = DemoAccounts.all.map(\.login)

    func send(_ route: Route, _ browser: Browser) async throws -> RawClient.Response {
        if let json = route.json { return try await browser.postJSON(route.path, json) }
        return route.method == "GET" ? try await browser.get(route.path) : try await browser.post(route.path, [])
    }

    @Test(arguments: routes)
    func everyRoleGetsExactlyWhatTheMatrixSays(_ route: Route) async throws {
        try await withApp { app in
            for demo in DemoAccounts.all {
                let browser = try await app.signedIn(demo.login)
                try await browser.get("/")  // a page, for the CSRF token
                let response = try await send(route, browser)
                let allowed = AccessPolicy.allows(demo.roles, route.permission) || route.orPermission.map { AccessPolicy.allows(demo.roles, $0) } == true
                if allowed {
                    #expect(response.status != 403, "\(demo.login) should reach \(route.testDescription)")
                    #expect(!(response.header("Location") ?? "").hasPrefix("/connexion"))
                    #expect([200, 303, 400, 404, 409, 415, 422].contains(response.status), "\(demo.login) \(route.testDescription) → \(response.status)")
                } else {
                    #expect(response.status == 403, "\(demo.login) must not reach \(route.testDescription), got \(response.status)")
                }
            }
            let anonymous = app.browser()
            try await anonymous.get("/connexion")
            let response = try await send(route, anonymous)
            if route.path.hasPrefix("/api/") {
                // Programs get a status they can act on, not a redirect to a login page.
                #expect(response.status == 401)
                #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            } else {
                #expect(response.status == 303)
                #expect(response.header("Location")?.hasPrefix("/connexion") == true)
            }
        }
    }

    /// The scope dimension (need-to-know): every route that shows a person, for an account whose role
    /// allows it, in scope, out of scope without a reason (refused, nothing of the person shown), and out
    /// of scope with one (granted for the session, audited).
    static let personPages = ["/personnes/{p}", "/personnes/{p}/modifier", "/accueils/{i}", "/orientations/{o}", "/orientations/{o}/fiche",
                              "/personnes/{p}/donnees", "/personnes/{p}/export.json"]

    @Test(arguments: personPages)
    func theScopeDecidesBeforeTheRole(_ template: String) async throws {
        try await withApp { app in
            try ProtectionTests.addAccounts(app)
            try app.store.writeSync { db in
                let hash = try app.context.hasher.hash("mot-de-passe-de-test-long")
                let id = try AccountRepository.insert(db, .init(login: "admin.lac", displayName: "admin.lac", institution: .mds, roles: [.administrator],
                                                                siteIDs: ["mds-lac"], passwordHash: hash), at: 0)
                try AccountRepository.setRolesAndSites(db, id: id, roles: [.administrator], siteIDs: ["mds-lac"])
            }
            let j = try await NeedToKnowTests().journey(app)
            let path = template.replacingOccurrences(of: "{p}", with: String(j.personID)).replacingOccurrences(of: "{i}", with: String(j.intakeID))
                .replacingOccurrences(of: "{o}", with: String(j.orientationID))
            // The data-protection pages are the administrators'; the others the desk's.
            let adminPage = template.contains("donnees") || template.contains("export")
            let inScope = try await app.signedIn(adminPage ? "admin" : "agent")
            #expect(try await inScope.get(path).status == 200, "in scope: \(path)")
            let outside = try await ProtectionTests().signedIn(app, adminPage ? "admin.lac" : "agent.lac")
            let refused = try await outside.get(path)
            #expect(refused.status == 403 && !refused.text.contains("DURAND") && !refused.text.contains("Élodie"), "out of scope: \(path)")
            let grants = try app.auditCount(.breakGlass)
            let reason = adminPage ? "droits_rgpd" : "continuite"
            #expect(try await outside.post("/personnes/\(j.personID)/acces", [("motif", reason), ("precision", "Demande écrite du 16/11"), ("retour", path)])
                        .header("Location") == path)
            #expect(try await outside.get(path).status == 200, "granted: \(path)")
            #expect(try app.auditCount(.breakGlass) == grants + 1)
        }
    }

    @Test func theMatrixHoldsTheRulesOfTheIssue() {
        #expect(!AccessPolicy.allows([.agent], .readSocialNotes))
        #expect(AccessPolicy.allows([.socialWorker], .readSocialNotes))
        #expect(!AccessPolicy.allows([.manager], .readPersonFile))
        #expect(AccessPolicy.allows([.manager, .socialWorker], .readPersonFile))
        #expect(AccessPolicy.allows([.administrator], .readAudit))
        #expect(!AccessPolicy.allows([.socialWorker], .manageAccounts))
        // Retention, purge, full export and erasure: the administrator only (acting for the DPOs).
        #expect(Role.allCases.filter { AccessPolicy.allows([$0], .manageDataProtection) } == [.administrator])
        for permission in Permission.allCases {
            #expect(Role.allCases.contains { AccessPolicy.allows([$0], permission) }, "\(permission) is held by nobody")
        }
    }
}
