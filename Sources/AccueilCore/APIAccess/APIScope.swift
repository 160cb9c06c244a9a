/// What a partner application's token may do; each scope opens one family of `/api/v1` routes.
package enum APIScope: String, CaseIterable, Sendable, Codable {
    case orientationEvaluate = "orientation:evaluate"
    case directoryRead = "directory:read"
    case statsRead = "stats:read"
    case metricsRead = "metrics:read"

    package var label: String {
        switch self {
        case .orientationEvaluate: "Évaluer une orientation (règle CCAS/MDS, rien n'est enregistré)"
        case .directoryRead: "Lire l'annuaire des partenaires"
        case .statsRead: "Lire les chiffres d'activité (agrégats masqués)"
        case .metricsRead: "Lire les métriques d'exploitation (/metrics)"
        }
    }
}
