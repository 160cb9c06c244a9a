import Foundation
import Planning
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// The planning screens over real HTTP. The test clock stands on Wednesday 18 November 2026.
extension SocialWorkerForm {
    static func make(name: String) -> SocialWorkerForm {
        var form = SocialWorkerForm()
        form.displayName = name
        return form
    }
}

@Suite(.serialized) struct PlanningPagesTests {
    func permanence(_ app: TestApp, _ id: String) throws -> Permanence? {
        try app.store.readSync { db in try PlanningRepository.permanence(db, id: id) }
    }

    /// The edit page's fields as a browser sends them: the version drawn with the form, a weekly recurrence.
    func edit(_ app: TestApp, _ id: String, _ fields: [(String, String)]) throws -> [(String, String)] {
        let stored = try #require(try permanence(app, id))
        return fields + [("version", PermanenceVersion.token(stored)), ("recurrence", "hebdomadaire")]
    }

    /// The body of the `<main>` element, so the navigation does not interfere with `contains`.
    func main(_ response: RawClient.Response) -> String {
        guard let start = response.text.range(of: "<main"), let end = response.text.range(of: "</main>") else { return response.text }
        return String(response.text[start.lowerBound..<end.upperBound])
    }

    @Test func bothAnnexFourGridsShowTitulairesAndSuppleants() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let page = try await agent.get("/planning")
            #expect(page.status == 200)
            let text = main(page)
            #expect(text.contains("Permanences des AS des MDS à CCAS – Cité Municipale (après-midi)"))
            #expect(text.contains("Permanences des travailleurs sociaux du CCAS dans les MDS"))
            for row in ["Circonscription Centre", "Circonscription Sud", "MDS Caudéran", "Antenne sociale Bacalan", "MDS Bastide"] {
                #expect(text.contains(row), "missing row \(row)")
            }
            #expect(text.contains("Karine Témoin") && text.contains("Louis Démo"))
            #expect(page.text.contains("/static/css/planning.css"))
            #expect(page.text.contains("href=\"/planning\" aria-current=\"page\""))
            #expect(text.contains("Aucun conflit"))
            #expect(text.contains("Aujourd'hui sur votre site : <a href=\"/planning/sites/ccas-cite-municipale/jour\">"))
            // Readers get no edit link.
            #expect(!text.contains("/planning/permanences/"))
            #expect(try await app.signedIn("responsable").get("/planning").text.contains("href=\"/planning/permanences/ccas-mds-centre\""))
        }
    }

    @Test func aManagerEditsACellAndTheReceptionDayViewShowsIt() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            #expect(try await manager.get("/planning/permanences/ccas-mds-centre").status == 200)
            let saved = try await manager.post("/planning/permanences/ccas-mds-centre", try edit(app, "ccas-mds-centre",
                                               [("titulaire", "ts-ccas-3"), ("suppleant", "ts-ccas-2"), ("jour", "2"), ("demi_journee", "afternoon")]))
            #expect(saved.status == 303)
            #expect(saved.header("Location") == "/planning?info=modifie#permanence-ccas-mds-centre")
            let stored = try #require(try permanence(app, "ccas-mds-centre"))
            #expect(stored.titulaireID == "ts-ccas-3" && stored.weekday == .tuesday && stored.halfDay == .afternoon)
            #expect(stored.start == TimeOfDay("13:30") && stored.end == TimeOfDay("17:00"))
            #expect(try app.auditCount(.permanenceChanged) == 1)
            let detail = try app.store.readSync { db in try db.string("SELECT detail FROM audit_log WHERE action = 'planning.permanence_modifiee'") }
            #expect(detail == "titulaire,jour,demi_journee,horaires")

            let agent = try await app.signedIn("agent")
            let monday = main(try await agent.get("/planning/sites/mds-centre/jour?date=2026-11-23"))
            #expect(monday.contains("Aucune permanence à MDS Centre ce jour-là."))
            let tuesday = main(try await agent.get("/planning/sites/mds-centre/jour?date=2026-11-24"))
            #expect(tuesday.contains("Maëlle Exemple"))
            #expect(tuesday.contains("13h30–14h"))
            #expect(!tuesday.contains("Karine Témoin"))
            // Maëlle Exemple has nothing else on Tuesday afternoons: no worker is in two places.
            #expect(main(try await agent.get("/planning")).contains("Aucun conflit"))
        }
    }

    @Test func conflictsAppearWhenAManagerLeavesACellWithoutSuppleant() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            try await manager.get("/planning/permanences/ccas-mds-lac")
            #expect(try await manager.post("/planning/permanences/ccas-mds-lac", try edit(app, "ccas-mds-lac",
                                           [("titulaire", "ts-ccas-2"), ("suppleant", ""), ("jour", "3"), ("demi_journee", "morning")])).status == 303)
            let page = main(try await manager.get("/planning"))
            #expect(page.contains("n&#39;a pas de suppléant·e"))
            // Moving Louis Démo onto Tuesday morning puts him in two places (MDS Grand Parc is his too).
            try await manager.get("/planning/permanences/ccas-mds-lac")
            #expect(try await manager.post("/planning/permanences/ccas-mds-lac", try edit(app, "ccas-mds-lac",
                                           [("titulaire", "ts-ccas-2"), ("suppleant", "ts-ccas-4"), ("jour", "2"), ("demi_journee", "morning")])).status == 303)
            #expect(main(try await manager.get("/planning")).contains("Louis Démo est prévu·e à deux endroits"))
        }
    }

    @Test func editsAreCheckedAndKeptForCorrection() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            try await manager.get("/planning/permanences/ccas-mds-lac")
            let refused = try await manager.post("/planning/permanences/ccas-mds-lac", try edit(app, "ccas-mds-lac",
                                                 [("titulaire", "ts-ccas-2"), ("suppleant", "ts-ccas-2"), ("jour", "6"), ("demi_journee", "soir")]))
            #expect(refused.status == 422)
            #expect(refused.text.contains("Le ou la suppléant·e doit être une autre personne que le ou la titulaire."))
            #expect(refused.text.contains("Choisissez un jour du lundi au vendredi."))
            #expect(refused.text.contains("aria-invalid=\"true\""))
            #expect(try permanence(app, "ccas-mds-lac")?.suppleantID == "ts-ccas-4")
            #expect(try app.auditCount(.permanenceChanged) == 0)
            #expect(try await manager.get("/planning/permanences/inconnue").status == 404)
        }
    }

    @Test func hoursAreEditedAndFollowAChangedHalfDayWhenLeftAsTheyWere() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            let page = try await manager.get("/planning/permanences/ccas-mds-lac")
            #expect(page.text.contains("name=\"heure_debut\"") && page.text.contains("value=\"09:00\""))
            let people = [("titulaire", "ts-ccas-2"), ("suppleant", "ts-ccas-4"), ("jour", "3")]
            #expect(try await manager.post("/planning/permanences/ccas-mds-lac", try edit(app, "ccas-mds-lac",
                people + [("demi_journee", "morning"), ("heure_debut", "09:30"), ("heure_fin", "11:30")])).status == 303)
            var stored = try #require(try permanence(app, "ccas-mds-lac"))
            #expect(stored.start.description == "09:30" && stored.end.description == "11:30")
            // Afternoon with the morning's hours left untouched: the afternoon's usual hours.
            #expect(try await manager.post("/planning/permanences/ccas-mds-lac", try edit(app, "ccas-mds-lac",
                people + [("demi_journee", "afternoon"), ("heure_debut", "09:30"), ("heure_fin", "11:30")])).status == 303)
            stored = try #require(try permanence(app, "ccas-mds-lac"))
            #expect(stored.halfDay == .afternoon && stored.start.description == "13:30" && stored.end.description == "17:00")
            let refused = try await manager.post("/planning/permanences/ccas-mds-lac", try edit(app, "ccas-mds-lac",
                people + [("demi_journee", "afternoon"), ("heure_debut", "25:00"), ("heure_fin", "17:00")]))
            #expect(refused.status == 422 && refused.text.contains("heure de début (HH:MM)."))
            #expect(try permanence(app, "ccas-mds-lac")?.start.description == "13:30")
        }
    }

    @Test func onlyManagersEditTheGrids() async throws {
        try await withApp { app in
            for login in ["agent", "ts.mds", "ts.ccas"] {
                let reader = try await app.signedIn(login)
                try await reader.get("/planning")
                #expect(try await reader.get("/planning/permanences/ccas-mds-lac").status == 403)
                #expect(try await reader.post("/planning/permanences/ccas-mds-lac", try edit(app, "ccas-mds-lac",
                                              [("titulaire", "ts-ccas-1"), ("suppleant", ""), ("jour", "1"), ("demi_journee", "morning")])).status == 403)
            }
            #expect(try permanence(app, "ccas-mds-lac")?.titulaireID == "ts-ccas-2")
            #expect(try await app.signedIn("admin").get("/planning").status == 403)
        }
    }

    @Test func theDayViewShowsTakeoversAndNamesOnlyToThoseWhoMayReadFiles() async throws {
        try await withApp { app in
            let personID = try app.store.writeSync { db -> Int64 in
                try db.run("INSERT INTO persons (last_name, first_name, name_key, created_at, updated_at) VALUES ('Lefèvre', 'Inès', 'lefevre ines', 0, 0)")
                let id = db.lastInsertRowID
                // Received at the agent's desk: in the agent's scope (need-to-know), so named on the day sheet.
                _ = try IntakeRepository.insert(db, .init(personID: id, at: app.now, siteID: "ccas-cite-municipale", accountID: 1, channel: .onSite, level: 1, motives: ["logement"]))
                try PlanningRepository.insert(db, absence: Absence(workerID: "ts-ccas-2", dates: CalendarDate("2026-11-24")!...CalendarDate("2026-11-24")!, reason: "Formation"))
                try BookingRepository.book(db, occurrenceID: "ccas-mds-grand-parc-20261124", slotStart: TimeOfDay("09:30")!, personID: id,
                                           orientationID: nil, accountID: nil, at: app.now)
                return id
            }
            let agentView = main(try await app.signedIn("agent").get("/planning/sites/mds-grand-parc/jour?date=2026-11-24"))
            #expect(agentView.contains("Karine Témoin <span class=\"badge\">suppléance</span>"))
            #expect(agentView.contains("remplace Louis Démo"))
            #expect(!agentView.contains("Formation"))  // the reason of an absence stays with the managers
            #expect(agentView.contains("Inès LEFÈVRE"))
            #expect(agentView.contains("5 créneaux libres sur 6"))
            let managerView = main(try await app.signedIn("responsable").get("/planning/sites/mds-grand-parc/jour?date=2026-11-24"))
            #expect(!managerView.contains("LEFÈVRE"))
            #expect(managerView.contains("1 personne"))
            _ = personID
            // Week views, by site and by social worker.
            let agent = try await app.signedIn("agent")
            let siteWeek = main(try await agent.get("/planning/sites/mds-grand-parc/semaine?date=2026-11-26"))
            #expect(siteWeek.contains("mardi 24 novembre 2026") && siteWeek.contains("5 créneau(x) libre(s) sur 6"))
            let workerWeek = main(try await agent.get("/planning/travailleurs/ts-ccas-1/semaine?date=2026-11-24"))
            #expect(workerWeek.contains("MDS Grand Parc") && workerWeek.contains("MDS Centre") && workerWeek.contains("MDS Caudéran"))
            #expect(try await agent.get("/planning/sites/atlantide/jour").status == 404)
            #expect(try await agent.get("/planning/sites/mds-lac/jour?date=24/11/2026").status == 400)
        }
    }

    @Test func icsFeedsAreCalendarsWithStableUIDs() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let feed = try await agent.get("/planning/ics/travailleurs/ts-ccas-1.ics")
            #expect(feed.status == 200)
            #expect(feed.header("Content-Type") == "text/calendar; charset=utf-8")
            let text = feed.text
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
            #expect(text.contains("UID:ccas-mds-centre-20261123@accueil-commun\r\n"))
            #expect(text.contains("DTSTART;TZID=Europe/Paris:20261123T090000\r\n"))
            // Easter Monday 2027 (29 March) cancels her Monday at MDS Centre: kept, struck out.
            #expect(text.contains("UID:ccas-mds-centre-20270329@accueil-commun\r\n"))
            #expect(text.contains("STATUS:CANCELLED"))
            #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
            let again = try await agent.get("/planning/ics/travailleurs/ts-ccas-1.ics").text
            let uids = { (ics: String) in ics.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
            #expect(uids(text) == uids(again))
            let site = try await agent.get("/planning/ics/sites/ccas-cite-municipale.ics")
            #expect(site.status == 200 && site.text.contains("UID:mds-centre-cite-20261123@accueil-commun"))
            #expect(try await agent.get("/planning/ics/sites/ccas-cite-municipale").status == 404)
            #expect(try await agent.get("/planning/ics/travailleurs/personne.ics").status == 404)
        }
    }

    @Test func absencesAndClosuresReachTheDayViewAndTheCallBackList() async throws {
        try await withApp { app in
            // Someone booked on MDS Grand Parc, Tuesday 24 November 9h30.
            try app.store.writeSync { db in
                try db.run("INSERT INTO persons (last_name, first_name, name_key, created_at, updated_at) VALUES ('Roux', 'Paul', 'roux paul', 0, 0)")
                let id = db.lastInsertRowID
                _ = try IntakeRepository.insert(db, .init(personID: id, at: app.now, siteID: "ccas-cite-municipale", accountID: 1, channel: .onSite, level: 1, motives: ["logement"]))
                try BookingRepository.book(db, occurrenceID: "ccas-mds-grand-parc-20261124", slotStart: TimeOfDay("09:30")!, personID: id,
                                           orientationID: nil, accountID: nil, at: app.now)
            }
            let manager = try await app.signedIn("responsable")
            #expect(try await manager.get("/planning/absences").status == 200)
            #expect(try await manager.post("/planning/absences", [("travailleur", "ts-ccas-2"), ("absence_debut", "2026-11-23"), ("absence_fin", "2026-11-27"),
                                                                  ("absence_motif", "Arrêt maladie")]).status == 303)
            #expect(try app.auditCount(.absenceChanged) == 1)
            #expect(try app.store.readSync { db in try db.string("SELECT detail FROM audit_log WHERE action = 'planning.absence_modifiee'") }?.contains("maladie") == false)
            let agent = try await app.signedIn("agent")
            #expect(main(try await agent.get("/planning/sites/mds-grand-parc/jour?date=2026-11-24")).contains("remplace Louis Démo"))
            #expect(main(try await manager.get("/planning/absences")).contains("Karine Témoin <span class=\"badge\">suppléance</span>"))

            // The suppléante is away too: cancelled, flagged, and the booked person must be called back.
            #expect(try await manager.post("/planning/absences", [("travailleur", "ts-ccas-1"), ("absence_debut", "2026-11-24")]).status == 303)
            let day = main(try await agent.get("/planning/sites/mds-grand-parc/jour?date=2026-11-24"))
            #expect(day.contains("Annulée : Titulaire et suppléant·e absent·es"))
            #expect(day.contains("Paul ROUX"))
            #expect(day.contains("1 personne à recontacter"))
            #expect(!day.contains("maladie"))
            #expect(main(try await manager.get("/planning")).contains("1 personne à replacer (Titulaire et suppléant·e absent·es)"))

            // Retiring the second absence brings the suppléante back.
            let id = try #require(try app.store.readSync { db in try db.int("SELECT id FROM worker_absences WHERE worker_id = 'ts-ccas-1'") })
            #expect(try await manager.post("/planning/absences/\(id)/retirer", []).status == 303)
            #expect(try await manager.post("/planning/absences/\(id)/retirer", []).status == 404)
            #expect(main(try await agent.get("/planning/sites/mds-grand-parc/jour?date=2026-11-24")).contains("remplace Louis Démo"))

            // A closure needs its reason, which agents see.
            let refused = try await manager.post("/planning/fermetures", [("site", "mds-centre"), ("fermeture_debut", "2026-11-30"), ("fermeture_fin", "2026-11-29")])
            #expect(refused.status == 422)
            #expect(refused.text.contains("Le dernier jour précède le premier.") && refused.text.contains("Indiquez le motif de la fermeture"))
            #expect(try await manager.post("/planning/fermetures", [("site", "mds-centre"), ("fermeture_debut", "2026-11-30"), ("fermeture_motif", "Travaux")]).status == 303)
            #expect(main(try await agent.get("/planning/sites/mds-centre/jour?date=2026-11-30")).contains("Annulée : Site fermé : Travaux"))
            #expect(try app.auditCount(.closureChanged) == 1)
            #expect(try await agent.post("/planning/fermetures", [("site", "mds-lac"), ("fermeture_debut", "2026-12-01"), ("fermeture_motif", "Grève")]).status == 403)
        }
    }

    @Test func monthViewsShowEveryWeekdayAndHolidays() async throws {
        try await withApp { app in
            let agent = try await app.signedIn("agent")
            let site = main(try await agent.get("/planning/sites/mds-centre/mois?date=2026-12-10"))
            #expect(site.contains("<caption>Décembre 2026</caption>"))
            #expect(site.contains("href=\"/planning/sites/mds-centre/jour?date=2026-12-07\""))
            #expect(site.components(separatedBy: "Karine Témoin").count - 1 == 4)  // four Mondays
            #expect(site.contains("?date=2026-11-01\">Mois précédent") && site.contains("?date=2027-01-01\">Mois suivant"))
            let worker = main(try await agent.get("/planning/travailleurs/ts-ccas-4/mois?date=2026-12-01"))
            #expect(worker.contains("annulée : Jour férié (Noël)"))
            #expect(worker.contains("MDS Saint-Jean") && worker.contains("MDS Bastide"))
            // November 2026 starts on a Sunday: its first row is the week of Monday 2 November.
            let november = main(try await agent.get("/planning/travailleurs/ts-ccas-4/mois?date=2026-11-18"))
            #expect(!november.contains("Semaine du 26/10/2026") && november.contains("Semaine du 02/11/2026"))
            #expect(try await agent.get("/planning/travailleurs/inconnu/mois").status == 404)
        }
    }

    @Test func aManagerAddsAPermanenceFromAnEmptyCellAndEndsAnother() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            let grid = try await manager.get("/planning")
            #expect(grid.text.contains("href=\"/planning/permanences/nouvelle?grille=ccas-mds&amp;ligne=mds-lac&amp;jour=4\""))
            let form = try await manager.get("/planning/permanences/nouvelle?grille=ccas-mds&ligne=mds-lac&jour=4")
            #expect(form.status == 200 && form.text.contains("CCAS à MDS Lac"))
            #expect(try await manager.get("/planning/permanences/nouvelle?grille=ccas-mds&ligne=atlantide&jour=4").status == 404)
            let fields: [(String, String)] = [("grille", "ccas-mds"), ("ligne", "mds-lac"), ("jour", "4"), ("demi_journee", "afternoon"),
                                              ("titulaire", "ts-ccas-4"), ("suppleant", "ts-ccas-1"), ("mode", "rendez_vous"),
                                              ("duree", "45"), ("capacite", "2"), ("debut_validite", "2026-11-23"), ("recurrence", "hebdomadaire")]
            let bad = try await manager.post("/planning/permanences", fields.map { $0.0 == "duree" ? ("duree", "0") : $0 })
            #expect(bad.status == 422 && bad.text.contains("Indiquez la durée d&#39;un créneau en minutes"))
            #expect(try await manager.post("/planning/permanences", fields.map { $0.0 == "ligne" ? ("ligne", "ailleurs") : $0 }).status == 400)
            let created = try await manager.post("/planning/permanences", fields)
            #expect(created.status == 303)
            #expect(created.header("Location") == "/planning?info=ajoutee#permanence-ccas-mds-lac-jeudi-afternoon")
            let stored = try #require(try permanence(app, "ccas-mds-lac-jeudi-afternoon"))
            #expect(stored.mode == .byAppointment(slotMinutes: 45, capacityPerSlot: 2) && stored.hostSiteID == "mds-lac" && stored.sendingInstitution == .ccas)
            #expect(try app.store.readSync { db in try db.string("SELECT detail FROM audit_log WHERE subject_id = 'ccas-mds-lac-jeudi-afternoon'") } == "créée")
            let day = main(try await app.signedIn("agent").get("/planning/sites/mds-lac/jour?date=2026-11-26"))
            #expect(day.contains("Nicolas Fictif") && day.contains("13h30–14h15") && day.contains("2 libres sur 2"))

            // Ending MDS Centre's Monday after 30 November.
            try await manager.get("/planning/permanences/ccas-mds-centre")
            let early = try await manager.post("/planning/permanences/ccas-mds-centre/terminer", [("fin", "2025-01-01")])
            #expect(early.status == 422 && early.text.contains("précède son début"))
            #expect(try await manager.post("/planning/permanences/ccas-mds-centre/terminer", [("fin", "2026-11-30")]).status == 303)
            let agent = try await app.signedIn("agent")
            #expect(main(try await agent.get("/planning/sites/mds-centre/jour?date=2026-11-30")).contains("Karine Témoin"))
            #expect(main(try await agent.get("/planning/sites/mds-centre/jour?date=2026-12-07")).contains("Aucune permanence"))
            #expect(!main(try await agent.get("/planning?date=2026-12-07")).contains("permanence-ccas-mds-centre\""))
        }
    }

    @Test func managersKeepTheSocialWorkersAndLinkThemToAccounts() async throws {
        try await withApp { app in
            let manager = try await app.signedIn("responsable")
            let list = try await manager.get("/planning/travailleurs")
            #expect(list.status == 200 && list.text.contains("16 travailleurs sociaux"))
            let tsMDS = try #require(try app.store.readSync { db in try db.int("SELECT id FROM accounts WHERE login = 'ts.mds'") })
            let missing = try await manager.post("/planning/travailleurs", [("nom", "Odile Nouvelle"), ("institution", "departement"), ("circonscription", "")])
            #expect(missing.status == 422 && missing.text.contains("Choisissez la circonscription"))
            let added = try await manager.post("/planning/travailleurs", [("nom", "Odile Nouvelle"), ("institution", "departement"), ("circonscription", "lac"),
                                                                          ("compte", String(tsMDS))])
            #expect(added.status == 303)
            let row = try #require(try app.store.readSync { db in try db.queryOne("SELECT * FROM social_workers WHERE id = 'ts-odile-nouvelle'") })
            #expect(row.int("account_id") == tsMDS && row.string("circonscription") == "lac" && row.string("institution") == "departement")
            #expect(try app.auditCount(.socialWorkerChanged) == 1)
            let twice = try await manager.post("/planning/travailleurs", [("nom", "Autre Personne"), ("institution", "ccas"), ("compte", String(tsMDS))])
            #expect(twice.status == 422 && twice.text.contains("Ce compte est déjà lié à Odile Nouvelle."))
            // The linked account finds its own plannings; the new worker can be chosen for a cell.
            #expect(try await app.signedIn("ts.mds").get("/planning").text.contains("href=\"/planning/travailleurs/ts-odile-nouvelle/semaine\""))
            #expect(try await manager.get("/planning/permanences/mds-lac-cite").text.contains("value=\"ts-odile-nouvelle\""))
            // Renamed and moved to the CCAS: no circonscription any more; the id stays.
            try await manager.get("/planning/travailleurs/ts-odile-nouvelle")
            #expect(try await manager.post("/planning/travailleurs/ts-odile-nouvelle", [("nom", "Odile Renommée"), ("institution", "ccas"), ("circonscription", "lac")]).status == 303)
            let renamed = try #require(try app.store.readSync { db in try db.queryOne("SELECT * FROM social_workers WHERE id = 'ts-odile-nouvelle'") })
            #expect(renamed.string("display_name") == "Odile Renommée" && renamed["circonscription"] == .null && renamed["account_id"] == .null)
            #expect(try await manager.get("/planning/travailleurs/inconnu").status == 404)
            // Ids stay ASCII whatever the name.
            #expect(SocialWorkerForm.make(name: "Zoë  Ångström-Łukasz").newID(existing: []) == "ts-zoe-angstrom-ukasz")
            #expect(SocialWorkerForm.make(name: "李 小龍").newID(existing: []) == "ts-travailleur")
            #expect(SocialWorkerForm.make(name: "Odile Nouvelle").newID(existing: ["ts-odile-nouvelle"]) == "ts-odile-nouvelle-2")
        }
    }
}
