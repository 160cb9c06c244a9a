import AccueilCore
import Planning
import Web

/// Whose planning a week or month view shows: a site's permanences or a social worker's. The two
/// differ only in their names, paths and which occurrences they keep; one route per view serves both.
struct PlanningSubject {
    let kind: CalendarSubscription.Kind
    let id: String
    let name: String

    /// The path segment of the views: "sites" or "travailleurs".
    static func segment(_ kind: CalendarSubscription.Kind) -> String { kind == .site ? "sites" : "travailleurs" }

    /// The subject named by the request's `:id`, or 404.
    init(_ kind: CalendarSubscription.Kind, _ request: Request, in snapshot: PlanningSnapshot) throws {
        try self.init(kind, id: try request.parameter("id"), in: snapshot)
    }

    /// The site or social worker `id`, or 404.
    init(_ kind: CalendarSubscription.Kind, id: String, in snapshot: PlanningSnapshot) throws {
        guard let name = Self.name(kind, id, in: snapshot) else { throw HTTPError.notFound }
        self.kind = kind
        self.id = id
        self.name = name
    }

    /// The site's or the social worker's name, or nil when there is no such one.
    static func name(_ kind: CalendarSubscription.Kind, _ id: String, in snapshot: PlanningSnapshot) -> String? {
        switch kind {
        case .site: snapshot.sites.first { $0.id == id }?.name
        case .worker: snapshot.workers.first { $0.id == id }?.displayName
        }
    }

    var title: String { kind == .site ? "Permanences à \(name)" : "Permanences de \(name)" }
    func path(_ view: String) -> String { "/planning/\(Self.segment(kind))/\(id)/\(view)" }
    /// Only a site has a day sheet (the reception desk's).
    var dayPath: String? { kind == .site ? path("jour") : nil }
    var icsPath: String { kind.sessionFeedPath(id) }

    func occurrences(in all: [Occurrence]) -> [Occurrence] {
        kind == .site ? ICSCalendar.occurrences(forSite: id, in: all) : ICSCalendar.occurrences(forWorker: id, in: all)
    }
}
