import Testing
import Orientation

/// Article 3: the PTS and the CCAS may, by agreement and in the person's interest, depart from
/// the rule — but only in writing, and it is recorded as a derogation.
@Suite("Derogation")
struct DerogationTests {
    static let family = Household(adults: 1, children: [child("2020-04-04")], sector: "bastide")

    @Test("a justified derogation can send a family to the CCAS, and says so")
    func toCCAS() throws {
        var household = Self.family
        household.derogation = Derogation(service: .ccas, justification: "Suivi budgétaire engagé au CCAS, à terminer.",
                                          agreedBy: "Mme Durand (PTS) et M. Martin (CCAS)")
        let decision = try orient(household, on: Fixtures.today, referential: Fixtures.referential())
        #expect(decision.service == .ccas)
        #expect(decision.ruleService == .mds)
        #expect(decision.isDerogation)
        #expect(decision.site == "CCAS – Cité Municipale")
        #expect(decision.circonscription == nil)
        let reason = try #require(decision.firedRules.first { $0.rule == .derogation }?.reason)
        #expect(reason.contains("Mme Durand (PTS) et M. Martin (CCAS)"))
        #expect(reason.contains("« Suivi budgétaire engagé au CCAS, à terminer. »"))
        #expect(reason.contains("au lieu de"))
    }

    @Test("a derogation can send a couple without child to their sector's MDS")
    func toMDS() throws {
        let household = Household(adults: 2, sector: "saint-michel",
                                  derogation: Derogation(service: .mds, justification: "Situation connue de la MDS.", agreedBy: "Cadres PTS/CCAS"))
        let decision = try orient(household, on: Fixtures.today, referential: Fixtures.referential())
        #expect(decision.service == .mds)
        #expect(decision.ruleService == .ccas)
        #expect(decision.site == "MDS Saint-Michel")
        #expect(decision.isDerogation)
    }

    @Test("a derogation that agrees with the rule is still recorded")
    func confirming() throws {
        var household = Self.family
        household.derogation = Derogation(service: .mds, justification: "Vérifié.", agreedBy: "X")
        let decision = try orient(household, on: Fixtures.today, referential: Fixtures.referential())
        #expect(decision.service == .mds)
        #expect(decision.isDerogation)
        #expect(decision.reasons.contains { $0.contains("qui confirme") })
    }

    @Test("without written justification or agreement, a derogation is refused", arguments: [
        ("", "M. Martin", OrientationError.derogationWithoutJustification),
        ("   \n", "M. Martin", .derogationWithoutJustification),
        ("Dans l'intérêt de la personne.", "", .derogationWithoutAgreement),
        ("Dans l'intérêt de la personne.", "  ", .derogationWithoutAgreement),
    ])
    func refused(justification: String, agreedBy: String, expected: OrientationError) throws {
        var household = Self.family
        household.derogation = Derogation(service: .ccas, justification: justification, agreedBy: agreedBy)
        let referential = try Fixtures.referential()
        #expect(throws: expected) {
            try orient(household, on: Fixtures.today, referential: referential)
        }
    }
}
