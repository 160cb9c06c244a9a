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
        // Mostly small households, sometimes large ones, up to the contract's bounds.
        for _ in 0..<(rng.chance(5) ? rng.below(Household.maximumChildren + 1) : rng.pick([0, 0, 1, 1, 2, 3])) {
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
            adults: rng.chance(10) ? 1 + rng.below(Household.maximumAdults) : rng.pick([1, 2]),
            pregnant: rng.chance(15),
            children: children,
            requestConcernsChild: rng.chance(30),
            homeless: rng.chance(15),
            age: rng.chance(20) ? nil : rng.below(101),
            disability: rng.chance(15),
            childInDanger: rng.chance(10),
            rsa: rng.chance(25),
            sector: rng.chance(15) ? nil : rng.pick(sectors),
            // Mostly Bordeaux (recorded or not), sometimes a commune of the table.
            commune: rng.chance(20) ? rng.pick(["33281", Commune.bordeaux]) : nil,
            alreadyFollowedBy: rng.pick([nil, nil, Service.ccas, Service.mds]))
        return (household, date)
    }

    /// Standing adjustments an administrator could record (each accepted by `AdjustmentRules.check`),
    /// some sending to the CCAS: the invariant must hold with them in force too.
    static func adjustments(_ referential: TerritorialReferential) throws -> [RuleAdjustment] {
        let candidates = [
            RuleAdjustment(reference: "AM-1", text: "Adultes sans domicile sans enfant : CCAS.", service: .ccas,
                           conditions: AdjustmentConditions(homeless: true, minorChild: false, pregnant: false, age: 18...130),
                           agreedByPTS: "P", agreedByCCAS: "C", agreedOn: day("2023-01-01"), validFrom: day("2023-01-01")),
            RuleAdjustment(reference: "AM-2", text: "Foyers de trois adultes et plus à Bacalan : MDS Lac.", service: .mds, siteID: "mds-lac",
                           conditions: AdjustmentConditions(sectors: ["bacalan"], homeless: false, adults: 3...12),
                           agreedByPTS: "P", agreedByCCAS: "C", agreedOn: day("2024-01-01"), validFrom: day("2024-01-01")),
            RuleAdjustment(reference: "AM-3", text: "Bénéficiaires du RSA sans enfant mineur à Caudéran : CCAS.", service: .ccas,
                           conditions: AdjustmentConditions(sectors: ["cauderan"], homeless: false, minorChild: false, pregnant: false, age: 18...130, rsa: true),
                           agreedByPTS: "P", agreedByCCAS: "C", agreedOn: day("2024-06-01"), validFrom: day("2024-06-01"), validTo: day("2025-12-31")),
        ]
        var accepted: [RuleAdjustment] = []
        for candidate in candidates {
            try AdjustmentRules.check(candidate, against: accepted, referential: referential)
            accepted.append(candidate)
        }
        return accepted
    }

    /// A commune table of one row, « à confirmer », as the shipped one.
    static let communes = [CommuneServices(inseeCode: "33281", name: "Mérignac", ccas: PublicService(name: "CCAS de Mérignac"),
                                           mds: PublicService(name: nil), period: Period(from: day("2022-10-01"), to: nil), toConfirm: true)]

    @Test("no derogation + minor child (in charge or living in France) or pregnancy ⇒ MDS, adjustments in force or not",
          arguments: [false, true])
    func minorChildOrPregnancyNeverGoesToCCAS(withAdjustments: Bool) throws {
        let referential = try Fixtures.referential()
        let adjustments = withAdjustments ? try Self.adjustments(referential) : []
        var rng = SeededGenerator(seed: 0x00AC_C0E1_2023)
        var covered = 0, adjusted = 0, outside = 0
        for _ in 0..<Self.caseCount {
            let (household, date) = Self.randomCase(&rng, sectors: referential.sectors.map(\.key))
            let decision = try orient(household, on: date, referential: referential, adjustments: adjustments, communes: Self.communes)
            if !decision.adjustments.isEmpty { adjusted += 1 }
            let protected = household.pregnant || household.children.contains {
                Self.isMinor($0, on: date) && ($0.inCharge || $0.livesInFrance)
            }
            if protected {
                covered += 1
                #expect(decision.service == .mds, "\(household) on \(date)")
            }
            if let age = household.age, age < 18 {
                #expect(decision.service == .mds, "a minor asking alone is a minor child: \(household)")
            }
            if household.commune == "33281" {
                // Another commune: its own services, counted apart; Bordeaux's adjustments and PLAJe do not apply.
                outside += 1
                #expect(decision.commune?.inseeCode == "33281" && decision.siteID == nil && decision.circonscription == nil)
                #expect(decision.adjustments.isEmpty && !decision.suggestions.contains(.plaje))
                #expect(decision.site == (decision.service == .ccas ? "CCAS de Mérignac" : nil))
            } else if decision.service == .ccas {
                #expect(!decision.isOutsideBordeaux)
                #expect(decision.siteID == referential.ccasSite.id && decision.circonscription == nil)
            } else if !decision.adjustments.isEmpty {
                #expect(decision.siteID == "mds-lac", "the adjustment's site")
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
        // The generator must actually exercise the invariant (and the adjustments), not vacuously pass it.
        #expect(covered > Self.caseCount / 4)
        #expect(outside > Self.caseCount / 20)
        #expect(withAdjustments ? adjusted > 100 : adjusted == 0)
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
            // A derogation brings a resident of another commune (known to the table or not) to Bordeaux's services.
            #expect(!decision.isOutsideBordeaux)
            #expect(decision.rules.contains(.outsideBordeauxByDerogation) == !household.livesInBordeaux)
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
            let full = try orient(household, on: date, referential: referential, communes: Self.communes)
            let plain = try orient(stripped, on: date, referential: referential, communes: Self.communes)
            #expect(full.service == plain.service && full.siteID == plain.siteID)
        }
    }
}
