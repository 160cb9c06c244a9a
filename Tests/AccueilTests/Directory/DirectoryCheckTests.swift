import Foundation
import Testing
@testable import AccueilCore

/// The directory's checks: the schema's rules and the project's own, each with its French message.
struct DirectoryCheckTests {
    static let vocabulary: DirectoryVocabulary = {
        let path = TestApp.repositoryRoot + "/Resources/" + DirectoryFixtures.vocabularyFile
        return try! DirectoryVocabulary(json: FileManager.default.contents(atPath: path)!)
    }()
    let check = DirectoryCheck(vocabulary: vocabulary, today: "2026-12-05")

    func service(_ change: (inout DirectoryService) -> Void = { _ in }) -> DirectoryService {
        var s = DirectoryService(structureID: "caf-gironde", id: "caf-gironde-accueil", name: "Accueil de la CAF",
                                 description: String(repeating: "Une description assez longue pour le schéma. ", count: 2), updatedOn: "2026-12-01")
        s.themes = ["logement-hebergement--se-maintenir-dans-le-logement"]
        s.audiences = ["familles"]
        change(&s)
        return s
    }

    @Test func aCompleteServicePasses() {
        #expect(check.problems(service(), structures: ["caf-gironde"]).isEmpty)
    }

    @Test func eachRuleHasItsMessage() {
        let cases: [((inout DirectoryService) -> Void, String)] = [
            ({ $0.description = "Trop court" }, "au moins 50 caractères"),
            ({ $0.name = "Accueil." }, "ne se termine pas par un point"),
            ({ $0.name = "AB" }, "de 3 à 150 caractères"),
            ({ $0.updatedOn = "2027-01-01" }, "date_maj « 2027-01-01 » invalide"),
            ({ $0.updatedOn = "2026-02-30" }, "date_maj « 2026-02-30 » invalide"),
            ({ $0.themes = ["logement"] }, "thématique « logement » n'est pas une valeur du schéma"),
            ({ $0.audiences = ["tous-publics", "familles"] }, "« tous-publics » ne se combine"),
            ({ $0.postcode = "3300" }, "code postal « 3300 » invalide"),
            ({ $0.email = "accueil@" }, "courriel « accueil@ » invalide"),
            ({ $0.phone = "05 56 00 00 00 / 05 57" }, "téléphone"),
            ({ $0.openingHours = "du lundi au vendredi" }, "horaires « du lundi au vendredi » illisibles"),
            ({ $0.languages = ["Arabe"] }, "langue « Arabe »"),
            ({ $0.id = "caf gironde" }, "identifiant invalide"),
            ({ $0.id = "nouveau" }, "identifiant réservé"),
            ({ $0.id = ".." }, "identifiant réservé"),
        ]
        for (change, message) in cases {
            let problems = check.problems(service(change), structures: ["caf-gironde"])
            #expect(problems.count == 1 && problems[0].contains(message), "\(message): \(problems)")
        }
        #expect(check.problems(service(), structures: []) == ["Service « caf-gironde-accueil » : structure « caf-gironde » inconnue."])
    }

    @Test func aContactSaysOnlyWhatIsKnown() {
        var structure = DirectoryStructure(id: "caf-gironde", name: "CAF de la Gironde", updatedOn: "2026-12-01")
        structure.phone = "05 56 00 00 00"
        let contact = service().contact(in: structure)
        #expect(contact.name == "Accueil de la CAF — CAF de la Gironde" && contact.phone == "05 56 00 00 00" && contact.address == nil)
        #expect(contact.missing == ["adresse", "courriel", "horaires"])
        structure.address = "1 rue X"
        structure.postcode = "33000"
        structure.commune = "Bordeaux"
        #expect(service().contact(in: structure).address == "1 rue X, 33000 Bordeaux")
    }
}
