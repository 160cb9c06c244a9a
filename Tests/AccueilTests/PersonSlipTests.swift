import Foundation
import Orientation
import Testing
import TestSupport
import HTML
@testable import AccueilCore
@testable import AccueilWeb

/// The slip the person carries, over a generated set of households: person-facing text only.
@Suite struct PersonSlipTests {
    static let resources = TestApp.repositoryRoot + "/Resources"
    static let catalogues = try! SlipCatalogues.load(directory: resources + "/slip")
    static let referential = try! TerritorialReferential(json: FileManager.default.contents(atPath: resources + "/referential/territory.json")!)
    static let motives = try! MotiveCatalog(json: FileManager.default.contents(atPath: resources + "/referential/motives.json")!)

    /// Whole words, case-sensitive: internal acronyms (« AS » must not match inside « pas »), raw codes.
    static let forbiddenAcronyms = ["CRIP", "PTS", "ASE", "AS", "IP", "SENIORS", "PLAJE", "RSA-", "TS"]
        + OrientationRule.allCases.map(\.rawValue)
    /// Whole words or phrases, any case: internal vocabulary, the alert, sensitive motives, placeholders.
    static let forbiddenWords = ["circonscription", "secteur", "relève", "relève de", "information préoccupante", "préoccupante",
                                 "danger", "alerte", "violence", "violences", "intrafamiliales", "dérogation", "derogation",
                                 "justification", "à confirmer", "indicatif", "indicatifs", "non renseigné", "SECRET-JUSTIFICATION",
                                 "Signataire-PTS", "Signataire-CCAS", "1990", "06 12 34 56 78", "Durand-Lefort"]

    /// Every flag combination, every motive, every site: at least 500 households.
    static func generatedFacts() -> [(household: Household, facts: PersonSlip.Facts)] {
        var rng = SeededGenerator(seed: 0x511_9)
        let date = LocalDate(iso: "2026-11-16")!
        let sectors = referential.sectors(on: date).map(\.key)
        let sites = referential.sites
        let codes = motives.motives.map(\.code)
        var cases: [(Household, PersonSlip.Facts)] = []
        // 2^8 flag combinations × 2 follow-ups = 512 households, then each motive and site in turn.
        for combination in 0..<512 {
            func flag(_ bit: Int) -> Bool { combination & (1 << bit) != 0 }
            var children: [Child] = []
            if flag(0) { children.append(Child(birthDate: LocalDate(iso: "2019-05-02")!)) }
            if flag(1) { children.append(Child(birthDate: LocalDate(iso: "2012-01-20")!, inCharge: false, livesInFrance: rng.chance(50))) }
            let derogation = flag(7) ? Derogation(service: rng.chance(50) ? .ccas : .mds, justification: "SECRET-JUSTIFICATION",
                                                  agreedByPTS: "Signataire-PTS", agreedByCCAS: "Signataire-CCAS") : nil
            let household = Household(
                adults: rng.chance(50) ? 1 : 2, pregnant: flag(2), children: children, requestConcernsChild: flag(3), homeless: flag(4),
                age: rng.pick([nil, 16, 19, 24, 45, 61, 70]), disability: flag(5), childInDanger: flag(6), rsa: rng.chance(40),
                sector: flag(4) && rng.chance(50) ? nil : rng.pick(sectors), alreadyFollowedBy: combination >= 256 ? rng.pick([.ccas, .mds]) : nil,
                derogation: derogation)
            let decision = try! orient(household, on: date, referential: referential)
            let destination = decision.siteID.flatMap { id in sites.first { $0.id == id } }.map { place($0, rng: &rng) }
            let desk = place(sites[combination % sites.count], rng: &rng)
            let kind = rng.pick([nil, BookingKind.appointment, .permanence])
            var facts = PersonSlip.Facts(
                reference: "AC-2026-\(String(format: "%06d", combination + 1))", issuedOn: date, firstName: "Élodie", lastName: "Durand-Lefort",
                service: decision.service, rules: decision.rules, isDerogation: decision.isDerogation, suggestions: decision.suggestions,
                destination: destination,
                booking: kind.map { .init(kind: $0, date: LocalDate(iso: "2026-11-20")!, time: rng.chance(70) ? "14:30" : nil,
                                          place: rng.chance(30) ? place(rng.pick(sites), rng: &rng) : nil) },
                documentMotives: motives.printable([codes[combination % codes.count], rng.pick(codes)]),
                language: rng.pick([nil, "fr", "en", "es", "pt", "ar", "ro", "uk", "ps", "fsl"]).flatMap { IntakeLanguage(tag: $0) },
                interpreterNeeded: rng.chance(40), accessibilityNeeds: rng.chance(30), consentSharing: rng.chance(50), desk: desk)
            // Some live in another commune: its services, confirmed (named) or not (no row, or « à confirmer »).
            if combination % 9 == 0 {
                facts.commune = rng.pick(["Mérignac", "Le Bouscat", ""])
                facts.destination = rng.chance(50) ? .init(name: "CCAS de \(facts.commune ?? "")", address: nil, phone: rng.chance(50) ? "05 56 00 00 01" : nil,
                                                           openingHours: nil, accessibility: nil) : nil
                facts.booking = nil
            }
            cases.append((household, facts))
        }
        return cases
    }

    /// A site's public details, some of them randomly missing (as in a real directory being filled in).
    static func place(_ site: Site, rng: inout SeededGenerator) -> PersonSlip.Facts.Place {
        .init(name: site.name, address: rng.chance(60) ? site.address : nil, phone: rng.chance(50) ? "05 56 00 00 00" : nil,
              openingHours: rng.chance(50) ? "Du lundi au vendredi, 9 h – 17 h" : nil, accessibility: rng.chance(30) ? "Ascenseur" : nil)
    }

    static func slip(_ facts: PersonSlip.Facts) -> PersonSlip {
        PersonSlip(facts, documentKeys: catalogues.french.documentKeys(motive:))
    }

    /// The page as printed, in French and, when there is one, the person's language.
    static func text(_ facts: PersonSlip.Facts) -> String {
        plainText(ReferralSlip.render(slip(facts), catalogues: catalogues, language: facts.language, backLink: "/").rendered)
    }

    /// Compiled once: the generated set runs them thousands of times.
    static let markup = ["<head>[\\s\\S]*?</head>", "<script[\\s\\S]*?</script>", "<[^>]+>"].map { try! NSRegularExpression(pattern: $0) }

    static func plainText(_ html: String) -> String {
        var text = html
        for expression in markup {
            text = expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        }
        for (entity, character) in [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The forbidden terms found in a text, matched as whole words.
    static func forbiddenTerms(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return forbiddenMatchers.filter { $0.expression.firstMatch(in: text, range: range) != nil }.map(\.term)
    }

    /// One compiled expression per term, acronyms by case and words in any case, in the lists' order.
    static let forbiddenMatchers: [(term: String, expression: NSRegularExpression)] = {
        func matcher(_ term: String, caseSensitive: Bool) -> (term: String, expression: NSRegularExpression) {
            let pattern = "(?<![\\p{L}\\p{N}-])\(NSRegularExpression.escapedPattern(for: term))(?![\\p{L}\\p{N}-])"
            return (term, try! NSRegularExpression(pattern: pattern, options: caseSensitive ? [] : [.caseInsensitive]))
        }
        return forbiddenAcronyms.map { matcher($0, caseSensitive: true) } + forbiddenWords.map { matcher($0, caseSensitive: false) }
    }()

    @Test func theMatcherFindsWholeWordsOnlyAndAcronymsByCase() {
        #expect(Self.forbiddenTerms(in: "Vous n'avez pas d'enfant.").isEmpty)
        #expect(Self.forbiddenTerms(in: "Voir l'AS référente") == ["AS"])
        #expect(Self.forbiddenTerms(in: "transmettre à la CRIP") == ["CRIP"])
        #expect(Self.forbiddenTerms(in: "la Circonscription Sud").contains("circonscription"))
        #expect(Self.forbiddenTerms(in: "une Information Préoccupante").contains("information préoccupante"))
        #expect(Self.forbiddenTerms(in: "règle minor-child-in-charge").contains("minor-child-in-charge"))
    }

    @Test(.tags(.long), .skippedWhenQuick) func noSlipOfTheGeneratedSetCarriesAnInternalTerm() {
        let cases = Self.generatedFacts()
        #expect(cases.count >= 500)
        // The set really covers what matters: the alert, derogations, sensitive motives, every site, every slip language.
        #expect(cases.contains { $0.household.childInDanger } && cases.contains { $0.household.derogation != nil })
        #expect(Set(cases.compactMap { $0.facts.desk?.name }).count == Self.referential.sites.count)
        let languages = Set(cases.compactMap { $0.facts.language?.tag })
        #expect(languages.isSuperset(of: Self.catalogues.translatedTags))
        for (household, facts) in cases {
            let text = Self.text(facts)
            let found = Self.forbiddenTerms(in: text)
            #expect(found.isEmpty, "\(facts.reference) (\(household)) prints \(found)")
            #expect(!text.contains("{") && !text.contains("}"), "\(facts.reference) has an unfilled placeholder")
            #expect(!text.contains("..") && !text.contains(" ."), "\(facts.reference) has a doubled or loose full stop")
            let html = ReferralSlip.render(Self.slip(facts), catalogues: Self.catalogues, language: facts.language, backLink: "/").rendered
            #expect(!html.contains(">—<") && !html.contains("<dd></dd>"), "\(facts.reference) prints an empty or dash placeholder")
            #expect(text.contains(facts.reference) && text.contains("Élodie D."))
        }
    }

    @Test(.tags(.long), .skippedWhenQuick) func theDangerFlagChangesNothingOnTheSlip() throws {
        var compared = 0
        for (household, facts) in Self.generatedFacts() where !household.childInDanger {
            var flagged = household
            flagged.childInDanger = true
            let date = LocalDate(iso: "2026-11-16")!
            let plain = try orient(household, on: date, referential: Self.referential)
            let danger = try orient(flagged, on: date, referential: Self.referential)
            #expect(danger.alerts == [.crip], "the alert is raised for staff")
            var dangerFacts = facts
            dangerFacts.rules = danger.rules
            dangerFacts.suggestions = danger.suggestions
            dangerFacts.service = danger.service
            var plainFacts = facts
            plainFacts.rules = plain.rules
            plainFacts.suggestions = plain.suggestions
            plainFacts.service = plain.service
            let plainPage = ReferralSlip.render(Self.slip(plainFacts), catalogues: Self.catalogues, language: facts.language, backLink: "/")
            let dangerPage = ReferralSlip.render(Self.slip(dangerFacts), catalogues: Self.catalogues, language: facts.language, backLink: "/")
            #expect(plainPage == dangerPage, "\(facts.reference)")
            compared += 1
        }
        #expect(compared >= 250)
    }

    @Test func everySentenceOfEveryLanguageHasAtMostTwentyWords() {
        var longest = 0
        for (_, facts) in Self.generatedFacts() {
            let slip = Self.slip(facts)
            for texts in [Self.catalogues.french] + Self.catalogues.translatedTags.compactMap(Self.catalogues.translation) {
                for section in slip.sections {
                    for case .sentence(let key, let values) in section.lines {
                        let text = ReferralSlip.sentence(key, values, texts)
                        for sentence in text.split(whereSeparator: { ".!?؟".contains($0) }) {
                            let words = sentence.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: \.isLetter) || $0.contains(where: \.isNumber) }
                            longest = max(longest, words.count)
                            #expect(words.count <= 20, "\(texts.tag) \(key): \(words.count) words: \(sentence)")
                        }
                    }
                }
            }
        }
        #expect(longest > 5, "sentences were counted")
    }

    @Test func everyAcronymIsWrittenOutBeforeItsFirstUseInFrench() {
        for (_, facts) in Self.generatedFacts().prefix(200) {
            let text = Self.plainText(ReferralSlip.page(Self.slip(facts).sections, titleKey: "title", Self.catalogues.french, translation: false).rendered)
            for (acronym, full) in [("CCAS", "Centre communal d'action sociale (CCAS)"), ("MDS", "Solidarités (MDS)"),
                                    ("CNIL", "Commission nationale de l'informatique et des libertés (CNIL)"), ("CAIO", "(CAIO)"),
                                    ("MDPH", "(MDPH)"), ("RSA", "(RSA)"), ("PLAJe", "(PLAJe)")] {
                guard let first = text.range(of: acronym) else { continue }
                let spelled = text.range(of: full)
                #expect(spelled != nil && spelled!.upperBound >= first.upperBound && spelled!.lowerBound <= first.lowerBound,
                        "\(facts.reference): \(acronym) used before « \(full) »")
            }
        }
    }

    @Test func aResidentOfAnotherCommuneIsNeverSentToBordeauxsServices() {
        let outside = Self.generatedFacts().map(\.facts).filter { $0.commune != nil }
        #expect(outside.count > 20)
        for facts in outside {
            let text = Self.plainText(ReferralSlip.page(Self.slip(facts).sections, titleKey: "title", Self.catalogues.french, translation: false).rendered)
            #expect(!text.contains("c'est le CCAS de Bordeaux qui vous accompagne") && !text.contains("de votre quartier"), "\(facts.reference)")
            #expect(text.contains("de votre commune qui vous accompagne") || text.contains("dont dépend votre commune"), "\(facts.reference)")
            if let commune = facts.commune, !commune.isEmpty, facts.destination == nil {
                #expect(text.contains("Adressez-vous à ce service pour votre commune : \(commune)."))
            }
            if facts.commune == "" { #expect(!text.contains("Adressez-vous à ce service pour votre commune :")) }
        }
    }

    @Test func theSlipCarriesTheReferenceFirstNameAndInitialButNoBirthDatePhoneOrHousehold() {
        let (_, facts) = Self.generatedFacts()[3]
        let text = Self.text(facts)
        #expect(text.contains("Cette fiche est pour Élodie D."))
        #expect(!text.contains("Durand"))
        #expect(PersonSlip.shortName(first: " Inès ", last: "lefebvre") == "Inès L")
    }

    @Test func aMissingAddressOrHourBecomesOnePlainSentenceWithTheDeskContact() {
        var (_, facts) = Self.generatedFacts()[0]
        facts.destination = .init(name: "MDS Bastide", address: nil, phone: nil, openingHours: nil, accessibility: nil)
        facts.desk = .init(name: "CCAS – Cité Municipale", address: "4 rue Claude Bonnier, 33000 Bordeaux", phone: "05 56 11 22 33")
        facts.booking = nil
        facts.language = nil
        let text = Self.text(facts)
        #expect(text.contains("L'accueil vous indique l'adresse et les horaires."))
        #expect(text.contains("Aucun rendez-vous n'est encore fixé."))
        #expect(text.contains("Si vous ne pouvez pas venir, prévenez l'accueil qui vous a reçu(e)."))
        #expect(text.contains("05 56 11 22 33") && text.contains("4 rue Claude Bonnier"))
        #expect(!text.contains("Horaires") && text.components(separatedBy: "Téléphone").count == 2, "no label without a value (the one phone is the desk's)")

        facts.destination = .init(name: "MDS Bastide", address: "1 rue X", phone: "05 57 00 00 01", openingHours: "9 h – 17 h", accessibility: nil)
        let complete = Self.text(facts)
        #expect(!complete.contains("L'accueil vous indique l'adresse"))
        #expect(complete.contains("Appelez ce service pour en prendre un.") && complete.contains("appelez le 05 57 00 00 01"))
    }

    @Test func theBookingSaysWhereWhenThePermanenceIsHeldElsewhereAndNeverPrintsABlankTime() {
        var (_, facts) = Self.generatedFacts()[1]
        facts.language = nil
        facts.destination = .init(name: "CCAS – Cité Municipale", address: "4 rue Claude Bonnier, 33000 Bordeaux")
        facts.booking = .init(kind: .permanence, date: LocalDate(iso: "2026-12-01")!, time: "9h du matin",
                              place: .init(name: "MDS Saint-Michel", address: "1 place X, Bordeaux"))
        let text = Self.text(facts)
        #expect(text.contains("Venez à la permanence sans rendez-vous le mardi 1er décembre 2026."), "a malformed time is left out")
        #expect(text.contains("MDS Saint-Michel") && text.contains("1 place X, Bordeaux"))
        facts.booking = .init(kind: .appointment, date: LocalDate(iso: "2026-12-02")!, time: nil, place: nil)
        let appointment = Self.text(facts)
        #expect(appointment.contains("Votre rendez-vous est le mercredi 2 décembre 2026."))
        #expect(!appointment.contains(" à ."))
        facts.firstName = ""
        facts.lastName = ""
        #expect(!Self.text(facts).contains("Cette fiche est pour"), "an erased file leaves no empty name line")
    }

    @Test func placeholdersAreFilledInOnePass() throws {
        let catalogue = try SlipCatalogue(tag: "fr", json: Data(#"{"t": "{a} puis {b}"}"#.utf8))
        #expect(catalogue.text("t", ["a": "{b}", "b": "deux"]) == "{b} puis deux")
    }

    @Test func aSensitiveMotiveIsNeverNamedAndItsDocumentsAreNotListed() {
        #expect(Self.motives.motive("violences-intrafamiliales")?.sensitive == true)
        #expect(Self.motives.printable(["violences-intrafamiliales", "logement"]) == ["logement"])
        #expect(Self.catalogues.french.documentKeys(motive: "logement").count == 2)
        #expect(Self.catalogues.french.documentKeys(motive: "violences-intrafamiliales").isEmpty)
    }

    @Test func theInterpreterSentenceNamesTheLanguageInTheLanguageOfEachCopy() throws {
        var (_, facts) = Self.generatedFacts()[0]
        facts.language = IntakeLanguage(tag: "ar")
        facts.interpreterNeeded = true
        let html = ReferralSlip.render(Self.slip(facts), catalogues: Self.catalogues, language: facts.language, backLink: "/").rendered
        #expect(html.contains("Un interprète en arabe est demandé pour votre rendez-vous."))
        let arabic = try #require(Self.catalogues.translation("ar"))
        #expect(html.contains("lang=\"ar\" dir=\"rtl\""))
        #expect(html.contains(Self.escaped(ReferralSlip.sentence("interpreter.named", ["language": .language(facts.language!)], arabic))))
        #expect(html.contains(Self.escaped(arabic.text("title"))))

        facts.language = IntakeLanguage(tag: "ps")
        let pashto = Self.text(facts)
        #expect(pashto.contains("Un interprète en pachto est demandé"), "a language without translation: French only")
        #expect(!pashto.contains("lang=\"ps\""))
        facts.language = IntakeLanguage(tag: IntakeLanguage.other, otherName: "tigré")
        #expect(Self.text(facts).contains("Un interprète est demandé pour votre rendez-vous."))
    }

    static func escaped(_ text: String) -> String { HTML(escaping: text).rendered }
}
