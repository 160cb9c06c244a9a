import Foundation
import Testing

/// Domain values are enums with one mapping each (their raw values, bound as SQL parameters): their
/// stored spellings appear nowhere else in the application's code. A literal slipped into a page,
/// a query or a comparison fails here, with the file and line.
@Suite struct DomainLiteralTests {
    /// The stored spellings of service, orientation status, booking kind, channel and permanence mode.
    static let spellings = ["ouverte", "honoree", "non_honoree", "excusee", "reorientee", "rendez_vous", "sans_rendez_vous",
                            "CCAS", "MDS", "sur_place", "courriel"]

    /// Where the mappings live: each enum's raw values and labels, and the SQL schema with its migrations.
    static let mappings: Set<String> = [
        "AccueilCore/Intake/OrientationRecord.swift", "AccueilCore/Intake/BookingKind.swift", "AccueilCore/Intake/IntakeChannel.swift",
        "AccueilCore/Intake/Service+Names.swift", "AccueilCore/Intake/Outreach.swift", "AccueilCore/Accounts/Role.swift", "AccueilCore/Accounts/SiteKind+Label.swift",
        "AccueilCore/PlanningData/PermanenceModeKind.swift", "AccueilCore/Persistence/Schema.swift",
        // The data·inclusion schema's own field names (its « courriel » is a contact, not a channel).
        "AccueilCore/Directory/DirectoryRecords.swift",
    ]

    @Test func storedSpellingsAppearOnlyInTheirMappings() throws {
        let sources = TestApp.repositoryRoot + "/Sources/"
        var found: [String] = []
        for target in ["AccueilCore", "AccueilWeb", "accueil"] {
            let files = FileManager.default.enumerator(atPath: sources + target)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            #expect(!files.isEmpty, "\(target) has Swift files")
            for file in files where !Self.mappings.contains("\(target)/\(file)") {
                let text = try String(contentsOfFile: sources + target + "/" + file, encoding: .utf8)
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where !line.drop { $0 == " " }.hasPrefix("//") {
                    for spelling in Self.spellings where line.contains("\"\(spelling)\"") || line.contains("'\(spelling)'") {
                        found.append("\(target)/\(file):\(index + 1) \(spelling)")
                    }
                }
            }
        }
        #expect(found.isEmpty, "stored spellings outside their mapping: \(found)")
    }
}
