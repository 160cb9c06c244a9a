#if canImport(Glibc)
import Glibc
#endif
import AccueilCore
import SQLiteStore

enum BackupCommand {
    static let help = """
        Usage : accueil backup --to FICHIER [--key-file CLÉ] [--db FICHIER]
                accueil backup --new-key CLÉ

        Copie cohérente de la base pendant que le serveur tourne (sauvegarde en ligne SQLite),
        puis vérification d'intégrité de la copie.

        Options :
          --key-file CLÉ   chiffre la copie (libsodium secretstream, XChaCha20-Poly1305) avec cette clé
          --new-key CLÉ    crée une clé aléatoire de 32 octets (droits 0600) ; ne remplace jamais un fichier existant

        Gardez la clé à part des sauvegardes : sans elle, une sauvegarde chiffrée est illisible.
        Restauration : accueil restore --from FICHIER --key-file CLÉ --db BASE
        """

    static func run(_ args: ArraySlice<String>) async throws -> Int32 {
        let arguments = try CommandLineArguments(args, options: ["db", "to", "key-file", "new-key"], flags: ["help"])
        if arguments.flags.contains("help") { print(help); return 0 }
        // Every file written here (copy, key) is for the owner only.
        umask(0o077)
        if let keyPath = arguments.values["new-key"] {
            Environment.makeParentDirectory(of: keyPath)
            try BackupKey.create(at: keyPath)
            print("Clé de sauvegarde créée : \(keyPath) (droits 0600). Conservez-en une copie hors du serveur.")
            return 0
        }
        guard let target = arguments.values["to"] else {
            throw CommandLineArguments.UsageError(description: "--to FICHIER est obligatoire")
        }
        let key = try arguments.values["key-file"].map(BackupKey.load)
        let databasePath = DatabaseSettings.path(arguments, Environment.current)
        let store = try DatabaseSettings.open(databasePath)
        Environment.makeParentDirectory(of: target)
        // The plain copy stays next to the live database (same protection), never in the backup folder.
        let plain = key == nil ? target : "\(databasePath).backup-\(UInt64.random(in: .min ... .max))"
        defer { if key != nil { unlink(plain) } }
        try await store.backup(to: plain)
        let check = try Connection(path: plain, readOnly: true).integrityCheck()
        guard check == ["ok"] else {
            Environment.printError("La copie \(target) est corrompue : \(check.prefix(3).joined(separator: "; "))")
            return 1
        }
        if let key {
            let partial = "\(target).partial"
            do {
                try BackupCipher.encrypt(plain, to: partial, key: key)
            } catch {
                unlink(partial)
                throw error
            }
            guard rename(partial, target) == 0 else {
                unlink(partial)
                Environment.printError("Impossible d'écrire \(target) (errno \(errno)).")
                return 1
            }
            print("Sauvegarde chiffrée écrite dans \(target) (intégrité vérifiée avant chiffrement).")
        } else {
            print("Sauvegarde écrite dans \(target) (intégrité vérifiée).")
        }
        return 0
    }
}
