import Foundation
import Orientation
import Testing
import TestSupport
@testable import AccueilCore

/// The household is one value from the form to the rule: stored in the contract's format, written and
/// read by the contract's code. Rows written before the change (texts below, as the previous encoder
/// wrote them) read back to the same household, and are written again byte for byte.
@Suite struct StoredHouseholdTests {
    static let day = LocalDate(iso: "2026-11-16")!

    /// As stored by the encoder this version replaced, for the two households below.
    static let storedFamily = #"{"adults":2,"age":34,"alreadyFollowedBy":"MDS","childInDanger":true,"children":[{"aseMeasure":true,"birthDate":"2023-06-01","inCharge":true,"livesInFrance":false}],"date":"2026-11-16","disability":true,"homeless":false,"pregnant":true,"requestConcernsChild":true,"rsa":true,"sector":"bastide"}"#
    static let storedHomeless = #"{"adults":1,"childInDanger":false,"children":[],"date":"2026-11-16","disability":false,"homeless":true,"pregnant":false,"requestConcernsChild":false,"rsa":false}"#

    static let family = Household(adults: 2, pregnant: true, children: [Child(birthDate: LocalDate(iso: "2023-06-01")!, inCharge: true, livesInFrance: false, aseMeasure: true)],
                                  requestConcernsChild: true, homeless: false, age: 34, disability: true, childInDanger: true, rsa: true,
                                  sector: "bastide", alreadyFollowedBy: .mds, derogation: nil)
    static let homeless = Household(adults: 1, pregnant: false, children: [], requestConcernsChild: false, homeless: true, age: nil, disability: false,
                                    childInDanger: false, rsa: false, sector: nil, alreadyFollowedBy: nil, derogation: nil)

    @Test func storedTextsReadBackToTheSameHouseholdAndAreWrittenAgainByteForByte() {
        for (text, household) in [(Self.storedFamily, Self.family), (Self.storedHomeless, Self.homeless)] {
            let read = OrientationRequest(stored: text)
            #expect(read == OrientationRequest(date: Self.day, household: household))
            #expect(read?.jsonText == text, "the stored format is unchanged")
        }
        #expect(OrientationRequest(stored: nil) == nil && OrientationRequest(stored: "{}") == nil, "no household, or not a request")
    }

    @Test func aRowWrittenBeforeIsReadByTheRepositoryAndRoutedAsBefore() async throws {
        try await withApp { app in
            let intake = try await app.store.write { db -> IntakeRecord? in
                try db.run("""
                    INSERT INTO intakes (at, site_id, account_id, channel, level, household, consent_orientation)
                    VALUES (?, 'ccas-cite-municipale', 1, 'sur_place', 1, ?, 1)
                    """, [app.now, Self.storedFamily])
                return try IntakeRepository.find(db, id: db.lastInsertRowID)
            }
            let stored = try #require(intake?.household)
            #expect(stored.household == Self.family)
            let record = try #require(intake)
            let decision = try #require(try OrientationService.decide(record, derogation: nil, router: OrientationRouter(referential: app.context.referential)))
            #expect(decision == (try orient(Self.family, on: Self.day, referential: app.context.referential)))
            #expect(decision.service == .mds, "a minor child in charge goes to the MDS")
        }
    }

    @Test func everyGeneratedHouseholdSurvivesTheRoundTrip() {
        var rng = SeededGenerator(seed: 0x40_5E)
        for _ in 0..<300 {
            let children = (0..<Int.random(in: 0...3, using: &rng)).map { index in
                Child(birthDate: LocalDate(iso: "20\(10 + index + Int.random(in: 0...9, using: &rng))-0\(Int.random(in: 1...9, using: &rng))-15")!,
                      inCharge: Bool.random(using: &rng), livesInFrance: Bool.random(using: &rng), aseMeasure: Bool.random(using: &rng))
            }
            let derogation = Bool.random(using: &rng) ? Derogation(service: .ccas, justification: "Convenu « en réunion »", agreedByPTS: "PTS / CCAS", agreedByCCAS: "Responsable du CCAS") : nil
            let household = Household(adults: Int.random(in: 1...2, using: &rng), pregnant: Bool.random(using: &rng), children: children,
                                      requestConcernsChild: Bool.random(using: &rng), homeless: Bool.random(using: &rng),
                                      age: Bool.random(using: &rng) ? Int.random(in: 0...130, using: &rng) : nil, disability: Bool.random(using: &rng),
                                      childInDanger: Bool.random(using: &rng), rsa: Bool.random(using: &rng),
                                      sector: Bool.random(using: &rng) ? "bastide" : nil, alreadyFollowedBy: [nil, .ccas, .mds].randomElement(using: &rng)!,
                                      derogation: derogation)
            let request = OrientationRequest(date: Bool.random(using: &rng) ? Self.day : nil, household: household)
            let text = request.jsonText
            #expect(OrientationRequest(stored: text) == request, "\(text)")
        }
    }
}
