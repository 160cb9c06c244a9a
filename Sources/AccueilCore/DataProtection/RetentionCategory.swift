/// The categories of personal data that have their own retention period (Annexe 1 §12: no population
/// file without a retention limit). Raw values are stored: never rename one.
public enum RetentionCategory: String, CaseIterable, Sendable {
    case identity = "identite"
    case household = "foyer"
    case notes = "notes"
    case orientations = "orientations"
    case audit = "journal"

    public var label: String {
        switch self {
        case .identity: "Identité"
        case .household: "Situation du foyer"
        case .notes: "Notes d'évaluation"
        case .orientations: "Orientations"
        case .audit: "Journal d'accès"
        }
    }

    /// What goes, in the words shown to the administrator.
    public var effect: String {
        switch self {
        case .identity: "Le dossier (nom, prénom, date de naissance, téléphone, référent) est supprimé ; les accueils et orientations restent, sans lien avec la personne."
        case .household: "La composition du foyer, le secteur, les besoins d'interprète et d'accessibilité sont effacés ; l'âge devient une tranche d'âge."
        case .notes: "Les notes d'évaluation sont supprimées."
        case .orientations: "Les orientations perdent le lien avec la personne et la justification écrite des dérogations ; service, site, date et suite restent."
        case .audit: "Les traces plus anciennes que la durée sont supprimées (jamais moins de 6 mois)."
        }
    }

    public var defaultMonths: Int {
        switch self {
        case .identity, .notes, .orientations: 24
        case .household, .audit: 12
        }
    }

    /// The audit trail keeps at least six months whatever the setting (the database enforces it too).
    public var minimumMonths: Int { self == .audit ? 6 : 1 }
    public static let maximumMonths = 120

    /// Counted from the person's last contact, except the audit trail (from each entry).
    public var countsFromLastContact: Bool { self != .audit }
}
