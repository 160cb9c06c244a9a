import AccueilCore
import Orientation
import SQLiteStore
import Web

/// Everything an orientation page or slip shows, loaded in one read, with its audit row written once.
struct OrientationView: Sendable {
    let orientation: OrientationRecord
    let person: Person?
    let intake: IntakeRecord
    let origin: DirectorySite?
    let destination: DirectorySite?
    /// The site the booking's place names, when it names one (a permanence held elsewhere).
    let bookingSite: DirectorySite?
    /// For an orientation outside Bordeaux: the commune table's row on the orientation's day.
    let commune: CommuneServices?
    /// The directory's services for the orientation's suggestions.
    let partners: [Suggestion: [DirectoryContact]]
    let agentName: String

    static func load(_ request: Request, context: AppContext, audit action: AuditAction) async throws -> OrientationView {
        guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
        try await NeedToKnow.require(request, orientation: id, context: context)
        let now = context.now()
        let view = try await context.store.write { db -> OrientationView? in
            guard let orientation = try OrientationRepository.find(db, id: id), let intake = try IntakeRepository.find(db, id: orientation.intakeID) else { return nil }
            let person = try orientation.personID.flatMap { try PersonRepository.find(db, id: $0) }
            let agent = try AccountRepository.find(db, id: orientation.accountID)
            try AuditTrail.record(db, at: now, account: account.id, action, subjectType: "personne", subjectID: orientation.personID.map(String.init),
                                  detail: "orientation \(id)")
            return OrientationView(orientation: orientation, person: person, intake: intake, origin: try SiteDirectory.find(db, id: intake.siteID),
                                   destination: try orientation.siteID.flatMap { try SiteDirectory.find(db, id: $0) },
                                   bookingSite: try orientation.bookingPlace.flatMap { try SiteDirectory.find(db, name: $0) },
                                   commune: try orientation.commune.flatMap { try TerritoryTables.commune(db, code: $0, on: intake.household?.date ?? ParisTime(intake.at).day) },
                                   partners: try PartnerDirectory.contacts(db, for: orientation.suggestions.compactMap(Suggestion.init(rawValue:))),
                                   agentName: agent?.displayName ?? "")
        }
        guard let view else { throw HTTPError.notFound }
        return view
    }
}
