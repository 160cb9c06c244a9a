import AccueilCore

enum MigrateCommand {
    static let help = """
        Usage : accueil migrate [--db FICHIER]

        Crée la base si besoin et applique les migrations en attente, dans l'ordre. Sans effet si la base est à jour.
        """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let arguments = try CommandLineArguments(args, options: ["db"], flags: ["help"])
        if arguments.flags.contains("help") { print(help); return 0 }
        let path = DatabaseSettings.path(arguments, Environment.current)
        Environment.makeParentDirectory(of: path)
        let store = try DatabaseSettings.open(path)
        let applied = try store.readSync { db in try Schema.migrator.appliedVersions(db) }
        print("Base \(path) à jour : \(applied.count) migration(s) appliquée(s), dernière \(applied.last ?? 0).")
        return 0
    }
}
