import Foundation
import Orientation
import SQLiteStore

/// The small street and commune tables shipped for the demo and the tests. The real tables are
/// supplied by the institutions and imported by an administrator; these are loaded only in demo
/// mode, once, under a source that says what they are, and the communes are all « à confirmer ».
package enum TerritoryFixtures {
    package static let streetsFile = "referential/voies-demo.csv"
    package static let communesFile = "referential/communes-demo.csv"
    package static let source = "Table de démonstration livrée avec l'application, à remplacer par la table fournie par les institutions"

    package struct Invalid: Error, CustomStringConvertible {
        package let description: String
    }

    /// The shipped commune table, for `accueil orient` without a database.
    package static func communes(_ configuration: AppConfiguration) throws -> [CommuneServices] {
        switch CommuneTableFile.read(try csv(configuration, communesFile)) {
        case .success(let lines): return lines.map(\.commune)
        case .failure(let refusal): throw Invalid(description: "\(communesFile) : \(refusal.lines.map(\.text).joined(separator: " "))")
        }
    }

    /// Imports both tables in an empty demo database (nothing is done once any table was imported).
    package static func seedOnce(_ db: Connection, configuration: AppConfiguration, referential: TerritorialReferential, at now: Int64) throws {
        guard (try db.int("SELECT count(*) FROM territory_imports") ?? 0) == 0 else { return }
        let sectors = Set(referential.sectors.map(\.key))
        func origin(_ file: String) -> TerritoryTables.Origin {
            .init(fileName: (file as NSString).lastPathComponent, source: source, replacesFrom: nil, accountID: nil, at: now)
        }
        guard case .success(let streets) = StreetTableFile.read(try csv(configuration, streetsFile), sectors: sectors),
              case .success(let communes) = CommuneTableFile.read(try csv(configuration, communesFile))
        else { throw Invalid(description: "Les tables de démonstration \(streetsFile) et \(communesFile) sont invalides.") }
        _ = try TerritoryTables.importStreets(db, streets, origin(streetsFile))
        _ = try TerritoryTables.importCommunes(db, communes, origin(communesFile))
    }

    private static func csv(_ configuration: AppConfiguration, _ file: String) throws -> CSVReader {
        let path = configuration.resourcesDirectory + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else { throw Invalid(description: "Fichier introuvable : \(path)") }
        do { return try CSVReader(bytes: Array(data)) } catch { throw Invalid(description: "\(path) : \(error.message)") }
    }
}
