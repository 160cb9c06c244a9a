import Foundation
import Orientation
import Planning
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// Protection alerts as they are used: raised at the desk, read on a need-to-know basis (every read
/// audited), acknowledged by the MDS concerned, overdue after one working day, never on the slip.
@Suite(.serialized) struct ProtectionTests {
    /// Extra accounts, beside the demo ones: an agent of another desk, an MDS social worker of
    /// another MDS, a manager of the MDS concerned.
    static func addAccounts(_ app: TestApp) throws {
        let hash = try app.context.hasher.hash("mot-de-passe-de-test-long")
        try app.store.writeSync { db in
            for (login, institution, roles, sites) in [("agent.lac", Institution.mds, Set([Role.agent]), ["mds-lac"]),
                                                       ("ts.lac", .mds, [.socialWorker], ["mds-lac"]),
                                                       ("resp.bastide", .mds, [.manager], ["mds-bastide"])] {
                let id = try AccountRepository.insert(db, .init(login: login, displayName: login, institution: institution, roles: roles,
                                                                siteIDs: sites, passwordHash: hash), at: 0)
                try AccountRepository.setRolesAndSites(db, id: id, roles: roles, siteIDs: sites)
            }
        }
    }

    func signedIn(_ app: TestApp, _ login: String) async throws -> Browser {
        if DemoAccounts.all.contains(where: { $0.login == login }) { return try await app.signedIn(login) }
        let browser = app.browser()
        #expect(try await browser.logIn(login, "mot-de-passe-de-test-long").status == 303)
        return browser
    }

    /// The family of the journey tests, a child possibly in danger: intake recorded, decision path.
    func dangerIntake(_ app: TestApp, _ agent: Browser) async throws -> String {
        try await agent.get("/accueils/nouveau")
        let saved = try await agent.post("/accueils", IntakeJourneyTests.family([("enfant_danger", "1")]))
        return try #require(saved.header("Location"))
    }

    @Test func anInformationPreoccupanteIsRaisedReadByTheMDSConcernedOnlyAcknowledgedAndNeverOnTheSlip() async throws {
        try await withApp { app in
            try Self.addAccounts(app)
            let agent = try await app.signedIn("agent")
            let decisionPath = try await dangerIntake(app, agent)
            let decision = try await agent.get(decisionPath)
            // The numbers to call come first, before the decision.
            let emergency = try #require(decision.text.range(of: "119"))
            #expect(emergency.lowerBound < decision.text.range(of: "Orientation proposée</h1>")!.lowerBound)
            #expect(decision.text.contains("Enregistrer l&#39;information préoccupante") || decision.text.contains("Enregistrer l'information préoccupante"))

            // The agent of another desk is outside the person's scope: asked for a reason, then reads the
            // same decision without the alert.
            let other = try await signedIn(app, "agent.lac")
            let refused = try await other.get(decisionPath)
            #expect(refused.status == 403 && !refused.text.contains("ALERTE") && refused.text.contains("Accès hors de votre périmètre"))
            let personID = try #require(try app.store.readSync { db in try db.int("SELECT person_id FROM intakes ORDER BY id DESC LIMIT 1") })
            #expect(try await other.post("/personnes/\(personID)/acces", [("motif", "continuite"), ("precision", "Collègue absente"),
                                                                         ("retour", decisionPath)]).status == 303)
            let seenElsewhere = try await other.get(decisionPath)
            #expect(seenElsewhere.status == 200 && !seenElsewhere.text.contains("ALERTE") && !seenElsewhere.text.contains("Allô Enfance"))

            try await agent.get(decisionPath + "/protection?type=information_preoccupante")
            let empty = try await agent.post(decisionPath + "/protection", [("type", "information_preoccupante"), ("note", " "), ("site", "")])
            #expect(empty.status == 422, "facts and the MDS are required")
            #expect(empty.text.contains("Décrivez brièvement les faits.") && empty.text.contains("href=\"#f-site\""))
            let raised = try await agent.post(decisionPath + "/protection", [("type", "information_preoccupante"),
                                                                             ("note", "L'enfant dit avoir peur de rentrer chez lui."), ("site", "mds-bastide")])
            #expect(raised.status == 303)
            let path = try #require(raised.header("Location")?.split(separator: "?").first.map(String.init))
            #expect(try app.auditCount(.protectionRaised) == 1)

            // Need-to-know: the author, the MDS concerned's social worker and manager; nobody else.
            let expected: [(String, Int)] = [("agent", 200), ("ts.mds", 200), ("resp.bastide", 200), ("ts.ccas", 404), ("responsable", 404),
                                             ("admin", 404), ("agent.lac", 404), ("ts.lac", 404)]
            for (login, status) in expected {
                let browser = try await signedIn(app, login)
                let response = try await browser.get(path)
                #expect(response.status == status, "\(login) → \(response.status)")
                if status == 404 { #expect(!response.text.contains("peur de rentrer"), "\(login) reads nothing of it") }
            }
            #expect(try app.auditCount(.protectionRead) == 3, "every read is audited, refusals read nothing")

            // The person's own copy of their data says nothing of it: not in the history, not in the reasons.
            let admin = try await app.signedIn("admin")
            for copy in ["/personnes/1/donnees", "/personnes/1/export.json"] {
                let response = try await admin.get(copy)
                #expect(response.status == 200 && response.text.contains("Durand"), "\(copy) is the person's copy")
                let text = response.text
                for term in ["Alerte de protection", "alerte_", "CRIP", "préoccupante", "peur de rentrer", "ALERTE"] {
                    #expect(!text.contains(term), "\(copy) shows \(term)")
                }
            }

            // Overdue after one working day: 2026-11-18 is a Wednesday; Thursday same time is the deadline.
            #expect(try await signedIn(app, "resp.bastide").get("/").text.contains("Alertes de protection à accuser (1)"))
            app.advanceClock(seconds: 24 * 3600 + 60)   // every session has expired meanwhile: sign in again
            let manager = try await signedIn(app, "resp.bastide")
            #expect(try await manager.get("/").text.contains("dont 1 en retard"))
            #expect(!(try await signedIn(app, "ts.lac").get("/").text.contains("Alertes de protection")), "another MDS sees nothing")

            // Acknowledged by the MDS: once; the agent of the desk cannot acknowledge.
            let agentAgain = try await app.signedIn("agent")
            try await agentAgain.get(decisionPath)
            let worker = try await app.signedIn("ts.mds")
            try await worker.get(path)
            #expect(try await agentAgain.post(path + "/accuse", []).status == 404)
            #expect(try await worker.post(path + "/accuse", []).status == 303)
            #expect(try await worker.post(path + "/accuse", []).status == 409)
            #expect(try await worker.post(path + "/crip", []).status == 303)
            #expect(try app.auditCount(.protectionAcknowledged) == 1 && app.auditCount(.protectionForwarded) == 1)
            #expect(!(try await manager.get("/").text.contains("Alertes de protection")), "acknowledged: off the dashboard")

            // The slip carries nothing of it.
            try await agentAgain.get(decisionPath)
            #expect(try await agentAgain.post(decisionPath + "/orientation", []).status == 303)
            let slip = try await agentAgain.get("/orientations/1/fiche")
            let internalTerms = ["119", "CRIP", "préoccupante", "danger", "peur de rentrer"]
            for term in internalTerms { #expect(!slip.text.contains(term), "the slip shows \(term)") }
        }
    }

    @Test func aVulnerableAdultIsSharedByTheCCASAndTheMDSConcerned() async throws {
        try await withApp { app in
            try Self.addAccounts(app)
            let agent = try await app.signedIn("agent")
            try await agent.get("/accueils/nouveau")
            let saved = try await agent.post("/accueils", IntakeJourneyTests.family([("enfant0_naissance", ""), ("age", "84"), ("secteur", "bastide")]))
            let decisionPath = try #require(saved.header("Location"))
            try await agent.get(decisionPath + "/protection?type=adulte_vulnerable")
            let raised = try await agent.post(decisionPath + "/protection", [("type", "adulte_vulnerable"), ("note", "Dit ne plus avoir accès à son argent."),
                                                                             ("site", "mds-bastide"), ("crip", "1")])
            let path = try #require(raised.header("Location")?.split(separator: "?").first.map(String.init))
            for (login, status) in [("ts.ccas", 200), ("ts.mds", 200), ("ts.lac", 404), ("agent.lac", 404)] {
                #expect(try await signedIn(app, login).get(path).status == status, "\(login)")
            }
            let report = try #require(try app.store.readSync { db in try ProtectionRepository.find(db, id: 1) })
            #expect(report.kind == .vulnerableAdult && !report.sentToCRIP, "the CRIP is for children")
            let ccas = try await app.signedIn("ts.ccas")
            try await ccas.get(path)
            #expect(try await ccas.post(path + "/accuse", []).status == 303)
            #expect(try await ccas.post(path + "/crip", []).status == 409, "an adult's signalement does not go to the CRIP")
        }
    }

    @Test(arguments: [("2026-11-18T10:00", "2026-11-19T10:00"),   // Wednesday → Thursday
                      ("2026-11-20T16:30", "2026-11-23T16:30"),   // Friday → Monday
                      ("2026-12-24T09:00", "2026-12-28T09:00"),   // Christmas Eve → past Christmas and the weekend
                      ("2027-03-26T11:00", "2027-03-30T11:00"),   // Friday before Easter Monday → Tuesday
                      ("2026-05-07T08:00", "2026-05-11T08:00")])  // Thursday, then 8 May (Friday) and the weekend
    func oneWorkingDayCountsFrenchHolidays(_ raised: String, _ due: String) throws {
        func instant(_ text: String) throws -> ParisTime {
            let parts = text.split(separator: "T")
            return ParisTime(try #require(LocalDate(iso: String(parts[0]))), try #require(TimeOfDay(String(parts[1]))))
        }
        #expect(WorkingDays.deadline(after: try instant(raised).seconds) == (try instant(due)))
    }
}


extension ProtectionTests {
    /// The dashboard used to read the 500 oldest alerts of every MDS, then keep this account's: an MDS
    /// behind 500 alerts of another saw none of its own.
    @Test func theDashboardListsThisAccountsAlertsWhateverTheOthersHold() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let decision = try await dangerIntake(app, agent)
            let intake = try #require(Int64(decision.split(separator: "/").last ?? ""))
            let bastide = try app.store.writeSync { db -> Int64 in
                for _ in 0..<501 {
                    try db.run("""
                        INSERT INTO protection_reports (kind, intake_id, raised_by, raised_at, note, site_id)
                        VALUES ('information_preoccupante', ?, 1, 0, 'Faits', 'mds-lac')
                        """, [intake])
                }
                try db.run("""
                    INSERT INTO protection_reports (kind, intake_id, raised_by, raised_at, note, site_id)
                    VALUES ('information_preoccupante', ?, 1, 10, 'Faits', 'mds-bastide')
                    """, [intake])
                return db.lastInsertRowID
            }
            let dashboard = try await app.signedIn("ts.mds").get("/")
            #expect(dashboard.text.contains("/protection/\(bastide)"))
            #expect(!dashboard.text.contains("/protection/1\""), "another MDS's alert is not listed")
        }
    }
}
