import AccueilCore
import Foundation
import Orientation
import SQLiteStore

/// `accueil orient`: the orientation contract on stdin/stdout, for scripts and partner tools that
/// have no HTTP session. It evaluates with the same function as the API. The standing adjustments
/// of the rule come from the database when `--db` is given (read only), from the shipped
/// referential otherwise, so it can run anywhere the referential files are.
enum OrientCommand {
    static let help = """
        Usage : accueil orient [--resources DOSSIER] [--db FICHIER] < demande.json

        Applique la règle d'orientation CCAS / MDS à un foyer décrit par UN objet JSON lu sur
        l'entrée standard (voir docs/api.md) et écrit la décision en JSON sur la sortie standard.

        Code de sortie : 0 décision écrite ; 2 demande invalide (l'objet {"error", "field"} est
        écrit sur la sortie standard) ; 1 référentiel illisible.
        Sans « date » dans la demande, la date du jour à Paris est utilisée. Les aménagements de la
        règle convenus entre le PTS et le CCAS et la table des communes sont lus dans la base avec
        --db (sans la modifier), sinon dans le référentiel livré (referential/adjustments.json,
        referential/communes-demo.csv).

        Options :
          --resources DOSSIER  données de référence (ACCUEIL_RESOURCES, défaut Resources)
          --db FICHIER         base de l'application, pour ses aménagements et sa table des communes

        Exemple :
          echo '{"adults": 1, "sector": "bastide", "children": [{"birthDate": "2023-06-01"}]}' | accueil orient
        """

    /// The same bound as the HTTP server's body limit, so a request the API would refuse for its
    /// size is refused here too rather than evaluated.
    static let maximumInputBytes = 1 << 20

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let arguments = try CommandLineArguments(args, options: ["resources", "db"], flags: ["help"])
        if arguments.flags.contains("help") { print(help); return 0 }
        if let extra = arguments.positional.first {
            throw CommandLineArguments.UsageError(description: "argument inattendu : \(extra) (la demande se lit sur l'entrée standard)")
        }
        var configuration = AppConfiguration()
        configuration.resourcesDirectory = arguments.value("resources", environment: "ACCUEIL_RESOURCES", default: "Resources", in: Environment.current)
        let referential = try Bootstrap.loadReferential(configuration)
        let router: OrientationRouter
        if let path = arguments.values["db"] {
            guard FileManager.default.fileExists(atPath: path) else {
                Environment.printError("Base introuvable : \(path).")
                return 1
            }
            // Read only: evaluating a household never changes the database (nor migrates it).
            router = try OrientationRouter.stored(try Connection(path: path, readOnly: true), referential: referential)
        } else {
            router = OrientationRouter(referential: referential, adjustments: try AdjustmentFile.load(configuration, referential: referential),
                                       communes: try TerritoryFixtures.communes(configuration))
        }
        guard let paris = TimeZone(identifier: "Europe/Paris") else {
            // Falling back to UTC would give yesterday's date for part of the night: refuse instead.
            Environment.printError("Fuseau horaire Europe/Paris introuvable (données tzdata absentes).")
            return 1
        }
        let today = LocalDate(Date(), in: paris)

        let input = readStandardInput(limit: maximumInputBytes + 1)
        let result: Result<Data, OrientationRequestError> = input.count > maximumInputBytes
            ? .failure(OrientationRequestError(field: nil, message: "La demande dépasse la taille maximale (1 Mio)."))
            : evaluateOrientation(json: input, today: today, router: router)
        switch result {
        case .success(let decision):
            writeLine(decision)
            return 0
        case .failure(let error):
            writeLine(error.jsonData)
            return 2
        }
    }

    /// Standard input up to end of file, or its first `limit` bytes: enough to tell "too big"
    /// without holding an unbounded stream in memory.
    private static func readStandardInput(limit: Int) -> Data {
        var data = Data()
        while data.count < limit {
            let chunk = FileHandle.standardInput.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        return data.prefix(limit)
    }

    /// The JSON as it was encoded (no re-encoding through `String`), plus a final newline.
    private static func writeLine(_ data: Data) {
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
