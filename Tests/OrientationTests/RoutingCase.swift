import Testing
import Orientation

/// One row of a rule table: a situation from the convention and the decision it must give.
struct RoutingCase: Sendable, CustomTestStringConvertible {
    let name: String
    let household: Household
    var date: LocalDate = Fixtures.today
    let service: Service
    /// Expected site name; nil means "no site could be designated".
    let site: String?
    var circonscription: String? = nil
    /// Rules that must be among those that fired.
    var rules: [OrientationRule] = []

    var testDescription: String { name }
}
