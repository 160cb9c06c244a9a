import Testing
import Orientation

/// Standing adjustments agreed by the PTS and the CCAS (Article 3): when they apply, what they say,
/// and which ones can never be recorded.
@Suite("Standing adjustments of the rule")
struct AdjustmentTests {
    static func homelessAdults(_ reference: String = "AM-2026-01", from: String = "2026-01-01", to: String? = nil,
                               conditions: AdjustmentConditions = AdjustmentConditions(homeless: true, minorChild: false, pregnant: false, age: 18...130),
                               service: Service = .ccas, site: String? = nil) -> RuleAdjustment {
        RuleAdjustment(reference: reference, text: "Les adultes sans domicile ni enfant sont accueillis au CCAS.", service: service, siteID: site,
                       conditions: conditions, agreedByPTS: "Mme Durand, responsable du PTS", agreedByCCAS: "M. Martin, chef de service",
                       agreedOn: day(from), validFrom: day(from), validTo: to.map(day))
    }

    @Test("an adjustment in force applies after the base rule, with its reference in the reasons and the answer")
    func applies() throws {
        let referential = try Fixtures.referential()
        // A homeless man of 40 already followed by an MDS stays there by the base rule (continuity).
        let household = Household(adults: 1, homeless: true, age: 40, sector: "bastide", alreadyFollowedBy: .mds)
        let plain = try orient(household, on: Fixtures.today, referential: referential)
        #expect(plain.service == .mds && plain.adjustments.isEmpty)
        let adjusted = try orient(household, on: Fixtures.today, referential: referential, adjustments: [Self.homelessAdults()])
        #expect(adjusted.service == .ccas && adjusted.ruleService == .ccas && !adjusted.isDerogation)
        #expect(adjusted.adjustments == ["AM-2026-01"])
        #expect(adjusted.siteID == referential.ccasSite.id)
        let reason = try #require(adjusted.firedRules.first { $0.rule == .adjustment }?.reason)
        #expect(reason.contains("AM-2026-01") && reason.contains("Mme Durand") && reason.contains("M. Martin") && reason.contains("au lieu de"))
        #expect(adjusted.rules.firstIndex(of: .keepsMDSFollowUp)! < adjusted.rules.firstIndex(of: .adjustment)!, "after the base rule")
    }

    @Test("outside its period, or for a household it does not cover, nothing changes")
    func periodAndConditions() throws {
        let referential = try Fixtures.referential()
        let adjustment = Self.homelessAdults(from: "2026-01-01", to: "2026-06-30")
        let covered = Household(adults: 1, homeless: true, age: 40, alreadyFollowedBy: .mds)
        #expect(try orient(covered, on: day("2026-03-01"), referential: referential, adjustments: [adjustment]).adjustments == ["AM-2026-01"])
        #expect(try orient(covered, on: day("2026-07-01"), referential: referential, adjustments: [adjustment]).adjustments.isEmpty)
        #expect(try orient(covered, on: day("2025-12-31"), referential: referential, adjustments: [adjustment]).adjustments.isEmpty)
        var unknownAge = covered
        unknownAge.age = nil
        #expect(try orient(unknownAge, on: day("2026-03-01"), referential: referential, adjustments: [adjustment]).adjustments.isEmpty,
                "an age condition does not cover an unknown age")
    }

    @Test("a derogation still has the last word over an adjustment")
    func derogationAfterAdjustment() throws {
        var household = Household(adults: 1, homeless: true, age: 40, sector: "bastide")
        household.derogation = Derogation(service: .mds, justification: "Suivi engagé.", agreedByPTS: "P", agreedByCCAS: "C")
        let decision = try orient(household, on: Fixtures.today, referential: try Fixtures.referential(), adjustments: [Self.homelessAdults()])
        #expect(decision.service == .mds && decision.ruleService == .ccas && decision.isDerogation)
        #expect(decision.adjustments == ["AM-2026-01"])
    }

    @Test("an adjustment that could send a minor child, a pregnancy or a minor asking alone to the CCAS is refused",
          arguments: [AdjustmentConditions(homeless: true, pregnant: false, age: 18...130),
                      AdjustmentConditions(homeless: true, minorChild: false, age: 18...130),
                      AdjustmentConditions(homeless: true, minorChild: false, pregnant: false, age: 16...130),
                      AdjustmentConditions(homeless: true, minorChild: false, pregnant: false),
                      AdjustmentConditions(homeless: true, minorChild: true, pregnant: false)])
    func userRuleStandsAbove(conditions: AdjustmentConditions) throws {
        #expect(throws: AdjustmentError.self) {
            try AdjustmentRules.check(Self.homelessAdults(conditions: conditions), against: [], referential: try Fixtures.referential())
        }
        // The same conditions towards the MDS are the partners' to agree.
        try AdjustmentRules.check(Self.homelessAdults(conditions: conditions, service: .mds), against: [], referential: try Fixtures.referential())
    }

    @Test("two adjustments in force may not cover the same household; the refusal names the other one")
    func noOverlap() throws {
        let referential = try Fixtures.referential()
        let first = Self.homelessAdults("AM-A", from: "2026-01-01", to: "2026-12-31")
        let overlapping = Self.homelessAdults("AM-B", from: "2026-06-01",
                                              conditions: AdjustmentConditions(sectors: ["bastide"], homeless: true, minorChild: false, pregnant: false, age: 25...40))
        do {
            try AdjustmentRules.check(overlapping, against: [first], referential: referential)
            Issue.record("an overlapping adjustment was accepted")
        } catch {
            #expect(error.field == "conditions" && error.message.contains("AM-A"))
        }
        // After the first one ends, or for households it cannot cover, it is accepted.
        try AdjustmentRules.check(Self.homelessAdults("AM-C", from: "2027-01-01"), against: [first], referential: referential)
        try AdjustmentRules.check(Self.homelessAdults("AM-D", conditions: AdjustmentConditions(homeless: false, minorChild: false, pregnant: false, age: 18...130, rsa: true)),
                                  against: [first], referential: referential)
    }

    @Test("an adjustment is complete: reference, text, both names, conditions, a site of its service, known sectors",
          arguments: ["reference", "text", "agreedByPTS", "agreedByCCAS", "conditions", "conditions.sectors", "siteId", "validTo"])
    func incomplete(field: String) throws {
        var adjustment = Self.homelessAdults()
        switch field {
        case "reference": adjustment.reference = " "
        case "text": adjustment.text = ""
        case "agreedByPTS": adjustment.agreedByPTS = ""
        case "agreedByCCAS": adjustment.agreedByCCAS = "\n"
        case "conditions": (adjustment.conditions, adjustment.service) = (AdjustmentConditions(), .mds)
        case "conditions.sectors": adjustment.conditions.sectors = ["atlantis"]
        case "siteId": adjustment.siteID = "mds-lac"
        default: adjustment.validTo = day("2025-01-01")
        }
        let referential = try Fixtures.referential()
        do {
            try AdjustmentRules.check(adjustment, against: [], referential: referential)
            Issue.record("accepted: \(adjustment)")
        } catch {
            #expect(error.field == field, "\(error.message)")
        }
    }
}
