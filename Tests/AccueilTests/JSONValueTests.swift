import Foundation
import Testing
@testable import AccueilCore

/// The hand-written JSON of the figures: sorted keys, escaped strings, numbers that read back, and
/// text Foundation's own parser accepts.
@Suite struct JSONValueTests {
    @Test func writesSortedEscapedJSONThatParsesBack() throws {
        let value = JSONValue.object([
            "zeta": .array([.int(1), .double(0.4706), .double(2), .null, .bool(true)]),
            "alpha": .string("« guillemets » \"et\" \\ retour\nligne \u{1}"),
            "mid": .object(["b": .optional(nil), "a": .optional("x")]),
            "nan": .double(.nan),
        ])
        #expect(value.text == #"{"alpha":"« guillemets » \"et\" \\ retour\nligne \u0001","mid":{"a":"x","b":null},"nan":null,"zeta":[1,0.4706,2,null,true]}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(value.bytes)) as? [String: Any])
        #expect(parsed["alpha"] as? String == "« guillemets » \"et\" \\ retour\nligne \u{1}")
        #expect((parsed["zeta"] as? [Any])?[1] as? Double == 0.4706)
    }
}
