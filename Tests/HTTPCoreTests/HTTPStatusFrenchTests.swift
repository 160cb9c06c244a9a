import Testing
import HTTPCore

@Suite struct HTTPStatusFrenchTests {
    @Test(arguments: [
        (HTTPStatus.badRequest, "Requête invalide", "La requête est invalide."),
        (.notFound, "Page introuvable", "La page demandée n'existe pas ou a été déplacée."),
        (.methodNotAllowed, "Action non autorisée", "Cette action n'est pas possible à cette adresse."),
        (.contentTooLarge, "Contenu trop volumineux", "Le contenu envoyé est trop volumineux."),
        (.tooManyRequests, "Trop de tentatives", "Trop de tentatives : patientez quelques minutes avant de réessayer."),
        (.serviceUnavailable, "Service indisponible", "Le service est momentanément indisponible."),
    ])
    func knownStatusesHaveAReasonAndASentence(status: HTTPStatus, reason: String, explanation: String) {
        #expect(status.frenchReason == reason)
        #expect(status.frenchExplanation == explanation)
    }

    @Test func otherStatusesFallBackToAnInternalError() {
        #expect(HTTPStatus.internalServerError.frenchReason == "Erreur interne")
        #expect(HTTPStatus(599).frenchExplanation.hasPrefix("Une erreur interne est survenue."))
    }
}
