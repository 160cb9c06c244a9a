import Foundation
import Testing
import Orientation

/// The commune of residence: Bordeaux's services for Bordeaux, the commune's own services otherwise
/// (Article 3), Bordeaux's by derogation only for a commune the table does not know.
@Suite("Residence: Bordeaux or another commune")
struct ResidenceTests {
    static let merignac = CommuneServices(
        inseeCode: "33281", name: "Mérignac",
        ccas: PublicService(name: "CCAS de Mérignac", address: "1 place de l'Exemple, 33700 Mérignac", phone: "05 00 00 00 00"),
        mds: PublicService(name: "MDS de l'exemple"), period: Period(from: day("2023-01-01"), to: day("2026-12-31")), toConfirm: false)
    static let derogation = Derogation(service: .ccas, justification: "Hébergée chez sa sœur à Bordeaux.", agreedByPTS: "Cadre PTS", agreedByCCAS: "Cadre CCAS")

    func router() throws -> OrientationRouter {
        OrientationRouter(referential: try Fixtures.referential(), communes: [Self.merignac])
    }

    @Test("a person alone in Mérignac: the CCAS of Mérignac, not the CCAS de Bordeaux")
    func aloneOutside() throws {
        let decision = try router().orient(Household(adults: 1, age: 22, commune: "33281"), on: Fixtures.today)
        #expect(decision.service == .ccas && decision.isOutsideBordeaux)
        #expect(decision.siteID == nil && decision.site == "CCAS de Mérignac" && decision.circonscription == nil)
        #expect(decision.rules.contains(.outsideBordeaux) && !decision.rules.contains(.ccasSite))
        #expect(decision.reasons.contains { $0.contains("Mérignac (33281), hors Bordeaux") && $0.contains("05 00 00 00 00") })
        // The PLAJe is the CCAS de Bordeaux's own youth service.
        #expect(!decision.suggestions.contains(.plaje))
        // Unconfirmed details stay in the table: the reasons (kept, and given in an access report) do not carry them.
        let unconfirmed = CommuneServices(inseeCode: "33281", name: "Mérignac", ccas: Self.merignac.ccas, mds: Self.merignac.mds,
                                          period: Self.merignac.period, toConfirm: true)
        let cautious = try OrientationRouter(referential: try Fixtures.referential(), communes: [unconfirmed])
            .orient(Household(adults: 1, age: 40, commune: "33281"), on: Fixtures.today)
        #expect(cautious.reasons.allSatisfy { !$0.contains("05 00 00 00 00") && !$0.contains("place de l'Exemple") })
    }

    @Test("a family in Mérignac: the MDS serving Mérignac (the user's rule holds outside Bordeaux too)")
    func familyOutside() throws {
        let household = Household(adults: 1, children: [child("2020-01-01")], sector: nil, commune: "33281")
        let decision = try router().orient(household, on: Fixtures.today)
        #expect(decision.service == .mds && decision.commune == Self.merignac && decision.site == "MDS de l'exemple")
        #expect(decision.rules.first == .minorChildInCharge)
    }

    @Test("Bordeaux's code and no commune at all give the same decision")
    func bordeauxCode() throws {
        let household = Household(adults: 2, sector: "bastide")
        var coded = household
        coded.commune = Commune.bordeaux
        #expect(try router().orient(household, on: Fixtures.today) == (try router().orient(coded, on: Fixtures.today)))
        #expect(try !router().orient(coded, on: Fixtures.today).isOutsideBordeaux)
    }

    @Test("a commune outside the table (or outside its row's period) needs a derogation, which leads to Bordeaux's services")
    func unknownCommune() throws {
        #expect(throws: OrientationError.unknownCommune("33318")) {
            try router().orient(Household(adults: 1, commune: "33318"), on: Fixtures.today)
        }
        // The Mérignac row ends on 2026-12-31.
        #expect(throws: OrientationError.unknownCommune("33281")) {
            try router().orient(Household(adults: 1, commune: "33281"), on: day("2027-01-04"))
        }
        var household = Household(adults: 1, commune: "33318")
        household.derogation = Self.derogation
        let decision = try router().orient(household, on: Fixtures.today)
        #expect(decision.service == .ccas && decision.siteID == "ccas-cite-municipale" && !decision.isOutsideBordeaux)
        #expect(decision.rules.first == .outsideBordeauxByDerogation && decision.isDerogation)
        #expect(decision.reasons[0].contains("absente de la table des communes"))
    }

    @Test("the contract carries the commune: checked, stored byte for byte, answered with the commune's services")
    func contract() throws {
        let request = try OrientationRequest(json: Data(#"{"adults": 1, "commune": "33281", "date": "2026-11-26"}"#.utf8))
        #expect(request.household.commune == "33281")
        #expect(request.jsonText.contains(#""commune":"33281""#))
        #expect(try OrientationRequest(json: Data(request.jsonText.utf8)) == request)
        #expect(throws: OrientationRequestError.self) { try OrientationRequest(json: Data(#"{"adults": 1, "commune": "Mérignac"}"#.utf8)) }
        let answer = try evaluateOrientation(json: Data(#"{"adults": 1, "commune": "33281", "date": "2026-11-26"}"#.utf8),
                                             today: Fixtures.today, router: router()).get()
        let json = try #require(try JSONSerialization.jsonObject(with: answer) as? [String: Any])
        #expect(json["horsBordeaux"] as? Bool == true && json["siteId"] is NSNull)
        let commune = try #require(json["commune"] as? [String: Any])
        #expect(commune["code"] as? String == "33281" && commune["toConfirm"] as? Bool == false)
        #expect((commune["ccas"] as? [String: Any])?["phone"] as? String == "05 00 00 00 00")
        #expect((commune["mds"] as? [String: Any])?["address"] is NSNull)
        guard case .failure(let error) = evaluateOrientation(json: Data(#"{"adults": 1, "commune": "33318"}"#.utf8), today: Fixtures.today, router: try router()) else {
            Issue.record("an unknown commune must be refused")
            return
        }
        #expect(error.field == "commune" && error.message.contains("par une dérogation"))
    }

    @Test("INSEE codes: five characters, 2A/2B for Corsica")
    func codes() {
        #expect(Commune.isValidCode("33063") && Commune.isValidCode("2A004") && Commune.isValidCode("2B033"))
        #expect(!Commune.isValidCode("3306") && !Commune.isValidCode("33 63") && !Commune.isValidCode("2C004") && !Commune.isValidCode("33O63"))
    }
}
