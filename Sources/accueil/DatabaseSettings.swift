import AccueilCore
import SQLiteStore

/// Where the database lives: `--db`, else `ACCUEIL_DB`, else `data/accueil.sqlite`.
enum DatabaseSettings {
    static let option = "db"
    static let variable = "ACCUEIL_DB"
    static let defaultPath = "data/accueil.sqlite"

    static func path(_ arguments: CommandLineArguments, _ env: [String: String]) -> String {
        arguments.value(option, environment: variable, default: defaultPath, in: env)
    }

    /// Opens (creating it if needed) and migrates the database.
    static func open(_ path: String) throws -> Store {
        Environment.makeParentDirectory(of: path)
        return try Store(path: path, readers: 2, migrator: Schema.migrator)
    }
}
