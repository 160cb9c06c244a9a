/// What a status means, in French, for the people who see it: the one place that words them.
extension HTTPStatus {
    /// A short reason, as a title or a one-line answer: "Page introuvable".
    public var frenchReason: String {
        switch code {
        case 400: "Requête invalide"
        case 401: "Connexion nécessaire"
        case 403: "Accès refusé"
        case 404: "Page introuvable"
        case 405: "Action non autorisée"
        case 408: "Délai dépassé"
        case 409: "Action impossible en l'état"
        case 410: "Page expirée"
        case 413: "Contenu trop volumineux"
        case 414: "Adresse trop longue"
        case 415: "Format non pris en charge"
        case 422: "Informations invalides"
        case 429: "Trop de tentatives"
        case 431: "En-têtes trop volumineux"
        case 503: "Service indisponible"
        case 505: "Version HTTP non prise en charge"
        default: "Erreur interne"
        }
    }

    /// A sentence saying what happened, safe to show anyone (it says nothing of the inside).
    public var frenchExplanation: String {
        switch code {
        case 400: "La requête est invalide."
        case 401: "Vous devez vous connecter pour accéder à cette page."
        case 403: "Vous n'avez pas les droits nécessaires pour cette action."
        case 404: "La page demandée n'existe pas ou a été déplacée."
        case 405: "Cette action n'est pas possible à cette adresse."
        case 408: "La requête a pris trop de temps."
        case 409: "L'action est en conflit avec une modification plus récente."
        case 410: "Cette page n'est plus disponible."
        case 413: "Le contenu envoyé est trop volumineux."
        case 414: "L'adresse demandée est trop longue."
        case 415: "Le format du contenu envoyé n'est pas pris en charge."
        case 422: "Certaines informations sont invalides."
        case 429: "Trop de tentatives : patientez quelques minutes avant de réessayer."
        case 431: "Les en-têtes de la requête sont trop volumineux."
        case 503: "Le service est momentanément indisponible."
        case 505: "Cette version du protocole HTTP n'est pas prise en charge."
        default: "Une erreur interne est survenue. L'équipe technique a été prévenue ; réessayez dans un instant."
        }
    }
}
