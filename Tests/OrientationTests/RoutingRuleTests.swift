import Testing
import Orientation

/// The CCAS/MDS split, one row per case of the convention (Article 3, Annexe 4).
@Suite("Routing rule")
struct RoutingRuleTests {
    static let ccas = "CCAS – Cité Municipale"

    static let cases: [RoutingCase] = [
        RoutingCase(name: "enfant de 3 ans à charge, secteur Bastide → MDS Bastide (Sud)",
                    household: Household(adults: 2, children: [child("2023-06-01")], sector: "bastide"),
                    service: .mds, site: "MDS Bastide", circonscription: "Sud", rules: [.minorChildInCharge, .mdsOfSector]),
        RoutingCase(name: "couple sans enfant → CCAS",
                    household: Household(adults: 2, sector: "centre"),
                    service: .ccas, site: ccas, rules: [.noMinorChild, .ccasSite]),
        RoutingCase(name: "personne seule sans enfant, sans secteur → CCAS",
                    household: Household(adults: 1),
                    service: .ccas, site: ccas, rules: [.noMinorChild]),
        RoutingCase(name: "grossesse → MDS",
                    household: Household(adults: 1, pregnant: true, sector: "lac"),
                    service: .mds, site: "MDS Lac", circonscription: "Lac", rules: [.pregnancy]),
        RoutingCase(name: "enfant mineur non à charge vivant en France → MDS",
                    household: Household(adults: 1, children: [child("2015-03-10", inCharge: false)], sector: "saint-michel"),
                    service: .mds, site: "MDS Saint-Michel", circonscription: "Saint-Michel", rules: [.minorChildInFrance]),
        RoutingCase(name: "enfant mineur non à charge vivant à l'étranger → CCAS",
                    household: Household(adults: 2, children: [child("2015-03-10", inCharge: false, livesInFrance: false)], sector: "centre"),
                    service: .ccas, site: ccas, rules: [.noMinorChild]),
        RoutingCase(name: "enfant mineur à charge vivant à l'étranger → MDS (à charge suffit)",
                    household: Household(adults: 1, children: [child("2015-03-10", livesInFrance: false)], sector: "centre"),
                    service: .mds, site: "MDS Centre", circonscription: "Centre", rules: [.minorChildInCharge]),
        RoutingCase(name: "enfant majeur à charge sous mesure ASE → MDS",
                    household: Household(adults: 2, children: [child("2006-01-15", ase: true)], sector: "grand-parc"),
                    service: .mds, site: "MDS Grand Parc", circonscription: "Grand Parc", rules: [.adultChildUnderASE]),
        RoutingCase(name: "enfant majeur à charge sans mesure ASE → CCAS",
                    household: Household(adults: 2, children: [child("2006-01-15")], sector: "grand-parc"),
                    service: .ccas, site: ccas, rules: [.noMinorChild]),
        RoutingCase(name: "enfant majeur non à charge sous mesure ASE → CCAS",
                    household: Household(adults: 2, children: [child("2006-01-15", inCharge: false, ase: true)]),
                    service: .ccas, site: ccas, rules: [.noMinorChild]),
        RoutingCase(name: "parent isolé sans la garde, demande liée à l'enfant (enfant à l'étranger) → MDS",
                    household: Household(adults: 1, children: [child("2016-09-01", inCharge: false, livesInFrance: false)],
                                         requestConcernsChild: true, sector: "saint-jean"),
                    service: .mds, site: "MDS Saint-Jean", circonscription: "Sud", rules: [.loneParentWithoutCustody]),
        RoutingCase(name: "parent isolé sans la garde, demande sans lien avec l'enfant (enfant à l'étranger) → CCAS",
                    household: Household(adults: 1, children: [child("2016-09-01", inCharge: false, livesInFrance: false)],
                                         requestConcernsChild: false, sector: "saint-jean"),
                    service: .ccas, site: ccas, rules: [.noMinorChild]),
        RoutingCase(name: "couple sans la garde, demande liée à l'enfant à l'étranger → CCAS (la NB vise le parent isolé)",
                    household: Household(adults: 2, children: [child("2016-09-01", inCharge: false, livesInFrance: false)],
                                         requestConcernsChild: true),
                    service: .ccas, site: ccas, rules: [.noMinorChild]),
        RoutingCase(name: "parent isolé sans la garde, demande liée à l'enfant en France → MDS",
                    household: Household(adults: 1, children: [child("2016-09-01", inCharge: false)], requestConcernsChild: true, sector: "cauderan"),
                    service: .mds, site: "MDS Caudéran", circonscription: "Centre", rules: [.minorChildInFrance, .loneParentWithoutCustody]),
        RoutingCase(name: "enfant qui a 18 ans le jour même → plus mineur → CCAS",
                    household: Household(adults: 1, children: [child("2008-11-26")], sector: "centre"),
                    date: day("2026-11-26"), service: .ccas, site: ccas, rules: [.noMinorChild]),
        RoutingCase(name: "enfant qui a 18 ans le lendemain → encore mineur → MDS",
                    household: Household(adults: 1, children: [child("2008-11-26")], sector: "centre"),
                    date: day("2026-11-25"), service: .mds, site: "MDS Centre", circonscription: "Centre", rules: [.minorChildInCharge]),
        RoutingCase(name: "né un 29 février : encore mineur le 28 février d'une année non bissextile → MDS",
                    household: Household(adults: 1, children: [child("2008-02-29")], sector: "centre"),
                    date: day("2026-02-28"), service: .mds, site: "MDS Centre", circonscription: "Centre"),
        RoutingCase(name: "né un 29 février : majeur le 1er mars d'une année non bissextile → CCAS",
                    household: Household(adults: 1, children: [child("2008-02-29")], sector: "centre"),
                    date: day("2026-03-01"), service: .ccas, site: ccas),
        RoutingCase(name: "secteur Saint-Augustin le 31/12/2023 → MDS Saint-Augustin",
                    household: Household(adults: 2, children: [child("2019-01-01")], sector: "saint-augustin"),
                    date: day("2023-12-31"), service: .mds, site: "MDS Saint-Augustin", circonscription: "Centre"),
        RoutingCase(name: "secteur Saint-Augustin le 01/01/2024 → MDS Centre",
                    household: Household(adults: 2, children: [child("2019-01-01")], sector: "saint-augustin"),
                    date: day("2024-01-01"), service: .mds, site: "MDS Centre", circonscription: "Centre"),
        RoutingCase(name: "secteur Bacalan → MDS Lac (l'antenne Bacalan en fait partie)",
                    household: Household(adults: 1, pregnant: true, sector: "bacalan"),
                    service: .mds, site: "MDS Lac", circonscription: "Lac"),
        RoutingCase(name: "déjà suivi par la MDS, sans enfant → reste à la MDS",
                    household: Household(adults: 1, sector: "lac", alreadyFollowedBy: .mds),
                    service: .mds, site: "MDS Lac", circonscription: "Lac", rules: [.noMinorChild, .keepsMDSFollowUp]),
        RoutingCase(name: "déjà suivi par le CCAS, sans enfant → reste au CCAS",
                    household: Household(adults: 2, sector: "lac", alreadyFollowedBy: .ccas),
                    service: .ccas, site: ccas, rules: [.noMinorChild, .keepsCCASFollowUp]),
        RoutingCase(name: "déjà suivi par le CCAS, avec un enfant mineur → MDS (l'invariant l'emporte)",
                    household: Household(adults: 1, children: [child("2024-05-05")], sector: "bastide", alreadyFollowedBy: .ccas),
                    service: .mds, site: "MDS Bastide", circonscription: "Sud", rules: [.minorChildInCharge, .leavesCCASFollowUp]),
        RoutingCase(name: "déjà suivie par le CCAS, enceinte → MDS",
                    household: Household(adults: 1, pregnant: true, sector: "centre", alreadyFollowedBy: .ccas),
                    service: .mds, site: "MDS Centre", circonscription: "Centre", rules: [.pregnancy, .leavesCCASFollowUp]),
        RoutingCase(name: "déjà suivi par la MDS, avec enfant → MDS, référent maintenu",
                    household: Household(adults: 2, children: [child("2020-01-01")], sector: "centre", alreadyFollowedBy: .mds),
                    service: .mds, site: "MDS Centre", circonscription: "Centre", rules: [.minorChildInCharge, .keepsMDSFollowUp]),
        RoutingCase(name: "demandeur mineur seul → MDS",
                    household: Household(adults: 1, age: 16, sector: "centre"),
                    service: .mds, site: "MDS Centre", circonscription: "Centre", rules: [.minorApplicant]),
        RoutingCase(name: "famille sans domicile et sans secteur → MDS, site non désigné",
                    household: Household(adults: 1, children: [child("2022-02-02")], homeless: true),
                    service: .mds, site: nil, rules: [.homelessWithoutSector]),
        RoutingCase(name: "famille sans secteur renseigné → MDS, site non désigné",
                    household: Household(adults: 2, children: [child("2022-02-02")]),
                    service: .mds, site: nil, rules: [.missingSector]),
        RoutingCase(name: "personne sans domicile, seule → CCAS",
                    household: Household(adults: 1, homeless: true),
                    service: .ccas, site: ccas, rules: [.noMinorChild, .suggestCAIO]),
    ]

    @Test(arguments: cases)
    func routes(_ row: RoutingCase) throws {
        let decision = try orient(row.household, on: row.date, referential: Fixtures.referential())
        #expect(decision.service == row.service)
        #expect(decision.site == row.site)
        #expect(decision.circonscription == row.circonscription)
        #expect(decision.siteID == nil ? row.site == nil : row.site != nil)
        #expect(!decision.isDerogation)
        #expect(decision.ruleService == decision.service)
        for rule in row.rules {
            #expect(decision.rules.contains(rule), "rule \(rule) did not fire")
        }
        // Every fired rule explains itself, in a sentence.
        #expect(decision.reasons.count == decision.firedRules.count)
        #expect(decision.reasons.allSatisfy { $0.count > 20 && $0.hasSuffix(".") })
    }

    @Test("the reason names the MDS, its circonscription and the date")
    func mdsReason() throws {
        let household = Household(adults: 2, children: [child("2023-06-01")], sector: "bastide")
        let decision = try orient(household, on: Fixtures.today, referential: Fixtures.referential())
        #expect(decision.reasons.contains(
            "Secteur « La Bastide » : la MDS compétente au 26/11/2026 est la MDS Bastide (circonscription Sud)."))
        #expect(decision.reasons.first?.contains("3 ans au 26/11/2026") == true)
    }

    @Test("a sector that changed hands says since when")
    func changedSectorReason() throws {
        let household = Household(adults: 1, pregnant: true, sector: "saint-augustin")
        let decision = try orient(household, on: day("2024-03-01"), referential: Fixtures.referential())
        #expect(decision.reasons.contains { $0.contains("MDS Centre") && $0.contains("depuis le 01/01/2024") })
    }

    @Test("the CCAS reason gives the Cité Municipale address")
    func ccasReason() throws {
        let decision = try orient(Household(adults: 2), on: Fixtures.today, referential: Fixtures.referential())
        #expect(decision.siteID == "ccas-cite-municipale")
        #expect(decision.reasons.contains { $0.contains("4 rue Claude Bonnier") })
    }

    @Test("already followed by the CCAS with a minor child: the reason explains the change")
    func leavesCCASReason() throws {
        let household = Household(adults: 1, children: [child("2024-05-05")], sector: "bastide", alreadyFollowedBy: .ccas)
        let decision = try orient(household, on: Fixtures.today, referential: Fixtures.referential())
        let reason = try #require(decision.firedRules.first { $0.rule == .leavesCCASFollowUp }?.reason)
        #expect(reason.contains("déjà accompagnée par le CCAS"))
        #expect(reason.contains("dérogation"))
    }
}
