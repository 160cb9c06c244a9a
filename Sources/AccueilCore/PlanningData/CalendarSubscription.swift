/// A secret subscription link to one planning feed (`/agenda/<token>.ics`), for calendar clients
/// (Outlook, Thunderbird) that cannot sign in. The token itself is shown once and never stored.
package struct CalendarSubscription: Sendable {
    /// Which feed: a site's permanences or a social worker's. Raw values are stored.
    package enum Kind: String, Sendable, CaseIterable {
        case site
        case worker = "travailleur"

        /// The session feed with the same content.
        package func sessionFeedPath(_ subjectID: String) -> String {
            self == .site ? "/planning/ics/sites/\(subjectID).ics" : "/planning/ics/travailleurs/\(subjectID).ics"
        }
    }

    package let id: Int64
    package let kind: Kind
    package let subjectID: String
    package let createdBy: Int64
    /// The creator's login, for the managers' list.
    package let creatorLogin: String
    package let createdAt: Int64
    package let revokedAt: Int64?
    package let lastUsedAt: Int64?

    package var isActive: Bool { revokedAt == nil }

    /// "/agenda/<token>.ics": the only place the token appears, on the confirmation page.
    package static func path(token: String) -> String { "/agenda/\(token).ics" }
}
