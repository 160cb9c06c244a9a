import Foundation
import Orientation

/// Shared test data: the real referential file and small builders for households.
enum Fixtures {
    /// Resources/referential/territory.json, found from this file's location so the tests read
    /// the very file the app ships, not a copy.
    static let referentialURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // OrientationTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Resources/referential/territory.json")

    private static let loaded: Result<TerritorialReferential, any Error> = Result {
        try TerritorialReferential(json: Data(contentsOf: referentialURL))
    }

    static func referential() throws -> TerritorialReferential { try loaded.get() }

    /// The default reference date of the rule tables.
    static let today = day("2026-11-26")
}

/// A date literal; crashes on a typo in a test, which is what we want.
func day(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

func child(_ birth: String, inCharge: Bool = true, livesInFrance: Bool = true, ase: Bool = false) -> Child {
    Child(birthDate: day(birth), inCharge: inCharge, livesInFrance: livesInFrance, aseMeasure: ase)
}
