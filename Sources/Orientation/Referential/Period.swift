/// A span of days, both ends included; `to == nil` means "still in force".
///
/// Inclusive ends match how the documents speak ("jusqu'au 31 décembre 2023") and let a change
/// be written as one period ending on 2023-12-31 and the next starting on 2024-01-01.
public struct Period: Sendable, Hashable {
    public let from: LocalDate
    public let to: LocalDate?

    public init(from: LocalDate, to: LocalDate?) {
        self.from = from
        self.to = to
    }

    public var isWellFormed: Bool { to.map { from <= $0 } ?? true }

    public func contains(_ date: LocalDate) -> Bool {
        from <= date && to.map { date <= $0 } ?? true
    }

    /// True when at least one day lies in both.
    public func overlaps(_ other: Period) -> Bool {
        (to.map { other.from <= $0 } ?? true) && (other.to.map { from <= $0 } ?? true)
    }

    /// True when every day of `other` lies in `self`.
    public func covers(_ other: Period) -> Bool {
        guard from <= other.from else { return false }
        guard let end = to else { return true }
        guard let otherEnd = other.to else { return false }
        return otherEnd <= end
    }
}
