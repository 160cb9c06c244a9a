import AccueilCore
import Foundation
import SQLiteStore

/// `accueil audit verify`: walks the audit trail's hash chain and checks it against the anchors the
/// server wrote to its log. Reads the database only (opened read-only, never migrated).
enum AuditCommand {
    static let help = """
        Usage : accueil audit verify [--db FICHIER] [--anchors JOURNAL]

        Vérifie que le journal d'accès n'a été ni modifié, ni amputé, ni réécrit : chaque entrée est
        chaînée à la précédente (BLAKE2b), depuis le point de départ enregistré (création de la chaîne,
        puis chaque purge de conservation). Une réécriture complète de la base recalculant la chaîne se
        voit aux ancres que « accueil serve » écrit dans son journal au démarrage, chaque jour et à
        l'arrêt (lignes « audit-anchor id=… hash=… ») : donnez ce journal avec --anchors, conservé hors
        de la machine de la base.

        Code de sortie : 0 chaîne intègre ; 1 rupture (la première est décrite) ; 2 usage.
        """

    static func run(_ args: ArraySlice<String>) throws -> Int32 {
        let arguments = try CommandLineArguments(args, options: ["db", "anchors"], flags: ["help"])
        if arguments.flags.contains("help") || arguments.positional.first != "verify" { print(help); return arguments.flags.contains("help") ? 0 : 2 }
        let path = DatabaseSettings.path(arguments, Environment.current)
        guard FileManager.default.fileExists(atPath: path) else {
            Environment.printError("Base introuvable : \(path).")
            return 1
        }
        var anchors: [AuditChain.Anchor] = []
        if let log = arguments.values["anchors"] {
            guard let data = FileManager.default.contents(atPath: log) else {
                Environment.printError("Journal des ancres illisible : \(log).")
                return 1
            }
            anchors = AuditChain.anchors(inLog: String(decoding: data, as: UTF8.self))
            if anchors.isEmpty { Environment.printError("Attention : aucune ancre « audit-anchor » dans \(log).") }
        }
        let result = try AuditChain.verify(try Connection(path: path, readOnly: true), anchors: anchors)
        if let failure = result.failure {
            print("Chaîne ROMPUE : \(failure)")
            return 1
        }
        print("Chaîne intègre : \(result.entries) entrée(s), tête \(result.head?.line ?? "—"), \(result.anchorsChecked) ancre(s) vérifiée(s).")
        return 0
    }
}
