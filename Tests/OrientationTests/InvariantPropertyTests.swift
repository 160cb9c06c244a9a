import Testing
import TestSupport
import Orientation

/// Properties checked over thousands of generated households (fixed seed, so reproducible).
@Suite("Routing invariants (property tests)")
struct InvariantPropertyTests {
    static let caseCount = 5_000

    /// Minority computed independently of `LocalDate.years`: a child is a minor until the 18th
    /// birthday, which for a 29 February birth in a non-leap year is 1 March.
    static func isMinor(_ child: Child, on date: LocalDate) -> Bool {
        let birth = child.birthDate
        let majority = LocalDate(year: birth.year + 18, month: birth.month, day: birth.day)
            ?? LocalDate(year: birth.year + 18, month: 3, day: 1)!
        return date < majority
    }

    /// A household and a reference date inside the referential's coverage. Birth dates cluster
    /// around the 18th birthday so the boundary is hit often.
    static func randomCase(_ rng: inout SeededGenerator, sectors: [String]) -> (Household, LocalDate) {
        let start = day("2022-10-01").daysSinceEpoch
        let date = LocalDate(daysSinceEpoch: start + rng.below(3_000))!
        var children: [Child] = []
        for _ in 0..<rng.pick([0, 0, 1, 1, 2, 3]) {
            let birth: LocalDate
            if rng.chance(30) {
                let eighteenYearsAgo = LocalDate(year: date.year - 18, month: date.month, day: min(date.day, 28))!
                birth = eighteenYearsAgo.adding(days: rng.below(5) - 2)!
            } else {
                birth = date.adding(days: -rng.below(26 * 365))!
            }
            children.append(Child(birthDate: birth, inCharge: rng.chance(60), livesInFrance: rng.chance(75),
                                  aseMeasure: rng.chance(20)))
        }
        let household = Household(
            adults: rng.pick([1, 2]),
            pregnant: rng.chance(15),
            children: children,
            requestConcernsChild: rng.chance(30),
            homeless: rng.chance(15),
            age: rng.chance(20) ? nil : rng.below(101),
            disability: rng.chance(15),
            childInDanger: rng.chance(10),
            rsa: rng.chance(25),
            sector: rng.chance(15) ? nil : rng.pick(sectors),
            alreadyFollowedBy: rng.pick([nil, nil, Service.ccas, Service.mds]))
        return (household, date)
    }

    @Test("no derogation + minor child (in charge or living in France) or pregnancy ⇒ MDS")
    func minorChildOrPregnancyNeverGoesToCCAS() throws {
        let referential = try Fixtures.referential()
        var rng = SeededGenerator(seed: 0x00AC_C0E1_2023)
        var covered = 0
        for _ in 0..<Self.caseCount {
            let (household, date) = Self.randomCase(&rng, sectors: referential.sectors.map(\.key))
            let decision = try orient(household, on: date, referential: referential)
            let protected = household.pregnant || household.children.contains {
                Self.isMinor($0, on: date) && ($0.inCharge || $0.livesInFrance)
            }
            if protected {
                covered += 1
                #expect(decision.service == .mds, "\(household) on \(date)")
            }
            if decision.service == .ccas {
                #expect(decision.siteID == referential.ccasSite.id && decision.circonscription == nil)
            } else if let sector = household.sector {
                let site = try #require(decision.siteID.flatMap(referential.site(id:)))
                #expect(site.kind == .mds && site.period.contains(date))
                #expect(site.id == (try referential.mds(forSector: sector, on: date)).id)
                #expect(decision.circonscription != nil)
            } else {
                #expect(decision.siteID == nil && decision.site == nil)
            }
            #expect(!decision.isDerogation && decision.service == decision.ruleService)
            #expect(Set(decision.alerts) == (household.childInDanger ? [.crip] : []))
        }
        // The generator must actually exercise the invariant, not vacuously pass it.
        #expect(covered > Self.caseCount / 4)
    }

    @Test("a justified derogation always has the last word and is recorded")
    func derogationWins() throws {
        let referential = try Fixtures.referential()
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<Self.caseCount / 5 {
            var (household, date) = Self.randomCase(&rng, sectors: referential.sectors.map(\.key))
            let service = rng.pick(Service.allCases)
            household.derogation = Derogation(service: service, justification: "Dans l'intérêt de la personne.", agreedByPTS: "PTS/CCAS", agreedByCCAS: "Responsable du CCAS")
            let decision = try orient(household, on: date, referential: referential)
            #expect(decision.service == service)
            #expect(decision.isDerogation)
            #expect(decision.rules.contains(.derogation))
        }
    }

    @Test("the decision does not depend on suggestion-only facts")
    func suggestionsRideAlong() throws {
        let referential = try Fixtures.referential()
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<Self.caseCount / 5 {
            let (household, date) = Self.randomCase(&rng, sectors: referential.sectors.map(\.key))
            var stripped = household
            stripped.disability = false
            stripped.childInDanger = false
            stripped.rsa = false
            if let age = stripped.age, age >= 18 { stripped.age = nil }
            let full = try orient(household, on: date, referential: referential)
            let plain = try orient(stripped, on: date, referential: referential)
            #expect(full.service == plain.service && full.siteID == plain.siteID)
        }
    }
}
