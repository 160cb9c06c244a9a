import Foundation
import Testing
import Orientation

/// The JSON contract refuses bad input with a French message naming the field.
@Suite("JSON contract: errors")
struct ContractErrorTests {
    static let rows: [(String, String?, String)] = [
        // (body, field, a fragment the message must contain)
        ("{}", "adults", "obligatoire"),
        (#"{"adults": null}"#, "adults", "obligatoire"),
        (#"{"adults": 13}"#, "adults", "entre 1 et 12 (reçu : 13)"),
        (#"{"adults": 0}"#, "adults", "entre 1 et 12"),
        (#"{"adults": 1, "children": [\#(Array(repeating: #"{"birthDate": "2020-01-01"}"#, count: 21).joined(separator: ","))]}"#, "children", "au plus 20 enfants (reçu : 21)"),
        (#"{"adults": "2"}"#, "adults", "nombre entier"),
        (#"{"adults": true}"#, "adults", "nombre entier"),
        (#"{"adults": 1.5}"#, "adults", "nombre entier"),
        (#"{"adults": 1, "date": "2024-02-30"}"#, "date", "n'existe pas"),
        (#"{"adults": 1, "date": "30/02/2024"}"#, "date", "AAAA-MM-JJ"),
        (#"{"adults": 1, "date": 20240101}"#, "date", "texte"),
        (#"{"adults": 1, "date": "2020-01-01"}"#, "date", "ne couvre pas"),
        (#"{"adults": 1, "sector": "atlantis"}"#, "sector", "Secteur inconnu : « atlantis »"),
        (#"{"adults": 1, "sector": 7}"#, "sector", "texte"),
        (#"{"adults": 1, "adult": 2}"#, "adult", "Champ inconnu : « adult »"),
        (#"{"adults": 1, "zzz": 1, "aaa": 2}"#, "aaa", "Champ inconnu"),
        (#"{"adults": 1, "pregnant": "yes"}"#, "pregnant", "true ou false"),
        (#"{"adults": 1, "pregnant": 1}"#, "pregnant", "true ou false"),
        (#"{"adults": 1, "homeless": "false"}"#, "homeless", "true ou false"),
        (#"{"adults": 1, "age": 131}"#, "age", "entre 0 et 130"),
        (#"{"adults": 1, "age": -1}"#, "age", "entre 0 et 130"),
        (#"{"adults": 1, "age": 30.5}"#, "age", "nombre entier"),
        (#"{"adults": 1, "children": {}}"#, "children", "liste"),
        (#"{"adults": 1, "children": [3]}"#, "children[0]", "objet"),
        (#"{"adults": 1, "children": [{}]}"#, "children[0].birthDate", "obligatoire"),
        (#"{"adults": 1, "children": [{"birthDate": "2020-01-01"}, {"birthDate": "2020-13-01"}]}"#, "children[1].birthDate", "n'existe pas"),
        (#"{"adults": 1, "children": [{"birthDate": "2020-01-01", "custody": true}]}"#, "children[0].custody", "Champ inconnu"),
        (#"{"adults": 1, "children": [{"birthDate": "2020-01-01", "inCharge": "oui"}]}"#, "children[0].inCharge", "true ou false"),
        (#"{"adults": 1, "date": "2026-11-26", "children": [{"birthDate": "2027-01-01"}]}"#, "children[0].birthDate", "postérieure"),
        (#"{"adults": 1, "alreadyFollowedBy": "CAF"}"#, "alreadyFollowedBy", "\"CCAS\" ou \"MDS\""),
        (#"{"adults": 1, "alreadyFollowedBy": "ccas"}"#, "alreadyFollowedBy", "\"CCAS\" ou \"MDS\""),
        (#"{"adults": 1, "derogation": true}"#, "derogation", "objet"),
        (#"{"adults": 1, "derogation": {"justification": "x", "agreedByPTS": "y", "agreedByCCAS": "z"}}"#, "derogation.service", "obligatoire"),
        (#"{"adults": 1, "derogation": {"service": "CAF", "justification": "x", "agreedByPTS": "y", "agreedByCCAS": "z"}}"#, "derogation.service", "\"CCAS\" ou \"MDS\""),
        (#"{"adults": 1, "derogation": {"service": "MDS", "agreedByPTS": "y", "agreedByCCAS": "z"}}"#, "derogation.justification", "justifiée par écrit"),
        (#"{"adults": 1, "derogation": {"service": "MDS", "justification": " ", "agreedByPTS": "y", "agreedByCCAS": "z"}}"#, "derogation.justification", "justifiée par écrit"),
        (#"{"adults": 1, "derogation": {"service": "MDS", "justification": "x", "agreedByCCAS": "z"}}"#, "derogation.agreedByPTS", "obligatoire"),
        (#"{"adults": 1, "derogation": {"service": "MDS", "justification": "x", "agreedByPTS": "y"}}"#, "derogation.agreedByCCAS", "obligatoire"),
        (#"{"adults": 1, "derogation": {"service": "MDS", "justification": "x", "agreedByPTS": "", "agreedByCCAS": "z"}}"#, "derogation.agreedByPTS", "pour le PTS"),
        (#"{"adults": 1, "derogation": {"service": "MDS", "justification": "x", "agreedByPTS": "y", "agreedByCCAS": " "}}"#, "derogation.agreedByCCAS", "pour le CCAS"),
        // The single name of the former contract is refused: both institutions are named.
        (#"{"adults": 1, "derogation": {"service": "MDS", "justification": "x", "agreedBy": "y"}}"#, "derogation.agreedBy", "Champ inconnu"),
        (#"{"adults": 1, "derogation": {"service": "MDS", "justification": "x", "agreedByPTS": "y", "agreedByCCAS": "z", "by": "w"}}"#, "derogation.by", "Champ inconnu"),
        // Only the first problem is reported, in a documented order.
        (#"{"adults": 13, "foo": 1}"#, "foo", "Champ inconnu"),
        (#"{"adults": 1, "age": 200, "pregnant": "x"}"#, "pregnant", "true ou false"),
        (#"{"adults": 1, "age": 200, "sector": "atlantis"}"#, "age", "entre 0 et 130"),
        ("[1, 2]", nil, "objet JSON"),
        ("\"adults\"", nil, "objet JSON"),
        ("not json", nil, "JSON valide"),
        ("", nil, "JSON valide"),
        (#"{"adults": 1"#, nil, "JSON valide"),
    ]

    @Test(arguments: rows)
    func refused(body: String, field: String?, fragment: String) throws {
        let result = evaluateOrientation(json: Data(body.utf8), today: Fixtures.today, router: OrientationRouter(referential: try Fixtures.referential()))
        guard case .failure(let error) = result else {
            Issue.record("expected a refusal for \(body)")
            return
        }
        #expect(error.field == field)
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test("the error body is {\"error\", \"field\"} with sorted keys")
    func errorBody() throws {
        let referential = try Fixtures.referential()
        guard case .failure(let error) = evaluateOrientation(json: Data(#"{"adults": 13}"#.utf8), today: Fixtures.today, router: OrientationRouter(referential: referential)) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(String(decoding: error.jsonData, as: UTF8.self)
                == #"{"error":"Le champ « adults » doit être compris entre 1 et 12 (reçu : 13).","field":"adults"}"#)
        guard case .failure(let whole) = evaluateOrientation(json: Data("nope".utf8), today: Fixtures.today, router: OrientationRouter(referential: referential)) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(String(decoding: whole.jsonData, as: UTF8.self)
                == #"{"error":"Le corps de la requête n'est pas un JSON valide.","field":null}"#)
    }
}
