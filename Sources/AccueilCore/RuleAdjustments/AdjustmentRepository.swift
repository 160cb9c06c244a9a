import Foundation
import Orientation
import SQLiteStore

/// The standing adjustments of the rule, as recorded by administrators. The agreed content is never
/// edited; ending one sets its last day and who ended it. Callers hold the transaction and audit.
package enum AdjustmentRepository {
    /// One recorded adjustment and its history.
    package struct Recorded: Sendable {
        package let id: Int64
        package let adjustment: RuleAdjustment
        package let endedAt: Int64?
    }

    package static func all(_ db: Connection) throws -> [Recorded] {
        try db.query("SELECT * FROM rule_adjustments ORDER BY valid_from DESC, reference").compactMap(recorded)
    }

    /// What the rule applies: every adjustment, each checked against its own period by the rule.
    package static func rules(_ db: Connection) throws -> [RuleAdjustment] { try all(db).map(\.adjustment) }

    /// Records an adjustment once `AdjustmentRules.check` accepted it against the others.
    package static func insert(_ db: Connection, _ adjustment: RuleAdjustment, by accountID: Int64, at now: Int64,
                               referential: TerritorialReferential) throws(AdjustmentError) -> Int64 {
        do {
            let existing = try rules(db)
            try AdjustmentRules.check(adjustment, against: existing, referential: referential)
            try db.run("""
                INSERT INTO rule_adjustments (reference, text, service, site_id, conditions, agreed_by_pts, agreed_by_ccas, agreed_on,
                                              valid_from, valid_to, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [adjustment.reference, adjustment.text, adjustment.service, adjustment.siteID, AdjustmentConditionsJSON.encode(adjustment.conditions),
                      adjustment.agreedByPTS, adjustment.agreedByCCAS, adjustment.agreedOn.description, adjustment.validFrom.description,
                      adjustment.validTo?.description, accountID, now])
            return db.lastInsertRowID
        } catch let error as AdjustmentError {
            throw error
        } catch {
            throw AdjustmentError(field: "", message: "L'aménagement n'a pas pu être enregistré : \(error).")
        }
    }

    /// Ends an adjustment on `lastDay` (included); only an adjustment still in force then can end.
    /// False when there is nothing to end.
    package static func end(_ db: Connection, id: Int64, lastDay: LocalDate, by accountID: Int64, at now: Int64) throws -> Bool {
        try db.run("""
            UPDATE rule_adjustments SET valid_to = ?, ended_by = ?, ended_at = ?
            WHERE id = ? AND ended_at IS NULL AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
            """, [lastDay.description, accountID, now, id, lastDay.description, lastDay.description])
        return db.changes > 0
    }

    private static func recorded(_ row: Row) -> Recorded? {
        guard let id = row.int64("id"), let service: Service = row.value("service"),
              let conditions = row.string("conditions").flatMap(AdjustmentConditionsJSON.decode),
              let agreedOn = row.string("agreed_on").flatMap(LocalDate.init(iso:)),
              let validFrom = row.string("valid_from").flatMap(LocalDate.init(iso:)) else { return nil }
        let adjustment = RuleAdjustment(
            reference: row.string("reference") ?? "", text: row.string("text") ?? "", service: service, siteID: row.string("site_id"),
            conditions: conditions, agreedByPTS: row.string("agreed_by_pts") ?? "", agreedByCCAS: row.string("agreed_by_ccas") ?? "",
            agreedOn: agreedOn, validFrom: validFrom, validTo: row.string("valid_to").flatMap(LocalDate.init(iso:)))
        return Recorded(id: id, adjustment: adjustment, endedAt: row.int64("ended_at"))
    }
}

/// The conditions column: a small JSON object with only the conditions set.
package enum AdjustmentConditionsJSON {
    package static func encode(_ c: AdjustmentConditions) -> String {
        var object: [String: Any] = [:]
        if let sectors = c.sectors { object["sectors"] = sectors.sorted() }
        for (key, value) in [("homeless", c.homeless), ("minorChild", c.minorChild), ("pregnant", c.pregnant), ("rsa", c.rsa),
                             ("disability", c.disability)] {
            if let value { object[key] = value }
        }
        if let adults = c.adults { object["adults"] = [adults.lowerBound, adults.upperBound] }
        if let age = c.age { object["age"] = [age.lowerBound, age.upperBound] }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    package static func decode(_ text: String) -> AdjustmentConditions? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return nil }
        func range(_ key: String) -> ClosedRange<Int>? {
            guard let pair = object[key] as? [Int], pair.count == 2, pair[0] <= pair[1] else { return nil }
            return pair[0]...pair[1]
        }
        return AdjustmentConditions(sectors: (object["sectors"] as? [String]).map(Set.init), homeless: object["homeless"] as? Bool,
                                    minorChild: object["minorChild"] as? Bool, pregnant: object["pregnant"] as? Bool, adults: range("adults"),
                                    age: range("age"), rsa: object["rsa"] as? Bool, disability: object["disability"] as? Bool)
    }
}
