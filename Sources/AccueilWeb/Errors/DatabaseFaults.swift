import AccueilCore
import HTTPCore
import SQLiteStore
import Web

/// Database faults people can act on, shown as French 503 pages instead of a bare 500: the database
/// is read-only (remounted file system, permissions), the disk is full, or the database stayed locked
/// longer than the busy timeout (a long maintenance transaction). Every write runs in one transaction,
/// so when one of these pages shows, nothing of the request was saved — the page says so.
enum DatabaseFaults {
    static func isTransient(_ error: SQLiteError) -> Bool { error.isReadOnly || error.isDiskFull || error.isBusy }

    /// The metrics' name of a fault (`ServerMetrics`), nil for other errors.
    static func kind(_ error: any Error) -> String? {
        guard let error = error as? SQLiteError else { return nil }
        return error.isBusy ? "busy" : error.isReadOnly ? "lecture_seule" : error.isDiskFull ? "disque_plein" : nil
    }

    static func translate(_ error: any Error) -> HTTPError? {
        guard let error = error as? SQLiteError else { return nil }
        if error.isReadOnly {
            return HTTPError(.serviceUnavailable, "La base de données est en lecture seule : vous pouvez consulter, mais rien ne peut être enregistré pour le moment. Votre saisie n'a pas été enregistrée ; gardez-la et réessayez plus tard. L'équipe technique doit rétablir l'écriture.",
                             headers: ["Retry-After": "300"])
        }
        if error.isDiskFull {
            return HTTPError(.serviceUnavailable, "Le disque du serveur est plein : rien ne peut être enregistré pour le moment. Votre saisie n'a pas été enregistrée ; gardez-la et réessayez plus tard. Prévenez l'équipe technique.",
                             headers: ["Retry-After": "300"])
        }
        if error.isBusy {
            return HTTPError(.serviceUnavailable, "La base de données est occupée (sauvegarde ou maintenance en cours) et n'a pas répondu à temps. Votre demande n'a pas été enregistrée ; réessayez dans un instant.",
                             headers: ["Retry-After": "5"])
        }
        return nil
    }
}
