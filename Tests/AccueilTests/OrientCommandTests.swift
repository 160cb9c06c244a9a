#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Orientation
import Testing
@testable import AccueilCore
@testable import AccueilWeb

/// `accueil orient` as a user runs it: the built binary, a request on stdin. Needs `swift build`
/// (or `swift build --build-tests`) to have produced `.build/debug/accueil`.
@Suite struct OrientCommandTests {
    typealias Run = CommandRunner.Run

    static let family = #"{"adults": 1, "date": "2026-11-26", "sector": "bastide", "children": [{"birthDate": "2023-06-01"}]}"#

    /// Runs `accueil orient` in an empty temporary directory, with `ACCUEIL_DB` pointing into it so
    /// a database opened by mistake would show up as a file.
    func orient(_ input: String, arguments: [String] = ["--resources", TestApp.repositoryRoot + "/Resources"],
                environment: [String: String] = [:]) async throws -> (Run, databaseCreated: Bool) {
        try #require(CommandRunner.isBuilt, "build the executable first: swift build")
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try await CommandRunner.run(["orient"] + arguments, stdin: input, directory: directory,
                                        environment: ["ACCUEIL_DB": directory + "/accueil.sqlite"].merging(environment) { $1 })
        let created = FileManager.default.fileExists(atPath: directory + "/accueil.sqlite") || FileManager.default.fileExists(atPath: directory + "/data")
        return (run, created)
    }

    @Test func aFamilyInBastideIsPrintedAsTheContractsJSON() async throws {
        let (run, databaseCreated) = try await orient(Self.family)
        #expect(run.status == 0)
        #expect(run.json?["service"] as? String == "MDS")
        #expect(run.json?["site"] as? String == "MDS Bastide")
        // One line: exactly the shared function's output, then a newline.
        let referential = try TerritorialReferential(json: Data(contentsOf: URL(fileURLWithPath: TestApp.repositoryRoot + "/Resources/referential/territory.json")))
        let expected = try evaluateOrientation(json: Data(Self.family.utf8), today: LocalDate(year: 2000, month: 1, day: 1)!, router: OrientationRouter(referential: referential)).get()
        #expect(run.stdout == String(decoding: expected, as: UTF8.self) + "\n")
        #expect(run.stderr.isEmpty)
        #expect(!databaseCreated, "accueil orient must not open the database")
    }

    @Test func aResidentOfAnotherCommuneIsAnsweredFromTheShippedCommuneTable() async throws {
        let (run, _) = try await orient(#"{"adults": 1, "date": "2026-11-26", "commune": "33281"}"#)
        #expect(run.status == 0)
        #expect(run.json?["horsBordeaux"] as? Bool == true && run.json?["siteId"] is NSNull)
        let commune = run.json?["commune"] as? [String: Any]
        #expect(commune?["name"] as? String == "Mérignac" && commune?["toConfirm"] as? Bool == true)
        let (unknown, _) = try await orient(#"{"adults": 1, "commune": "33999"}"#)
        #expect(unknown.status == 2 && unknown.json?["field"] as? String == "commune")
    }

    @Test func theResourcesDirectoryCanComeFromTheEnvironment() async throws {
        let (run, _) = try await orient(#"{"adults": 2, "date": "2026-11-26"}"#, arguments: [],
                                  environment: ["ACCUEIL_RESOURCES": TestApp.repositoryRoot + "/Resources"])
        #expect(run.status == 0)
        #expect(run.json?["service"] as? String == "CCAS")
    }

    @Test(arguments: [
        (#"{"adults": 13}"#, "adults"),
        (#"{"adults": 1, "sector": "atlantis"}"#, "sector"),
        (#"{"adults": 1, "children": [{"birthDate": "2023-02-30"}]}"#, "children[0].birthDate"),
    ])
    func anInvalidRequestExits2WithTheFieldOnStdout(_ input: String, _ field: String) async throws {
        let (run, databaseCreated) = try await orient(input)
        #expect(run.status == 2)
        #expect(run.json?["field"] as? String == field)
        #expect((run.json?["error"] as? String)?.isEmpty == false)
        #expect(!databaseCreated)
    }

    @Test func aBodyThatIsNotJSONExits2WithANullField() async throws {
        let (run, _) = try await orient("adults=1")
        #expect(run.status == 2)
        #expect(run.json?["field"] is NSNull)
    }

    @Test func anUnreadableReferentialExits1AndPrintsNothingOnStdout() async throws {
        let (run, _) = try await orient(Self.family, arguments: ["--resources", "/nonexistent"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("/nonexistent/referential/territory.json"))
    }

    @Test func helpDescribesTheCommand() async throws {
        let (run, _) = try await orient("", arguments: ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("accueil orient"))
        #expect(run.stdout.contains("Code de sortie"))
    }
}
