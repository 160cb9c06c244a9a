/// A site closed for whole days (works, strike, exceptional closing): every permanence it hosts in
/// that range is cancelled.
public struct SiteClosure: Sendable, Hashable {
    public var siteID: String
    /// Inclusive on both ends.
    public var dates: ClosedRange<CalendarDate>
    public var reason: String

    public init(siteID: String, dates: ClosedRange<CalendarDate>, reason: String) {
        self.siteID = siteID
        self.dates = dates
        self.reason = reason
    }
}
