import Orientation

/// The facts of an intake that figures count, derived once when the intake is saved (and stored
/// on the row) so that no figure has to re-read the household JSON.
package enum IntakeFacts {
    /// Household types as managers count them; a pregnancy is counted apart (it crosses every type).
    package static let householdTypes: [(key: String, label: String)] = [
        ("seul", "Personne seule sans enfant mineur"),
        // Households of three adults or more are counted with couples: two or more adults.
        ("couple", "Couple (ou plus de deux adultes) sans enfant mineur"),
        ("monoparental", "Parent seul avec enfant(s) mineur(s)"),
        ("couple_enfants", "Couple (ou plus de deux adultes) avec enfant(s) mineur(s)"),
    ]

    /// Types without a minor child in charge: the CCAS's public under the shared rule.
    package static let withoutMinorChildren: Set<String> = ["seul", "couple"]

    package static let ageBrackets: [(key: String, label: String)] = [
        ("0-17", "Moins de 18 ans"), ("18-25", "18 à 25 ans"), ("26-59", "26 à 59 ans"),
        ("60-65", "60 à 65 ans"), ("66+", "66 ans et plus"), ("inconnu", "Âge non renseigné"),
    ]

    /// Minor children are those in charge and under 18 on the intake's day, as for the routing rule.
    package static func householdType(_ household: Household, on day: LocalDate) -> String {
        let minors = household.children.contains { $0.inCharge && $0.isMinor(on: day) }
        switch (household.adults >= 2, minors) {
        case (false, false): return "seul"
        case (true, false): return "couple"
        case (false, true): return "monoparental"
        case (true, true): return "couple_enfants"
        }
    }

    /// `ageBracket` in SQL, over an age column (a constant of the code, never input).
    package static func ageBracketSQL(_ column: String) -> String {
        """
        CASE WHEN \(column) IS NULL THEN 'inconnu' WHEN \(column) < 18 THEN '0-17' WHEN \(column) <= 25 THEN '18-25'
             WHEN \(column) <= 59 THEN '26-59' WHEN \(column) <= 65 THEN '60-65' ELSE '66+' END
        """
    }

    /// The bracket of an age; the same boundaries in SQL: `ageBracketSQL`.
    package static func ageBracket(_ age: Int?) -> String {
        guard let age else { return "inconnu" }
        switch age {
        case ..<18: return "0-17"
        case 18...25: return "18-25"
        case 26...59: return "26-59"
        case 60...65: return "60-65"
        default: return "66+"
        }
    }

    /// Household type and pregnancy of an intake's household (nil without its day).
    package static func of(_ request: OrientationRequest) -> (type: String, pregnant: Bool)? {
        guard let date = request.date else { return nil }
        return (householdType(request.household, on: date), request.household.pregnant)
    }
}
