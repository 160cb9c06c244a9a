import Foundation
import Testing
import Orientation

/// Hand-built bad referentials: each must be refused with the error that names the problem.
@Suite("Territorial referential validation")
struct ReferentialValidationTests {
    static let sites = """
        {"id": "mds-a", "name": "MDS A", "kind": "mds", "circonscription": "c1", "address": "1 rue A",
         "openingHours": "9h-17h", "accessibility": "PMR", "validFrom": "2023-01-01", "validTo": null},
        {"id": "mds-old", "name": "MDS Ancienne", "kind": "mds", "circonscription": "c1", "address": "2 rue B",
         "openingHours": "9h-17h", "accessibility": "PMR", "validFrom": "2023-01-01", "validTo": "2023-12-31"},
        {"id": "ant-a", "name": "Antenne A", "kind": "antenna", "circonscription": "c1", "parentSite": "mds-a",
         "address": "3 rue C", "openingHours": "9h-17h", "accessibility": "PMR", "validFrom": "2023-01-01"},
        {"id": "ccas", "name": "CCAS", "kind": "ccas", "address": "4 rue Claude Bonnier",
         "openingHours": "9h-17h", "accessibility": "PMR", "validFrom": "2023-01-01"}
        """

    static func json(sectors: String, sites: String = sites) -> Data {
        Data("""
            {"circonscriptions": [{"id": "c1", "name": "Centre", "validFrom": "2023-01-01"}],
             "sites": [\(sites)],
             "sectors": [\(sectors)]}
            """.utf8)
    }

    static let goodSectors = """
        {"key": "s1", "label": "Un", "assignments": [
            {"mds": "mds-old", "validFrom": "2023-01-01", "validTo": "2023-12-31"},
            {"mds": "mds-a", "validFrom": "2024-01-01"}]},
        {"key": "s2", "label": "Deux", "assignments": [{"mds": "mds-a", "validFrom": "2023-01-01"}]}
        """

    @Test("a well-formed minimal referential is accepted, in any assignment order")
    func accepted() throws {
        let referential = try TerritorialReferential(json: Self.json(sectors: Self.goodSectors))
        #expect(try referential.mds(forSector: "s1", on: day("2023-06-01")).id == "mds-old")
        #expect(try referential.mds(forSector: "s1", on: day("2024-06-01")).id == "mds-a")
        let reversed = """
            {"key": "s1", "label": "Un", "assignments": [
                {"mds": "mds-a", "validFrom": "2024-01-01"},
                {"mds": "mds-old", "validFrom": "2023-01-01", "validTo": "2023-12-31"}]}
            """
        #expect(throws: Never.self) { try TerritorialReferential(json: Self.json(sectors: reversed)) }
    }

    static let bad: [(String, Data, ReferentialError)] = [
        ("overlapping periods",
         json(sectors: """
            {"key": "s1", "label": "Un", "assignments": [
                {"mds": "mds-old", "validFrom": "2023-01-01", "validTo": "2023-12-31"},
                {"mds": "mds-a", "validFrom": "2023-12-01"}]}
            """),
         .overlappingPeriods(sector: "s1", on: day("2023-12-01"))),
        ("an open period followed by another",
         json(sectors: """
            {"key": "s1", "label": "Un", "assignments": [
                {"mds": "mds-a", "validFrom": "2023-01-01"},
                {"mds": "mds-a", "validFrom": "2024-01-01"}]}
            """),
         .overlappingPeriods(sector: "s1", on: day("2024-01-01"))),
        ("unknown MDS",
         json(sectors: #"{"key": "s1", "label": "Un", "assignments": [{"mds": "mds-ghost", "validFrom": "2023-01-01"}]}"#),
         .unknownMDS(sector: "s1", mds: "mds-ghost")),
        ("sector mapped to an antenna",
         json(sectors: #"{"key": "s1", "label": "Un", "assignments": [{"mds": "ant-a", "validFrom": "2023-01-01"}]}"#),
         .notAnMDS(sector: "s1", site: "ant-a")),
        ("sector mapped to a closed MDS",
         json(sectors: #"{"key": "s1", "label": "Un", "assignments": [{"mds": "mds-old", "validFrom": "2023-01-01"}]}"#),
         .mdsClosed(sector: "s1", mds: "mds-old")),
        ("gap between periods",
         json(sectors: """
            {"key": "s1", "label": "Un", "assignments": [
                {"mds": "mds-old", "validFrom": "2023-01-01", "validTo": "2023-11-30"},
                {"mds": "mds-a", "validFrom": "2024-01-01"}]}
            """),
         .coverageGap(sector: "s1", from: day("2023-12-01"))),
        ("a sector that stops being mapped",
         json(sectors: #"{"key": "s1", "label": "Un", "assignments": [{"mds": "mds-old", "validFrom": "2023-01-01", "validTo": "2023-12-31"}]}"#),
         .coverageGap(sector: "s1", from: day("2024-01-01"))),
        ("a sector that starts after the others",
         json(sectors: goodSectors + #", {"key": "s3", "label": "Trois", "assignments": [{"mds": "mds-a", "validFrom": "2024-01-01"}]}"#),
         .coverageGap(sector: "s3", from: day("2023-01-01"))),
        ("a sector without assignment",
         json(sectors: goodSectors + #", {"key": "s3", "label": "Trois", "assignments": []}"#),
         .emptySector("s3")),
        ("duplicate sector key",
         json(sectors: goodSectors + #", {"key": "s2", "label": "Deux bis", "assignments": [{"mds": "mds-a", "validFrom": "2023-01-01"}]}"#),
         .duplicateID("s2")),
        ("duplicate site id",
         json(sectors: goodSectors, sites: sites + #", {"id": "mds-a", "name": "Bis", "kind": "mds", "circonscription": "c1", "address": "x", "openingHours": "x", "accessibility": "x", "validFrom": "2023-01-01"}"#),
         .duplicateID("mds-a")),
        ("no CCAS site",
         json(sectors: goodSectors, sites: sites.replacingOccurrences(of: #""kind": "ccas""#, with: #""kind": "pmi-reception""#)),
         .ccasSiteCount(0)),
        ("MDS without circonscription",
         json(sectors: goodSectors, sites: sites.replacingOccurrences(of: #""kind": "mds", "circonscription": "c1", "address": "1 rue A""#,
                                                                      with: #""kind": "mds", "address": "1 rue A""#)),
         .missingCirconscription(site: "mds-a")),
        ("unknown circonscription",
         json(sectors: goodSectors, sites: sites.replacingOccurrences(of: #""circonscription": "c1", "parentSite""#,
                                                                      with: #""circonscription": "c9", "parentSite""#)),
         .unknownCirconscription(site: "ant-a", circonscription: "c9")),
        ("antenna attached to a non-MDS",
         json(sectors: goodSectors, sites: sites.replacingOccurrences(of: #""parentSite": "mds-a""#, with: #""parentSite": "ccas""#)),
         .unknownParentSite(site: "ant-a", parent: "ccas")),
        ("period ending before it starts",
         json(sectors: goodSectors, sites: sites.replacingOccurrences(of: #""validTo": "2023-12-31""#, with: #""validTo": "2022-12-31""#)),
         .invalidPeriod(id: "mds-old")),
        ("no sectors", json(sectors: ""), .noSectors),
    ]

    @Test(arguments: bad)
    func refused(name: String, json: Data, expected: ReferentialError) {
        #expect(throws: expected, "\(name)") { try TerritorialReferential(json: json) }
        #expect(!expected.description.isEmpty)
    }

    @Test("malformed JSON or an impossible date is refused as malformed", arguments: [
        "not json", "{}",
        String(decoding: json(sectors: goodSectors), as: UTF8.self).replacingOccurrences(of: "2024-01-01", with: "2024-02-30"),
        String(decoding: json(sectors: goodSectors), as: UTF8.self).replacingOccurrences(of: #""kind": "antenna""#, with: #""kind": "castle""#),
    ])
    func malformed(text: String) {
        do {
            _ = try TerritorialReferential(json: Data(text.utf8))
            Issue.record("expected a refusal")
        } catch {
            guard case .malformed = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }
}
