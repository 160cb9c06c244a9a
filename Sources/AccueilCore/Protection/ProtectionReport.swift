import Orientation

/// A protection alert raised at the desk (convention, Annexe 3): an *information préoccupante* about
/// a child in danger or at risk, which the CCAS passes to « la MDS concernée ou le cas échéant » the
/// CRIP; or the *signalement* of a vulnerable adult, « traité en concertation entre le CCAS et la MDS
/// concernée ». The most sensitive record the application holds: read on a need-to-know basis only
/// (`ProtectionAccess`), every read audited.
package struct ProtectionReport: Sendable {
    package enum Kind: String, CaseIterable, Sendable {
        case child = "information_preoccupante"
        case vulnerableAdult = "adulte_vulnerable"

        package var label: String {
            switch self {
            case .child: "Information préoccupante (enfant en danger ou en risque de l'être)"
            case .vulnerableAdult: "Signalement d'un adulte vulnérable"
            }
        }
    }

    package let id: Int64
    package let kind: Kind
    package let intakeID: Int64
    package let personID: Int64?
    package let raisedBy: Int64
    package let raisedAt: Int64
    /// A short factual note: what was seen or said, not an assessment.
    package let note: String
    /// The MDS concerned: the one that receives it (a child), or shares it with the CCAS (an adult).
    package let siteID: String
    /// A child's information sent by the agent straight to the CRIP (immediate, or when the agent
    /// judges it); the MDS concerned is still informed.
    package let sentToCRIP: Bool
    package let acknowledgedBy: Int64?
    package let acknowledgedAt: Int64?
    package let forwardedToCRIPBy: Int64?
    package let forwardedToCRIPAt: Int64?

    /// Unacknowledged after one working day (weekends and French public holidays not counted).
    package func isOverdue(at now: Int64) -> Bool {
        acknowledgedAt == nil && now >= WorkingDays.deadline(after: raisedAt).seconds
    }
}
