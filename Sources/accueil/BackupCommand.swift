import SQLiteStore

enum BackupCommand {
    static let help = """
        Usage : accueil backup --to FICHIER [--db FICHIER]

        Copie cohérente de la base pendant que le serveur tourne (sauvegarde en ligne SQLite),
        puis vérification d'intégrité de la copie.
        """

    static func run(_ args: ArraySlice<String>) async throws -> Int32 {
        let arguments = try CommandLineArguments(args, options: ["db", "to"], flags: ["help"])
        if arguments.flags.contains("help") { print(help); return 0 }
        guard let target = arguments.values["to"] else {
            throw CommandLineArguments.UsageError(description: "--to FICHIER est obligatoire")
        }
        let store = try DatabaseSettings.open(DatabaseSettings.path(arguments, Environment.current))
        Environment.makeParentDirectory(of: target)
        try await store.backup(to: target)
        let check = try Connection(path: target, readOnly: true).integrityCheck()
        guard check == ["ok"] else {
            Environment.printError("La copie \(target) est corrompue : \(check.prefix(3).joined(separator: "; "))")
            return 1
        }
        print("Sauvegarde écrite dans \(target) (intégrité vérifiée).")
        return 0
    }
}
