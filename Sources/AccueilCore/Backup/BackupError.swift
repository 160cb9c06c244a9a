/// Why a backup could not be written or restored, in French for the operator. Never quotes file
/// contents: a damaged backup may hold personal data.
public enum BackupError: Error, CustomStringConvertible, Equatable {
    case notABackup(String)
    case unsupportedVersion(UInt8)
    case keyRequired
    case keyFile(String)
    case authenticationFailed
    case truncated
    case integrity(String)
    case databaseInUse(String)
    case io(String)

    public var description: String {
        switch self {
        case .notABackup(let path): "\(path) n'est ni une sauvegarde chiffrée d'Accueil commun ni une base SQLite."
        case .unsupportedVersion(let version): "Version de sauvegarde \(version) inconnue : utilisez une version plus récente d'accueil."
        case .keyRequired: "Cette sauvegarde est chiffrée : indiquez le fichier de clé avec --key-file."
        case .keyFile(let reason): "Fichier de clé refusé : \(reason)"
        case .authenticationFailed:
            "Sauvegarde altérée ou mauvaise clé : la vérification d'authenticité a échoué. Rien n'a été restauré."
        case .truncated: "Sauvegarde tronquée (fin manquante) : elle est incomplète. Rien n'a été restauré."
        case .integrity(let detail): "La base contenue dans la sauvegarde est corrompue (\(detail)). Rien n'a été restauré."
        case .databaseInUse(let path):
            "Un serveur utilise la base \(path). Arrêtez-le avant de restaurer, ou ajoutez --force (le serveur devra être redémarré aussitôt)."
        case .io(let reason): "Erreur d'écriture ou de lecture : \(reason)"
        }
    }
}
