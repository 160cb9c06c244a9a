import Testing
import Orientation

/// Secondary orientations ride along with the primary one and never replace it.
@Suite("Suggestions")
struct SuggestionTests {
    static let rows: [(String, Household, [Suggestion])] = [
        ("sans domicile → CAIO", Household(adults: 1, homeless: true), [.caio]),
        ("18 ans sans enfant → PLAJE", Household(adults: 1, age: 18), [.plaje]),
        ("25 ans sans enfant → PLAJE", Household(adults: 1, age: 25), [.plaje]),
        ("26 ans → rien", Household(adults: 1, age: 26), []),
        ("17 ans → pas de PLAJE", Household(adults: 1, age: 17), []),
        ("22 ans avec enfant → pas de PLAJE", Household(adults: 1, children: [child("2025-01-01")], age: 22), []),
        ("22 ans enceinte → pas de PLAJE", Household(adults: 1, pregnant: true, age: 22), []),
        ("60 ans → SENIORS", Household(adults: 1, age: 60), [.seniors]),
        ("59 ans → rien", Household(adults: 1, age: 59), []),
        ("88 ans → SENIORS", Household(adults: 2, age: 88), [.seniors]),
        ("handicap → MDPH", Household(adults: 1, disability: true), [.mdph]),
        ("enfant en danger → CRIP", Household(adults: 1, children: [child("2018-01-01")], childInDanger: true), [.crip]),
        ("RSA → RSA", Household(adults: 1, rsa: true), [.rsa]),
        ("cumul dans l'ordre stable", Household(adults: 1, homeless: true, age: 62, disability: true, rsa: true),
         [.caio, .seniors, .mdph, .rsa]),
        ("aucun signal → rien", Household(adults: 2), []),
    ]

    @Test(arguments: rows)
    func suggests(name: String, household: Household, expected: [Suggestion]) throws {
        let decision = try orient(household, on: Fixtures.today, referential: Fixtures.referential())
        #expect(decision.suggestions == expected, "\(name)")
        #expect(decision.alerts == expected.filter { $0 == .crip })
        // Each suggestion comes with its own reason.
        let suggestionRules: Set<OrientationRule> = [.suggestCAIO, .suggestPLAJE, .suggestSeniors, .suggestMDPH, .alertCRIP, .suggestRSA]
        #expect(decision.rules.filter(suggestionRules.contains).count == expected.count)
    }

    @Test("CRIP is an alert, and the only one")
    func cripIsAlert() {
        #expect(Suggestion.allCases.filter(\.isAlert) == [.crip])
    }

    @Test("suggestions never change the primary orientation", arguments: [
        Household(adults: 2), Household(adults: 1, children: [child("2019-01-01")], sector: "lac"),
    ])
    func neverReplacePrimary(base: Household) throws {
        let referential = try Fixtures.referential()
        var loaded = base
        loaded.homeless = true
        loaded.age = 61
        loaded.disability = true
        loaded.childInDanger = true
        loaded.rsa = true
        let plain = try orient(base, on: Fixtures.today, referential: referential)
        let withSuggestions = try orient(loaded, on: Fixtures.today, referential: referential)
        #expect(withSuggestions.service == plain.service)
        #expect(withSuggestions.siteID == plain.siteID)
        #expect(withSuggestions.suggestions == [.caio, .seniors, .mdph, .crip, .rsa])
        #expect(withSuggestions.alerts == [.crip])
    }

    @Test("codes and labels", arguments: Suggestion.allCases)
    func labels(suggestion: Suggestion) {
        #expect(["CAIO", "PLAJE", "SENIORS", "MDPH", "CRIP", "RSA"].contains(suggestion.rawValue))
        #expect(!suggestion.label.isEmpty)
    }

    @Test("a minor is never sent to an adult service, whatever the facts", arguments: [0, 12, 16, 17])
    func minorsGetNoAdultService(age: Int) throws {
        let household = Household(adults: 1, homeless: true, age: age, disability: true, childInDanger: true, rsa: true)
        let decision = try orient(household, on: Fixtures.today, referential: try Fixtures.referential())
        #expect(decision.suggestions == [.mdph, .crip], "no CAIO, PLAJe, seniors or RSA referent at \(age)")
        #expect(decision.service == .mds, "a minor asking alone is a minor child (the user's rule)")
    }

    @Test("each suggestion states its ages; an adult of 18 gets the adult services")
    func audiences() throws {
        #expect(Suggestion.allCases.allSatisfy { !$0.audience.situation.isEmpty })
        for adult in [Suggestion.caio, .rsa] { #expect(adult.admits(age: 18) && !adult.admits(age: 17) && adult.admits(age: nil)) }
        #expect(Suggestion.plaje.admits(age: 25) && !Suggestion.plaje.admits(age: 26))
        #expect(Suggestion.seniors.admits(age: 60) && !Suggestion.seniors.admits(age: 59))
        #expect(Suggestion.mdph.admits(age: 3) && Suggestion.crip.admits(age: 15))
        let adult = Household(adults: 1, homeless: true, age: 18, rsa: true)
        #expect(try orient(adult, on: Fixtures.today, referential: try Fixtures.referential()).suggestions == [.caio, .plaje, .rsa])
    }
}
