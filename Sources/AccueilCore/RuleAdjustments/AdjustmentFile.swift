import Foundation
import Orientation

/// The shipped list of standing adjustments (`Resources/referential/adjustments.json`), read by
/// `accueil orient` when it is not given a database. Each entry is checked as an administrator's
/// would be, against those before it.
package enum AdjustmentFile {
    private struct Document: Decodable {
        let adjustments: [Entry]
    }

    private struct Entry: Decodable {
        let reference: String
        let text: String
        let service: Service
        let siteId: String?
        let conditions: Conditions
        let agreedByPTS: String
        let agreedByCCAS: String
        let agreedOn: String
        let validFrom: String
        let validTo: String?
    }

    private struct Conditions: Decodable {
        let sectors: [String]?
        let homeless: Bool?
        let minorChild: Bool?
        let pregnant: Bool?
        let adults: [Int]?
        let age: [Int]?
        let rsa: Bool?
        let disability: Bool?
    }

    package struct Invalid: Error, CustomStringConvertible {
        package let description: String
    }

    package static func load(_ configuration: AppConfiguration, referential: TerritorialReferential) throws -> [RuleAdjustment] {
        let path = configuration.resourcesDirectory + "/referential/adjustments.json"
        guard let data = FileManager.default.contents(atPath: path) else { throw Bootstrap.StartupError.unreadableResource(path) }
        let document: Document
        do { document = try JSONDecoder().decode(Document.self, from: data) } catch {
            throw Invalid(description: "\(path) : fichier illisible (\(error)).")
        }
        var accepted: [RuleAdjustment] = []
        for entry in document.adjustments {
            func day(_ text: String, _ field: String) throws -> LocalDate {
                guard let day = LocalDate(iso: text) else { throw Invalid(description: "\(path) : \(entry.reference).\(field) n'est pas une date AAAA-MM-JJ.") }
                return day
            }
            func range(_ pair: [Int]?, _ field: String) throws -> ClosedRange<Int>? {
                guard let pair else { return nil }
                guard pair.count == 2, pair[0] <= pair[1] else { throw Invalid(description: "\(path) : \(entry.reference).\(field) doit être [min, max].") }
                return pair[0]...pair[1]
            }
            let c = entry.conditions
            let adjustment = RuleAdjustment(
                reference: entry.reference, text: entry.text, service: entry.service, siteID: entry.siteId,
                conditions: AdjustmentConditions(sectors: c.sectors.map(Set.init), homeless: c.homeless, minorChild: c.minorChild, pregnant: c.pregnant,
                                                 adults: try range(c.adults, "conditions.adults"), age: try range(c.age, "conditions.age"),
                                                 rsa: c.rsa, disability: c.disability),
                agreedByPTS: entry.agreedByPTS, agreedByCCAS: entry.agreedByCCAS, agreedOn: try day(entry.agreedOn, "agreedOn"),
                validFrom: try day(entry.validFrom, "validFrom"), validTo: try entry.validTo.map { try day($0, "validTo") })
            do { try AdjustmentRules.check(adjustment, against: accepted, referential: referential) } catch {
                throw Invalid(description: "\(path) : \(entry.reference) — \(error.message)")
            }
            accepted.append(adjustment)
        }
        return accepted
    }
}
