import Orientation

/// An orientation decided at intake, and what became of it (the closed loop).
package struct OrientationRecord: Sendable {
    package enum Status: String, CaseIterable, Sendable {
        case open = "ouverte"
        case honoured = "honoree"
        case notHonoured = "non_honoree"
        case excused = "excusee"
        case reoriented = "reorientee"

        package var label: String {
            switch self {
            case .open: "En attente"
            case .honoured: "Honorée"
            case .notHonoured: "Non honorée"
            case .excused: "Excusée"
            case .reoriented: "Réorientée"
            }
        }
    }

    package let id: Int64
    package let reference: String
    package let intakeID: Int64
    package let personID: Int64?
    package let createdAt: Int64
    package let accountID: Int64
    package let service: Service
    package let siteID: String?
    package let circonscription: String?
    package let reasons: [String]
    /// The rules that fired, in order (empty for orientations recorded before they were kept).
    package let rules: [OrientationRule]
    package let suggestions: [String]
    package let isDerogation: Bool
    package let derogationJustification: String?
    /// Who agreed the derogation: for the PTS and for the CCAS; `derogationAgreedBy` holds the single
    /// name of derogations recorded before both were asked.
    package let derogationAgreedBy: String?
    package let derogationAgreedByPTS: String?
    package let derogationAgreedByCCAS: String?
    /// The reference of the standing adjustment the rule applied, if any.
    package let adjustment: String?
    /// INSEE code of the commune whose services a resident of another commune was sent to (« hors
    /// Bordeaux »); nil for Bordeaux's services. `service` then says which of the commune's services.
    package let commune: String?
    package let bookingKind: BookingKind?
    package let bookingDate: String?
    package let bookingTime: String?
    package let bookingPlace: String?
    package let status: Status
    package let statusAt: Int64?
    package let reorientedTo: Int64?

    /// Who agreed the derogation, as staff read it: « PTS : … ; CCAS : … », or the single name of
    /// an older derogation.
    package var derogationAgreement: String? {
        if let pts = derogationAgreedByPTS, let ccas = derogationAgreedByCCAS { return "PTS : \(pts) ; CCAS : \(ccas)" }
        return derogationAgreedBy
    }

    package var isOutsideBordeaux: Bool { commune != nil }

    /// Live: it still stands (only a re-orientation makes way for a new orientation of the same intake).
    package var isLive: Bool { status != .reoriented }

    /// Still open this many days after its slot (or its creation, without slot): flagged overdue.
    package static let overdueAfterDays = 7

    package func isOverdue(today: LocalDate) -> Bool {
        guard status == .open else { return false }
        let reference = bookingDate.flatMap(LocalDate.init(iso:)) ?? ParisTime(createdAt).day
        return reference.days(to: today) > Self.overdueAfterDays
    }
}
