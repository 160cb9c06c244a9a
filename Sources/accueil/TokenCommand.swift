import AccueilCore
import Foundation

/// `accueil token add|list|revoke`: API tokens for partner software from the command line (the same
/// rules as the page « Jetons d'API »: the secret is printed once, only its hash is kept).
enum TokenCommand {
    static let help = """
        Usage : accueil token add --name "Application" --scope PORTÉE [--scope PORTÉE…] [--days N] [--db FICHIER]
                accueil token list [--db FICHIER]
                accueil token revoke ID [--db FICHIER]

        Portées : \(APIScope.allCases.map(\.rawValue).joined(separator: ", ")).
        --days : durée de validité, 1 à \(APITokens.maximumDays) jours (défaut 90).
        Le jeton est affiché une seule fois (seule son empreinte est gardée) ; l'application l'envoie
        dans l'en-tête « Authorization: Bearer … ».
        """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let action = args.first ?? ""
        let arguments = try CommandLineArguments(args.dropFirst(), options: ["name", "scope", "days", "db"], flags: ["help"], repeatable: ["scope"])
        guard ["add", "list", "revoke"].contains(action), !arguments.flags.contains("help") else {
            print(help)
            return action == "--help" || action == "help" || arguments.flags.contains("help") ? 0 : 2
        }
        let store = try DatabaseSettings.open(DatabaseSettings.path(arguments, Environment.current))
        let now = Int64(Date().timeIntervalSince1970)
        switch action {
        case "add":
            var scopes: Set<APIScope> = []
            for text in arguments.all("scope") {
                guard let scope = APIScope(rawValue: text) else { throw CommandLineArguments.UsageError(description: "portée inconnue : \(text)") }
                scopes.insert(scope)
            }
            let days = Int(arguments.values["days"] ?? "90") ?? 0
            do {
                let created = try store.writeSync { db in
                    try APITokens.create(db, name: arguments.values["name"] ?? "", scopes: scopes, days: days, by: nil, at: now)
                }
                print(created.secret)
                Environment.printError("Jeton n° \(created.token.id) créé pour « \(created.token.name) » : conservez-le, il ne sera plus affiché.")
                return 0
            } catch let refusal as APITokens.Refusal {
                let message = switch refusal {
                case .name: "--name : 2 à 100 caractères."
                case .noScope: "au moins une --scope."
                case .days: "--days : de 1 à \(APITokens.maximumDays)."
                }
                throw CommandLineArguments.UsageError(description: message)
            }
        case "list":
            for token in try store.readSync({ db in try APITokens.list(db) }) {
                let state = token.revokedAt != nil ? "révoqué" : (token.isActive(at: now) ? "actif" : "expiré")
                print("\(token.id)\t\(state)\t\(token.name)\t\(token.scopes.map(\.rawValue).sorted().joined(separator: ","))")
            }
            return 0
        default:
            guard let id = arguments.positional.first.flatMap(Int64.init) else { throw CommandLineArguments.UsageError(description: "numéro du jeton attendu") }
            guard try store.writeSync({ db in try APITokens.revoke(db, id: id, by: nil, at: now) }) else {
                Environment.printError("Aucun jeton actif n° \(id).")
                return 1
            }
            print("Jeton n° \(id) révoqué.")
            return 0
        }
    }
}
