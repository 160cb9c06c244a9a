import Testing

@testable import Planning

@Suite("Annexe 4 grids and demo data")
struct AnnexFourDemoTests {
    let demo = AnnexFourDemo()

    @Test func citeMunicipaleGridHasEachCirconscriptionOnExactlyOneAfternoon() {
        let grid = demo.mdsAtCCASGrid
        #expect(grid.columns == Weekday.workingDays)
        #expect(grid.rows.map(\.id) == ["centre", "grand-parc", "lac", "saint-michel", "sud"])
        for row in grid.rows {
            let presenceDays = row.cells.filter(\.isPresenceDay)
            #expect(presenceDays.count == 1, "\(row.id)")
            #expect(presenceDays.first?.entries.count == 1)
            #expect(presenceDays.first?.entries.allSatisfy { $0.halfDay == .afternoon } == true)
        }
        // Together the five circonscriptions cover every afternoon of the week.
        let days = grid.rows.compactMap { $0.cells.first(where: \.isPresenceDay)?.weekday }
        #expect(Set(days) == Set(Weekday.workingDays))
        #expect(grid.rows[0].label == "Circonscription Centre")
    }

    @Test func ccasGridHasEachMDSAndAntennaHalfADayAWeek() {
        let grid = demo.ccasInMDSGrid
        #expect(grid.rows.map(\.label) == ["MDS Centre", "MDS Caudéran", "MDS Grand Parc", "MDS Lac",
                                           "Antenne sociale Bacalan", "MDS Saint-Michel", "MDS Saint-Jean", "MDS Bastide"])
        for row in grid.rows {
            let entries = row.cells.flatMap(\.entries)
            #expect(entries.count == 1, "\(row.id)")
            #expect(row.cells.count == 5)
        }
    }

    @Test func everyCellNamesATitulaireAndADistinctSuppleant() {
        for grid in [demo.mdsAtCCASGrid, demo.ccasInMDSGrid] {
            for entry in grid.rows.flatMap({ $0.cells.flatMap(\.entries) }) {
                #expect(!entry.titulaireName.isEmpty)
                #expect(entry.suppleantName != nil, "\(entry.permanenceID)")
                #expect(entry.suppleantName != entry.titulaireName)
                // Names are resolved, not ids.
                #expect(!entry.titulaireName.hasPrefix("as-") && !entry.titulaireName.hasPrefix("ts-"))
            }
        }
    }

    @Test func gridsOnlyShowPermanencesValidOnTheDate() {
        var permanences = demo.permanences
        permanences[0].validTo = demo.validFrom.adding(days: 30)
        let later = PlanningGrid.mdsAtCCAS(
            permanences: permanences, directory: demo.directory, ccasSiteID: AnnexFourDemo.ccasSiteID,
            circonscriptionIDs: AnnexFourDemo.circonscriptionIDs, validOn: demo.validFrom.adding(days: 31))
        #expect(later.rows.filter { $0.cells.contains(where: \.isPresenceDay) }.count == 4)
    }

    @Test func demoUsesTheAgreedIDsAndFictitiousPeople() {
        let siteIDs: Set = ["ccas-cite-municipale", "mds-centre", "mds-cauderan", "mds-grand-parc", "mds-lac", "antenne-bacalan",
                            "mds-saint-michel", "mds-saint-jean", "mds-bastide", "france-services-aubiers", "centre-animation-benauge", "centre-animation-bastide-queyries"]
        #expect(Set(demo.directory.sites.keys) == siteIDs)
        #expect(Set(demo.permanences.map(\.hostSiteID)) == siteIDs)
        #expect(Set(demo.directory.circonscriptions.keys) == ["centre", "sud", "grand-parc", "lac", "saint-michel"])
        let surnames: Set = ["Exemple", "Fictif", "Modèle", "Essai", "Témoin", "Démo"]
        #expect(demo.directory.workers.values.allSatisfy { surnames.contains(String($0.displayName.split(separator: " ").last!)) })
        #expect(Set(demo.permanences.map(\.id)).count == demo.permanences.count)
        #expect(demo.permanences.allSatisfy { $0.validationErrors.isEmpty })
    }

    @Test func outreachAlternatesBetweenBenaugeAndBastideQueyries() {
        let expanded = occurrences(of: demo.permanences, from: date("2026-01-05"), to: date("2026-02-28"))
        let outreach = expanded.filter { ["centre-animation-benauge", "centre-animation-bastide-queyries"].contains($0.siteID) }
        #expect(outreach.map(\.siteID) == Array(repeating: ["centre-animation-benauge", "centre-animation-bastide-queyries"], count: 4).flatMap { $0 })
        #expect(outreach.allSatisfy { $0.date.weekday == .thursday })
        #expect(expanded.filter { $0.siteID == "france-services-aubiers" }.count == 8)
    }

    /// January–March 2026 holds no public holiday, so every week is a full one.
    let quarter = date("2026-01-05")...date("2026-03-29")

    @Test func demoHasNoConflict() {
        let expanded = occurrences(of: demo.permanences, from: quarter.lowerBound, to: quarter.upperBound)
        let conflicts = demo.conflictDetector.conflicts(in: quarter, permanences: demo.permanences, occurrences: expanded)
        #expect(conflicts.map(\.message) == [])
    }

    @Test(arguments: AnnexFourDemo.workers.map(\.id))
    func anySingleAbsenceIsCoveredWithoutConflict(workerID: String) {
        let absences = [Absence(workerID: workerID, dates: quarter)]
        let expanded = occurrences(of: demo.permanences, from: quarter.lowerBound, to: quarter.upperBound, absences: absences)
        #expect(expanded.filter(\.isCancelled).isEmpty)
        let conflicts = demo.conflictDetector.conflicts(in: quarter, permanences: demo.permanences, occurrences: expanded)
        #expect(conflicts.map(\.message) == [])
    }

    @Test func theDetectorSeesABrokenDemo() {
        var permanences = demo.permanences
        // Without Lac's afternoon at the Cité, the week is flagged for Lac and for nothing else.
        permanences.removeAll { $0.id == "mds-lac-cite" }
        let expanded = occurrences(of: permanences, from: date("2026-01-05"), to: date("2026-01-09"))
        let kinds = demo.conflictDetector.conflicts(in: date("2026-01-05")...date("2026-01-09"), permanences: permanences, occurrences: expanded).map(\.kind)
        #expect(kinds == [.circonscriptionWithoutAfternoon(circonscriptionID: "lac", week: date("2026-01-05").isoWeek)])
    }
}
