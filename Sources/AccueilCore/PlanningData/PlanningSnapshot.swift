import Orientation
import Planning
import SQLiteStore

/// The whole planning read in one transaction: what the pages, the feeds and the intake need to
/// expand occurrences, lay out grids and detect conflicts. A few dozen rows, so it is loaded whole.
package struct PlanningSnapshot: Sendable {
    package let directory: PlanningDirectory
    package let permanences: [Permanence]
    package let closures: [SiteClosure]
    package let absences: [Absence]
    /// The directory's sites in name order, for lists and forms.
    package let sites: [PlanningSite]
    /// Every social worker, inactive ones included, with their names as entered.
    package let workers: [SocialWorker]
    /// Deactivated workers: no longer offered in forms; the directory names them "… (inactif)".
    package let inactiveWorkerIDs: Set<String>

    package static let ccasSiteID = AnnexFourDemo.ccasSiteID
    /// Row order of the two Annexe 4 grids.
    package static let circonscriptionIDs = AnnexFourDemo.circonscriptionIDs
    package static let ccasHostSiteIDs = AnnexFourDemo.ccasHostSiteIDs

    package static func load(_ db: Connection, referential: TerritorialReferential) throws -> PlanningSnapshot {
        let sites = try PlanningRepository.sites(db)
        let workers = try PlanningRepository.workers(db)
        let inactive = try PlanningRepository.inactiveWorkerIDs(db)
        let circonscriptions = referential.circonscriptions.map { Planning.Circonscription(id: $0.id, name: $0.name) }
        return PlanningSnapshot(
            directory: PlanningDirectory(workers: workers.map { marked($0, inactive) }, sites: sites, circonscriptions: circonscriptions),
            permanences: try PlanningRepository.permanences(db), closures: try PlanningRepository.closures(db),
            absences: try PlanningRepository.absences(db), sites: sites, workers: workers, inactiveWorkerIDs: inactive)
    }

    /// "Karine Témoin (inactif)" for a deactivated worker, so a grid or calendar that still names them says so.
    private static func marked(_ worker: SocialWorker, _ inactive: Set<String>) -> SocialWorker {
        guard inactive.contains(worker.id) else { return worker }
        var marked = worker
        marked.displayName += " (inactif)"
        return marked
    }

    package var activeWorkers: [SocialWorker] { workers.filter { !inactiveWorkerIDs.contains($0.id) } }


    /// The workers a form may offer: the active ones, plus the inactive ones it already holds (marked),
    /// so editing an old permanence neither loses nor silently changes its people.
    package func selectableWorkers(keeping kept: Set<String> = []) -> [SocialWorker] {
        workers.filter { !inactiveWorkerIDs.contains($0.id) || kept.contains($0.id) }.map { Self.marked($0, inactiveWorkerIDs) }
    }

    /// For a permanence's edit form: its own people stay selectable even if deactivated since.
    package func selectableWorkers(for permanence: Permanence) -> [SocialWorker] {
        selectableWorkers(keeping: Set([permanence.titulaireID] + (permanence.suppleantID.map { [$0] } ?? [])))
    }

    /// Permanences a worker holds (titulaire or suppléant) that are still valid on `date` or later.
    package func permanencesHeld(by workerID: String, onOrAfter date: CalendarDate) -> [Permanence] {
        permanences.filter { ($0.titulaireID == workerID || $0.suppleantID == workerID) && ($0.validTo.map { $0 >= date } ?? true) }
    }

    package func occurrences(from: CalendarDate, to: CalendarDate) -> [Occurrence] {
        Planning.occurrences(of: permanences, from: from, to: to, closures: closures, absences: absences)
    }

    package var conflictDetector: ConflictDetector {
        ConflictDetector(directory: directory, ccasSiteID: Self.ccasSiteID, circonscriptionIDs: Self.circonscriptionIDs)
    }

    package func mdsAtCCASGrid(validOn date: CalendarDate) -> PlanningGrid {
        .mdsAtCCAS(permanences: permanences, directory: directory, ccasSiteID: Self.ccasSiteID,
                   circonscriptionIDs: Self.circonscriptionIDs, validOn: date)
    }

    package func ccasInMDSGrid(validOn date: CalendarDate) -> PlanningGrid {
        .ccasInMDS(permanences: permanences, directory: directory, hostSiteIDs: Self.ccasHostSiteIDs, validOn: date)
    }

    package func permanence(_ id: String) -> Permanence? { permanences.first { $0.id == id } }

    /// Permanences valid on the date that neither Annexe 4 grid shows: outreach places, France
    /// Services, anything created "hors grille".
    package func otherPermanences(validOn date: CalendarDate) -> [Permanence] {
        let inGrids = Set(mdsAtCCASGrid(validOn: date).permanenceIDs).union(ccasInMDSGrid(validOn: date).permanenceIDs)
        return permanences.filter { $0.isValid(on: date) && !inGrids.contains($0.id) }
            .sorted { (directory.siteName($0.hostSiteID), $0.weekday.rawValue, $0.start) < (directory.siteName($1.hostSiteID), $1.weekday.rawValue, $1.start) }
    }
}
