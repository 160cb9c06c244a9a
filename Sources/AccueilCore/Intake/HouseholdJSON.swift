import Foundation
import Orientation

/// A household stored in the documented contract format (docs/api.md), so a stored intake can be
/// re-read by `OrientationRequest(json:)` and re-evaluated exactly.
package enum HouseholdJSON {
    package static func encode(_ household: Household, on date: LocalDate) -> String {
        var object: [String: Any] = [
            "date": date.description, "adults": household.adults, "pregnant": household.pregnant,
            "requestConcernsChild": household.requestConcernsChild, "homeless": household.homeless,
            "disability": household.disability, "childInDanger": household.childInDanger, "rsa": household.rsa,
            "children": household.children.map { ["birthDate": $0.birthDate.description, "inCharge": $0.inCharge,
                                                  "livesInFrance": $0.livesInFrance, "aseMeasure": $0.aseMeasure] },
        ]
        if let age = household.age { object["age"] = age }
        if let sector = household.sector { object["sector"] = sector }
        if let followed = household.alreadyFollowedBy { object["alreadyFollowedBy"] = followed.rawValue }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    package static func decode(_ text: String) -> OrientationRequest? {
        try? OrientationRequest(json: Data(text.utf8))
    }
}
