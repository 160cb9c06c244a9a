/// Why an occurrence will not take place.
public enum CancellationReason: Sendable, Hashable {
    case publicHoliday(name: String)
    case siteClosed(reason: String)
    /// Titulaire and suppléant are both away (or there is no suppléant): an unplanned gap that the
    /// managers must see, and whose booked people must be re-booked.
    case noSocialWorkerAvailable

    public var label: String {
        switch self {
        case .publicHoliday(let name): "Jour férié (\(name))"
        case .siteClosed(let reason): reason.isEmpty ? "Site fermé" : "Site fermé : \(reason)"
        case .noSocialWorkerAvailable: "Titulaire et suppléant·e absent·es"
        }
    }

    /// Holidays and closures are known long in advance; a staffing gap is news and is flagged.
    public var needsAttention: Bool {
        if case .noSocialWorkerAvailable = self { return true }
        return false
    }
}
