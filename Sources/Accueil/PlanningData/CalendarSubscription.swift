/// A secret subscription link to one planning feed (`/agenda/<token>.ics`), for calendar clients
/// (Outlook, Thunderbird) that cannot sign in. The token itself is shown once and never stored.
struct CalendarSubscription: Sendable {
    /// Which feed: a site's permanences or a social worker's. Raw values are stored.
    enum Kind: String, Sendable, CaseIterable {
        case site
        case worker = "travailleur"

        /// The session feed with the same content.
        func sessionFeedPath(_ subjectID: String) -> String {
            self == .site ? "/planning/ics/sites/\(subjectID).ics" : "/planning/ics/travailleurs/\(subjectID).ics"
        }
    }

    let id: Int64
    let kind: Kind
    let subjectID: String
    let createdBy: Int64
    /// The creator's login, for the managers' list.
    let creatorLogin: String
    let createdAt: Int64
    let revokedAt: Int64?
    let lastUsedAt: Int64?

    var isActive: Bool { revokedAt == nil }

    /// "/agenda/<token>.ics": the only place the token appears, on the confirmation page.
    static func path(token: String) -> String { "/agenda/\(token).ics" }
}
