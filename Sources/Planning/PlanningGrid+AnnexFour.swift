extension PlanningGrid {
    /// "Planning prévisionnel des permanences des AS des MDS au CCAS": one row per circonscription,
    /// its Département afternoons at the CCAS site, for the permanences valid on `date`.
    public static func mdsAtCCAS(
        permanences: [Permanence],
        directory: PlanningDirectory,
        ccasSiteID: String,
        circonscriptionIDs: [String],
        validOn date: CalendarDate
    ) -> PlanningGrid {
        let relevant = permanences.filter {
            $0.hostSiteID == ccasSiteID && $0.sendingInstitution == .departement
                && $0.halfDay == .afternoon && $0.isValid(on: date)
        }
        let rows = circonscriptionIDs.map { circonscription in
            Row(
                id: circonscription,
                label: "Circonscription \(directory.circonscriptionName(circonscription))",
                cells: cells(relevant.filter { $0.circonscriptionID == circonscription }, directory: directory))
        }
        return PlanningGrid(
            title: "Permanences des AS des MDS à \(directory.siteName(ccasSiteID)) (après-midi)", rows: rows)
    }

    /// "Planning prévisionnel des permanences (sur RDV) des AS du CCAS au sein des MDS": one row per
    /// host MDS or antenna.
    public static func ccasInMDS(
        permanences: [Permanence],
        directory: PlanningDirectory,
        hostSiteIDs: [String],
        validOn date: CalendarDate
    ) -> PlanningGrid {
        let relevant = permanences.filter { $0.sendingInstitution == .ccas && $0.isValid(on: date) }
        let rows = hostSiteIDs.map { site in
            Row(
                id: site, label: directory.siteName(site),
                cells: cells(relevant.filter { $0.hostSiteID == site }, directory: directory))
        }
        return PlanningGrid(title: "Permanences des travailleurs sociaux du CCAS dans les MDS", rows: rows)
    }

    private static func cells(_ permanences: [Permanence], directory: PlanningDirectory) -> [Cell] {
        Weekday.workingDays.map { weekday in
            let entries = permanences
                .filter { $0.weekday == weekday }
                .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
                .map { permanence in
                    Entry(
                        permanenceID: permanence.id,
                        siteName: directory.siteName(permanence.hostSiteID),
                        halfDay: permanence.halfDay,
                        start: permanence.start,
                        end: permanence.end,
                        recurrence: permanence.recurrence,
                        titulaireName: directory.workerName(permanence.titulaireID),
                        suppleantName: permanence.effectiveSuppleantID.map(directory.workerName))
                }
            return Cell(weekday: weekday, entries: entries)
        }
    }
}
