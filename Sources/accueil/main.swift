#if canImport(Glibc)
import Glibc
#endif
import AccueilCore

/// `accueil <commande> [options]` — see `usage`.
let usage = """
    Accueil commun — accueil social partagé CCAS de Bordeaux / MDS de la Gironde

    Usage : accueil <commande> [options]

    Commandes :
      serve     démarre le serveur web (crée et migre la base au premier démarrage)
      migrate   applique les migrations de la base
      backup    sauvegarde la base dans un fichier, chiffré avec --key-file (--to FICHIER)
      restore   vérifie puis restaure une sauvegarde (--from FICHIER --db BASE)
      purge     applique les durées de conservation (--dry-run : aperçu sans rien modifier)
      audit     vérifie la chaîne du journal d'accès (audit verify --anchors JOURNAL)
      user      gère les comptes (user add : crée un compte, par exemple le premier administrateur)
      token     jetons d'API des logiciels partenaires (token add, list, revoke)
      demo      remplit une base de démonstration d'activité synthétique (--intakes N)
      orient    oriente un foyer décrit en JSON sur l'entrée standard (CCAS ou MDS), sans ouvrir la base
      help      affiche cette aide

    « accueil <commande> --help » décrit les options d'une commande.
    """

// The database, its WAL and backups hold personal data: readable by the service's user and group only.
umask(0o027)

let arguments = CommandLine.arguments.dropFirst()
let command = arguments.first ?? "help"
let rest = arguments.dropFirst()

do {
    let status: Int32
    switch command {
    case "serve": status = try await ServeCommand.run(rest)
    case "migrate": status = try MigrateCommand.run(rest)
    case "backup": status = try await BackupCommand.run(rest)
    case "restore": status = try RestoreCommand.run(rest)
    case "purge": status = try PurgeCommand.run(rest)
    case "audit": status = try AuditCommand.run(rest)
    case "user": status = try UserCommand.run(rest)
    case "token": status = try TokenCommand.run(rest)
    case "orient": status = try OrientCommand.run(rest)
    case "demo": status = try DemoCommand.run(rest)
    case "help", "--help", "-h": print(usage); status = 0
    default:
        Environment.printError("Commande inconnue : \(command)\n\n\(usage)")
        status = 2
    }
    exit(status)
} catch let error as CommandLineArguments.UsageError {
    Environment.printError("Erreur : \(error.description)")
    exit(2)
} catch let error as DemoDataGenerator.Refusal {
    Environment.printError("Erreur : \(error.description)")
    exit(2)
} catch let error as BackupError {
    Environment.printError("Erreur : \(error.description)")
    exit(1)
} catch let error as AccountProvisioning.Refusal {
    Environment.printError("Erreur : \(error.description)")
    exit(2)
} catch {
    Environment.printError("Erreur : \(error)")
    exit(1)
}
