import Orientation
import Planning
import SQLiteStore

/// The whole planning read in one transaction: what the pages, the feeds and the intake need to
/// expand occurrences, lay out grids and detect conflicts. A few dozen rows, so it is loaded whole.
struct PlanningSnapshot: Sendable {
    let directory: PlanningDirectory
    let permanences: [Permanence]
    let closures: [SiteClosure]
    let absences: [Absence]
    /// The directory's sites in name order, for lists and forms.
    let sites: [PlanningSite]
    let workers: [SocialWorker]
    /// Workers still in activity (`social_workers.active`): the only ones a form may name.
    let activeWorkerIDs: Set<String>

    static let ccasSiteID = AnnexFourDemo.ccasSiteID
    /// Row order of the two Annexe 4 grids.
    static let circonscriptionIDs = AnnexFourDemo.circonscriptionIDs
    static let ccasHostSiteIDs = AnnexFourDemo.ccasHostSiteIDs

    static func load(_ db: Connection, referential: TerritorialReferential) throws -> PlanningSnapshot {
        let sites = try PlanningRepository.sites(db)
        let workers = try PlanningRepository.workers(db)
        let circonscriptions = referential.circonscriptions.map { Planning.Circonscription(id: $0.id, name: $0.name) }
        return PlanningSnapshot(
            directory: PlanningDirectory(workers: workers, sites: sites, circonscriptions: circonscriptions),
            permanences: try PlanningRepository.permanences(db), closures: try PlanningRepository.closures(db),
            absences: try PlanningRepository.absences(db), sites: sites, workers: workers,
            activeWorkerIDs: try PlanningRepository.activeWorkerIDs(db))
    }

    func occurrences(from: CalendarDate, to: CalendarDate) -> [Occurrence] {
        Planning.occurrences(of: permanences, from: from, to: to, closures: closures, absences: absences)
    }

    var conflictDetector: ConflictDetector {
        ConflictDetector(directory: directory, ccasSiteID: Self.ccasSiteID, circonscriptionIDs: Self.circonscriptionIDs)
    }

    func mdsAtCCASGrid(validOn date: CalendarDate) -> PlanningGrid {
        .mdsAtCCAS(permanences: permanences, directory: directory, ccasSiteID: Self.ccasSiteID,
                   circonscriptionIDs: Self.circonscriptionIDs, validOn: date)
    }

    func ccasInMDSGrid(validOn date: CalendarDate) -> PlanningGrid {
        .ccasInMDS(permanences: permanences, directory: directory, hostSiteIDs: Self.ccasHostSiteIDs, validOn: date)
    }

    func permanence(_ id: String) -> Permanence? { permanences.first { $0.id == id } }

    var activeWorkers: [SocialWorker] { workers.filter { activeWorkerIDs.contains($0.id) } }

    /// Permanences valid on the date that neither Annexe 4 grid shows: outreach places, France
    /// Services, anything created "hors grille".
    func otherPermanences(validOn date: CalendarDate) -> [Permanence] {
        let inGrids = Set(mdsAtCCASGrid(validOn: date).permanenceIDs).union(ccasInMDSGrid(validOn: date).permanenceIDs)
        return permanences.filter { $0.isValid(on: date) && !inGrids.contains($0.id) }
            .sorted { (directory.siteName($0.hostSiteID), $0.weekday.rawValue, $0.start) < (directory.siteName($1.hostSiteID), $1.weekday.rawValue, $1.start) }
    }
}
