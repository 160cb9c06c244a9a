/// Who actually holds an occurrence once absences are taken into account.
public enum OccurrenceHolder: Sendable, Hashable {
    case titulaire(String)
    /// The suppléant takes over because the titulaire is away.
    case suppleant(String)
    case cancelled(CancellationReason)

    /// The social worker present, if the occurrence takes place.
    public var workerID: String? {
        switch self {
        case .titulaire(let id), .suppleant(let id): id
        case .cancelled: nil
        }
    }

    public var isCancelled: Bool { workerID == nil }
}
