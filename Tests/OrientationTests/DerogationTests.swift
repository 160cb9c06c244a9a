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
                                          agreedByPTS: "Mme Durand, responsable de circonscription", agreedByCCAS: "M. Martin, chef de service")
        let decision = try orient(household, on: Fixtures.today, referential: Fixtures.referential())
        #expect(decision.service == .ccas)
        #expect(decision.ruleService == .mds)
        #expect(decision.isDerogation)
        #expect(decision.site == "CCAS – Cité Municipale")
        #expect(decision.circonscription == nil)
        let reason = try #require(decision.firedRules.first { $0.rule == .derogation }?.reason)
        #expect(reason.contains("PTS (Mme Durand, responsable de circonscription)") && reason.contains("CCAS (M. Martin, chef de service)"))
        #expect(reason.contains("« Suivi budgétaire engagé au CCAS, à terminer. »"))
        #expect(reason.contains("au lieu de"))
    }

    @Test("a derogation can send a couple without child to their sector's MDS")
    func toMDS() throws {
        let household = Household(adults: 2, sector: "saint-michel",
                                  derogation: Derogation(service: .mds, justification: "Situation connue de la MDS.", agreedByPTS: "Cadre PTS", agreedByCCAS: "Cadre CCAS"))
        let decision = try orient(household, on: Fixtures.today, referential: Fixtures.referential())
        #expect(decision.service == .mds)
        #expect(decision.ruleService == .ccas)
        #expect(decision.site == "MDS Saint-Michel")
        #expect(decision.isDerogation)
    }

    @Test("a derogation that agrees with the rule is still recorded")
    func confirming() throws {
        var household = Self.family
        household.derogation = Derogation(service: .mds, justification: "Vérifié.", agreedByPTS: "X", agreedByCCAS: "Y")
        let decision = try orient(household, on: Fixtures.today, referential: Fixtures.referential())
        #expect(decision.service == .mds)
        #expect(decision.isDerogation)
        #expect(decision.reasons.contains { $0.contains("qui confirme") })
    }

    @Test("without written justification or the agreement of both institutions, a derogation is refused", arguments: [
        ("", "Mme Durand", "M. Martin", OrientationError.derogationWithoutJustification),
        ("   \n", "Mme Durand", "M. Martin", .derogationWithoutJustification),
        ("Dans l'intérêt de la personne.", "", "M. Martin", .derogationWithoutPTSAgreement),
        ("Dans l'intérêt de la personne.", "  ", "M. Martin", .derogationWithoutPTSAgreement),
        ("Dans l'intérêt de la personne.", "Mme Durand", "", .derogationWithoutCCASAgreement),
        ("Dans l'intérêt de la personne.", "Mme Durand", " \t", .derogationWithoutCCASAgreement),
    ])
    func refused(justification: String, agreedByPTS: String, agreedByCCAS: String, expected: OrientationError) throws {
        var household = Self.family
        household.derogation = Derogation(service: .ccas, justification: justification, agreedByPTS: agreedByPTS, agreedByCCAS: agreedByCCAS)
        let referential = try Fixtures.referential()
        #expect(throws: expected) {
            try orient(household, on: Fixtures.today, referential: referential)
        }
    }
}
