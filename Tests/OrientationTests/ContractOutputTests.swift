import Foundation
import Testing
import Orientation

/// The JSON contract's answers, compared with the exact expected objects.
@Suite("JSON contract: output")
struct ContractOutputTests {
    func evaluate(_ body: String, today: LocalDate = Fixtures.today) throws -> String {
        let result = evaluateOrientation(json: Data(body.utf8), today: today, router: OrientationRouter(referential: try Fixtures.referential()))
        return String(decoding: try result.get(), as: UTF8.self)
    }

    /// Parses both sides so the comparison ignores nothing but whitespace.
    func expectSameJSON(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let lhs = try JSONSerialization.jsonObject(with: Data(actual.utf8)) as? NSDictionary
        let rhs = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSDictionary
        #expect(lhs != nil && lhs == rhs, "\(actual)", sourceLocation: sourceLocation)
    }

    @Test("couple without child: exact bytes, keys sorted, nulls written")
    func coupleBytes() throws {
        let output = try evaluate(#"{"adults": 2, "date": "2026-11-26"}"#)
        #expect(output == #"{"adjustments":[],"alerts":[],"circonscription":null,"commune":null,"date":"2026-11-26","derogation":false,"horsBordeaux":false,"#
            + #""reasons":["Couple sans enfant mineur (à charge ou vivant en France) ni grossesse : la situation relève du CCAS, qui accompagne les personnes seules ou en couple sans enfant mineur.","#
            + #""Lieu d'accueil du CCAS : CCAS – Cité Municipale, 4 rue Claude Bonnier, 33000 Bordeaux."],"#
            + #""service":"CCAS","site":"CCAS – Cité Municipale","siteId":"ccas-cite-municipale","suggestions":[]}"#)
    }

    @Test("child of 3 in charge, sector Bastide, with an alert")
    func familyBastide() throws {
        let output = try evaluate("""
            {"adults": 1, "date": "2026-11-26", "sector": "bastide", "childInDanger": true, "rsa": true,
             "children": [{"birthDate": "2023-06-01"}]}
            """)
        try expectSameJSON(output, """
            {"adjustments": [], "alerts": ["CRIP"], "circonscription": "Sud", "commune": null, "date": "2026-11-26", "derogation": false, "horsBordeaux": false,
             "reasons": [
               "Le foyer a un enfant mineur à charge (3 ans au 26/11/2026) : le Département accompagne les parents d'enfants mineurs, orientation vers la MDS.",
               "Secteur « La Bastide » : la MDS compétente au 26/11/2026 est la MDS Bastide (circonscription Sud).",
               "ALERTE – un enfant est peut-être en danger : transmettre sans délai une information préoccupante à la CRIP, quelle que soit l'orientation.",
               "Bénéficiaire du RSA : orientation complémentaire vers son référent RSA."],
             "service": "MDS", "site": "MDS Bastide", "siteId": "mds-bastide", "suggestions": ["CRIP", "RSA"]}
            """)
    }

    @Test("derogation to the CCAS for a family, recorded as such")
    func derogation() throws {
        let output = try evaluate("""
            {"adults": 2, "date": "2025-03-01", "sector": "lac", "children": [{"birthDate": "2010-05-05"}],
             "derogation": {"service": "CCAS", "justification": "Accompagnement budgétaire en cours.", "agreedByPTS": "Cadre PTS", "agreedByCCAS": "Cadre CCAS"}}
            """)
        try expectSameJSON(output, """
            {"adjustments": [], "alerts": [], "circonscription": null, "commune": null, "date": "2025-03-01", "derogation": true, "horsBordeaux": false,
             "reasons": [
               "Le foyer a un enfant mineur à charge (14 ans au 01/03/2025) : le Département accompagne les parents d'enfants mineurs, orientation vers la MDS.",
               "Dérogation à la règle de répartition convenue entre le PTS (Cadre PTS) et le CCAS (Cadre CCAS), orientation vers le CCAS de Bordeaux au lieu de la MDS (Département de la Gironde). Justification : « Accompagnement budgétaire en cours. ».",
               "Lieu d'accueil du CCAS : CCAS – Cité Municipale, 4 rue Claude Bonnier, 33000 Bordeaux."],
             "service": "CCAS", "site": "CCAS – Cité Municipale", "siteId": "ccas-cite-municipale", "suggestions": []}
            """)
    }

    @Test("homeless family without sector: MDS, no site, CAIO")
    func homelessFamily() throws {
        let output = try evaluate(#"{"adults": 1, "homeless": true, "children": [{"birthDate": "2021-01-01"}]}"#)
        try expectSameJSON(output, """
            {"adjustments": [], "alerts": [], "circonscription": null, "commune": null, "date": "2026-11-26", "derogation": false, "horsBordeaux": false,
             "reasons": [
               "Le foyer a un enfant mineur à charge (5 ans au 26/11/2026) : le Département accompagne les parents d'enfants mineurs, orientation vers la MDS.",
               "Personne sans domicile et sans secteur renseigné : la MDS ne peut pas être désignée (la convention ne dit pas laquelle). Si la personne a une adresse de domiciliation, renseigner le secteur de cette adresse (choix local) ; en attendant, les assistants sociaux des MDS reçoivent chaque après-midi à la Cité Municipale.",
               "Personne sans domicile : orientation complémentaire vers le CAIO (accueil et orientation des personnes sans domicile)."],
             "service": "MDS", "site": null, "siteId": null, "suggestions": ["CAIO"]}
            """)
    }

    @Test("without a date, the caller's today is used")
    func defaultDate() throws {
        let body = #"{"adults": 1, "children": [{"birthDate": "2008-11-26"}], "sector": "centre"}"#
        #expect(try evaluate(body, today: day("2026-11-25")).contains(#""service":"MDS""#))
        #expect(try evaluate(body, today: day("2026-11-26")).contains(#""service":"CCAS""#))
        #expect(try evaluate(body, today: day("2026-11-26")).contains(#""date":"2026-11-26""#))
    }

    @Test("child defaults: in charge, in France, no ASE measure; nulls mean absent")
    func defaults() throws {
        let request = try OrientationRequest(json: Data("""
            {"adults": 1, "children": [{"birthDate": "2020-01-01"}], "sector": null, "age": null,
             "alreadyFollowedBy": null, "derogation": null, "pregnant": null}
            """.utf8))
        #expect(request.date == nil)
        #expect(request.household == Household(adults: 1, children: [Child(birthDate: day("2020-01-01"))]))
        let full = try OrientationRequest(json: Data("""
            {"date": "2025-01-02", "adults": 2, "pregnant": true, "requestConcernsChild": true, "homeless": true,
             "age": 30, "disability": true, "childInDanger": true, "rsa": true, "sector": "lac", "alreadyFollowedBy": "MDS",
             "children": [{"birthDate": "2010-01-01", "inCharge": false, "livesInFrance": false, "aseMeasure": true}],
             "derogation": {"service": "CCAS", "justification": "j", "agreedByPTS": "a", "agreedByCCAS": "b"}}
            """.utf8))
        #expect(full.date == day("2025-01-02"))
        #expect(full.household == Household(
            adults: 2, pregnant: true,
            children: [Child(birthDate: day("2010-01-01"), inCharge: false, livesInFrance: false, aseMeasure: true)],
            requestConcernsChild: true, homeless: true, age: 30, disability: true, childInDanger: true, rsa: true,
            sector: "lac", alreadyFollowedBy: .mds, derogation: Derogation(service: .ccas, justification: "j", agreedByPTS: "a", agreedByCCAS: "b")))
    }

    @Test("pretty printing changes whitespace only")
    func pretty() throws {
        let body = Data(#"{"adults": 2, "age": 70}"#.utf8)
        let referential = try Fixtures.referential()
        let compact = try evaluateOrientation(json: body, today: Fixtures.today, router: OrientationRouter(referential: referential)).get()
        let pretty = try evaluateOrientation(json: body, today: Fixtures.today, router: OrientationRouter(referential: referential), prettyPrinted: true).get()
        #expect(pretty != compact)
        try expectSameJSON(String(decoding: pretty, as: UTF8.self), String(decoding: compact, as: UTF8.self))
    }
}
