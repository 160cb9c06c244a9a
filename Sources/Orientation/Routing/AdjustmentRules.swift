/// Standing adjustments: which one covers a household on a date, and whether a new one may be
/// recorded next to those already agreed.
public enum AdjustmentRules {
    /// The rules of the base rule that carry the user's own rule: a minor child (in charge, or living
    /// in France), a pregnancy, or a minor asking alone never goes to the CCAS without a derogation.
    static let userRule: Set<OrientationRule> = [.minorChildInCharge, .pregnancy, .minorChildInFrance, .minorApplicant]

    /// The adjustment in force on `date` that covers the household, if any (two never cover the
    /// same household: `check` refuses it). One sending to the CCAS is skipped for a household the
    /// user's rule keeps at the MDS, whatever its conditions say.
    static func applicable(_ adjustments: [RuleAdjustment], to household: Household, facts: HouseholdFacts,
                           baseRules: [OrientationRule], on date: LocalDate) -> RuleAdjustment? {
        let hasMinorChild = !facts.minorsInCharge.isEmpty || !facts.minorsInFranceNotInCharge.isEmpty
        let protected = !userRule.isDisjoint(with: baseRules)
        return adjustments.first { adjustment in
            adjustment.isInForce(on: date) && adjustment.conditions.covers(household, hasMinorChild: hasMinorChild)
                && !(adjustment.service == .ccas && protected)
        }
    }

    /// Refuses an adjustment that is incomplete, would break the user's rule, names an unknown
    /// sector or a site of the wrong kind, or covers a household another one in force covers.
    public static func check(_ new: RuleAdjustment, against existing: [RuleAdjustment],
                             referential: TerritorialReferential) throws(AdjustmentError) {
        func refuse(_ field: String, _ message: String) -> AdjustmentError { AdjustmentError(field: field, message: message) }
        if new.reference.trimmed.isEmpty { throw refuse("reference", "Donnez une référence à l'aménagement.") }
        if existing.contains(where: { $0.reference == new.reference }) {
            throw refuse("reference", "La référence « \(new.reference) » est déjà celle d'un autre aménagement.")
        }
        if new.text.trimmed.isEmpty { throw refuse("text", "Recopiez le texte de l'aménagement convenu.") }
        if new.agreedByPTS.trimmed.isEmpty { throw refuse("agreedByPTS", "Indiquez qui l'a convenu pour le PTS.") }
        if new.agreedByCCAS.trimmed.isEmpty { throw refuse("agreedByCCAS", "Indiquez qui l'a convenu pour le CCAS.") }
        if let end = new.validTo, end < new.validFrom { throw refuse("validTo", "La fin de validité précède son début.") }
        if new.agreedOn > new.validFrom { throw refuse("agreedOn", "Un aménagement s'applique à partir de la date de l'accord, pas avant.") }
        if new.conditions.isEmpty {
            throw refuse("conditions", "Précisez les foyers concernés : un aménagement sans condition remplacerait la règle pour tous.")
        }
        if let unknown = new.conditions.sectors?.sorted().first(where: { referential.sector(key: $0) == nil }) {
            throw refuse("conditions.sectors", "Secteur inconnu : « \(unknown) ».")
        }
        if new.service == .ccas {
            // The user's rule stands above any adjustment.
            // An unset age would cover a minor asking alone whose age the desk did not note.
            guard new.conditions.minorChild == false, new.conditions.pregnant == false,
                  let age = new.conditions.age, age.lowerBound >= 18 else {
                throw refuse("conditions", "Un aménagement vers le CCAS doit exclure les foyers avec un enfant mineur, les grossesses et "
                             + "les demandeurs mineurs : ils relèvent de la MDS (seule une dérogation au cas par cas peut en décider autrement).")
            }
        }
        if let siteID = new.siteID {
            guard let site = referential.site(id: siteID) else { throw refuse("siteId", "Site inconnu : « \(siteID) ».") }
            let fits = new.service == .ccas ? site.kind == .ccas : site.kind == .mds
            if !fits { throw refuse("siteId", "Le site « \(site.name) » n'est pas un lieu d'accueil de \(new.service.label).") }
        }
        if let clash = existing.first(where: { $0.periodOverlaps(new) && $0.conditions.overlaps(new.conditions) }) {
            throw refuse("conditions", "Ces foyers sont déjà couverts par l'aménagement « \(clash.reference) » en vigueur sur la même "
                         + "période : mettez-y fin ou précisez les conditions.")
        }
    }
}

/// Why an adjustment cannot be recorded, naming the field at fault, in French.
public struct AdjustmentError: Error, Sendable, Equatable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
