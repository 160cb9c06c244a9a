import AccueilCore
import Foundation

enum PurgeCommand {
    static let help = """
        Usage : accueil purge [--dry-run] [--db FICHIER]

        Applique les durées de conservation réglées par l'administrateur (page « Données personnelles »,
        valeurs par défaut dans docs/retention.md) : supprime ou anonymise ce qui a dépassé sa durée,
        en gardant les chiffres d'activité. La purge est tracée dans le journal.
        Le serveur la lance aussi chaque jour tant qu'il tourne.

          --dry-run   affiche ce qui partirait, par catégorie, sans rien modifier
        """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let arguments = try CommandLineArguments(args, options: ["db"], flags: ["dry-run", "help"])
        if arguments.flags.contains("help") { print(help); return 0 }
        let store = try DatabaseSettings.open(DatabaseSettings.path(arguments, Environment.current))
        let now = Int64(Date().timeIntervalSince1970)
        let dryRun = arguments.flags.contains("dry-run")
        let plan = dryRun
            ? try store.readSync { db in try RetentionPurge.preview(db, now: now) }
            : try store.writeSync { db in try RetentionPurge.run(db, now: now, account: nil) }
        // The purge moved the chain's checkpoint: it goes to the log, like the server's own purges.
        if !dryRun { try AuditAnchorLog.write(store) }
        print(dryRun ? "Aperçu (rien n'est modifié) :" : "Purge effectuée :")
        for category in RetentionCategory.allCases {
            print("  \(category.label) : \(plan.count(category))")
        }
        return 0
    }
}
