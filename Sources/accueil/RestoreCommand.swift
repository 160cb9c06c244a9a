import AccueilCore

enum RestoreCommand {
    static let help = """
        Usage : accueil restore --from SAUVEGARDE --db BASE [--key-file CLÉ] [--force]

        Restaure une sauvegarde (chiffrée ou non) à la place de la base BASE :
          1. vérifie l'authenticité de chaque bloc (une sauvegarde modifiée ou une mauvaise clé est refusée) ;
          2. vérifie la base contenue (PRAGMA integrity_check) ;
          3. remplace BASE d'un seul coup (renommage atomique) : en cas d'échec, BASE reste intacte.

        Refuse de remplacer la base d'un serveur en marche (verrou BASE.lock). --force passe outre :
        le serveur continue alors sur l'ancienne base jusqu'à son redémarrage, à faire aussitôt.
        """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let arguments = try CommandLineArguments(args, options: ["from", "db", "key-file"], flags: ["force", "help"])
        if arguments.flags.contains("help") { print(help); return 0 }
        guard let source = arguments.values["from"] else { throw CommandLineArguments.UsageError(description: "--from SAUVEGARDE est obligatoire") }
        // Explicit on purpose: restoring over the default database by accident would be a loss.
        guard let target = arguments.values["db"] else { throw CommandLineArguments.UsageError(description: "--db BASE est obligatoire") }
        do {
            let key = try arguments.values["key-file"].map(BackupKey.load)
            Environment.makeParentDirectory(of: target)
            let outcome = try BackupRestore.restore(from: source, key: key, to: target, force: arguments.flags.contains("force"))
            print("Base \(target) restaurée depuis \(source) (authenticité et intégrité vérifiées, \(outcome.migrations) migration(s)).")
            return 0
        } catch let error as BackupError {
            Environment.printError("Restauration refusée : \(error.description)")
            return 1
        }
    }
}
