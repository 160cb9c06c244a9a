/// What the rules need to know about a household on the reference date, computed once so that
/// every rule agrees on who is a minor.
struct HouseholdFacts {
    /// Ages (completed years) of the children in each group, in input order.
    let minorsInCharge: [Int]
    let minorsInFranceNotInCharge: [Int]
    let minorsAbroadNotInCharge: [Int]
    let adultsInChargeUnderASE: [Int]

    init(_ household: Household, on date: LocalDate) {
        let aged = household.children.map { ($0, LocalDate.years(from: $0.birthDate, to: date)) }
        let minors = aged.filter { $0.1 < 18 }
        let adults = aged.filter { $0.1 >= 18 }
        minorsInCharge = minors.filter { $0.0.inCharge }.map(\.1)
        minorsInFranceNotInCharge = minors.filter { !$0.0.inCharge && $0.0.livesInFrance }.map(\.1)
        minorsAbroadNotInCharge = minors.filter { !$0.0.inCharge && !$0.0.livesInFrance }.map(\.1)
        adultsInChargeUnderASE = adults.filter { $0.0.inCharge && $0.0.aseMeasure }.map(\.1)
    }

    var minorsNotInCharge: [Int] { minorsInFranceNotInCharge + minorsAbroadNotInCharge }

    /// "Personne seule", "Couple", "Foyer de 3 adultes": « couple » is said of two adults only.
    static func adultsLabel(_ adults: Int) -> String {
        switch adults {
        case 1: "Personne seule"
        case 2: "Couple"
        default: "Foyer de \(adults) adultes"
        }
    }

    /// "3 ans", "moins d'un an", "3 ans et 7 ans": ages as agents say them.
    static func ages(_ ages: [Int]) -> String {
        let words = ages.map { age in
            switch age {
            case ..<1: return "moins d'un an"
            case 1: return "1 an"
            default: return "\(age) ans"
            }
        }
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " et " + last
    }
}
