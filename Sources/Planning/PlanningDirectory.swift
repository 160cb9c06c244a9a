/// The names behind the ids: what grids, conflict messages and calendar events need to speak to
/// people. Unknown ids fall back to the id itself so a missing row never hides a permanence.
public struct PlanningDirectory: Sendable, Hashable {
    public private(set) var workers: [String: SocialWorker]
    public private(set) var sites: [String: PlanningSite]
    public private(set) var circonscriptions: [String: Circonscription]

    public init(workers: [SocialWorker] = [], sites: [PlanningSite] = [], circonscriptions: [Circonscription] = []) {
        self.workers = Dictionary(workers.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.sites = Dictionary(sites.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.circonscriptions = Dictionary(
            circonscriptions.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    public func workerName(_ id: String) -> String { workers[id]?.displayName ?? id }
    public func siteName(_ id: String) -> String { sites[id]?.name ?? id }
    public func circonscriptionName(_ id: String) -> String { circonscriptions[id]?.name ?? id }
}
