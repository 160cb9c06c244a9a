import Orientation

/// An orientation decided at intake, and what became of it (the closed loop).
struct OrientationRecord: Sendable {
    enum Status: String, CaseIterable, Sendable {
        case open = "ouverte"
        case honoured = "honoree"
        case notHonoured = "non_honoree"
        case excused = "excusee"
        case reoriented = "reorientee"

        var label: String {
            switch self {
            case .open: "En attente"
            case .honoured: "Honorée"
            case .notHonoured: "Non honorée"
            case .excused: "Excusée"
            case .reoriented: "Réorientée"
            }
        }
    }

    let id: Int64
    let reference: String
    let intakeID: Int64
    let personID: Int64?
    let createdAt: Int64
    let accountID: Int64
    let service: String
    let siteID: String?
    let circonscription: String?
    let reasons: [String]
    /// The rules that fired, in order (empty for orientations recorded before they were kept).
    let rules: [OrientationRule]
    let suggestions: [String]
    let isDerogation: Bool
    let derogationJustification: String?
    let derogationAgreedBy: String?
    let bookingKind: String?
    let bookingDate: String?
    let bookingTime: String?
    let bookingPlace: String?
    let status: Status
    let statusAt: Int64?
    let reorientedTo: Int64?

    /// Still open this many days after its slot (or its creation, without slot): flagged overdue.
    static let overdueAfterDays = 7

    func isOverdue(today: String) -> Bool {
        guard status == .open else { return false }
        let reference = bookingDate ?? FrenchDates.isoDay(createdAt)
        guard let days = FrenchDates.daysBetween(reference, today) else { return false }
        return days > Self.overdueAfterDays
    }
}
