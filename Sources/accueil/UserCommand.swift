#if canImport(Glibc)
import Glibc
#endif
import AccueilCore

enum UserCommand {
    static let help = """
        Usage : accueil user add --login IDENTIFIANT --name "Prénom Nom" --role ROLE [options]

        Crée un compte. Le mot de passe est demandé sans écho au terminal, ou lu sur l'entrée standard
        (première ligne) quand elle n'est pas un terminal : echo "…" | accueil user add … --password-stdin

        Options :
          --role ROLE          agent, travailleur_social, responsable ou administrateur (répétable, ou séparés par des virgules)
          --institution INST   CCAS, MDS ou PARTENAIRE (défaut CCAS)
          --site SITE          site de rattachement (répétable ; défaut : ccas-cite-municipale)
          --password-stdin     lire le mot de passe sur l'entrée standard
          --db FICHIER         base SQLite (ACCUEIL_DB, défaut data/accueil.sqlite)
          --resources DOSSIER  données de référence (défaut Resources)
        """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        guard args.first == "add" else {
            print(help)
            return args.first == "--help" || args.first == nil ? 0 : 2
        }
        let arguments = try CommandLineArguments(args.dropFirst(), options: ["login", "name", "role", "institution", "site", "db", "resources"],
                                                 flags: ["password-stdin", "help"], repeatable: ["role", "site"])
        if arguments.flags.contains("help") { print(help); return 0 }
        let env = Environment.current
        let password: String
        if arguments.flags.contains("password-stdin") || isatty(0) == 0 {
            password = readLine(strippingNewline: true) ?? ""
        } else {
            password = try PasswordPrompt.read("Mot de passe (12 caractères au moins) : ")
            guard try PasswordPrompt.read("Confirmation : ") == password else {
                Environment.printError("Les deux saisies diffèrent : aucun compte créé.")
                return 1
            }
        }
        var configuration = AppConfiguration()
        configuration.resourcesDirectory = arguments.value("resources", environment: "ACCUEIL_RESOURCES", default: "Resources", in: env)
        configuration.production = true  // never seed demo accounts from here
        let store = try DatabaseSettings.open(DatabaseSettings.path(arguments, env))
        let context = try Bootstrap.makeContext(store: store, configuration: configuration, skipProductionChecks: true)
        let split = { (name: String) in arguments.all(name).flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces() } } }
        let id = try AccountProvisioning.create(.init(login: arguments.values["login"] ?? "", displayName: arguments.values["name"] ?? "",
                                                      institution: arguments.values["institution"] ?? Institution.ccas.rawValue, roles: split("role"),
                                                      siteIDs: split("site"), password: password), context: context)
        print("Compte \(arguments.values["login"] ?? "") créé (n° \(id)).")
        return 0
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
