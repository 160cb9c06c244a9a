import Foundation

/// The values the data·inclusion v1 schema admits for its lists (themes, audiences, types of
/// service, modes of reception, fees, networks), loaded from `Resources/referential/data-inclusion-v1.json`,
/// with their labels for the pages.
package struct DirectoryVocabulary: Sendable {
    package struct Term: Decodable, Sendable, Equatable {
        package let value: String
        package let label: String
    }

    package let themes: [Term]
    /// The themes' categories (« logement-hebergement »…), the part of a theme before « -- ».
    package let categories: [Term]
    package let audiences: [Term]
    package let types: [Term]
    package let receptionModes: [Term]
    package let fees: [Term]
    package let networks: Set<String>

    package static let empty = DirectoryVocabulary(themes: [], categories: [], audiences: [], types: [], receptionModes: [], fees: [], networks: [])

    package init(themes: [Term], categories: [Term], audiences: [Term], types: [Term], receptionModes: [Term], fees: [Term], networks: Set<String>) {
        self.themes = themes
        self.categories = categories
        self.audiences = audiences
        self.types = types
        self.receptionModes = receptionModes
        self.fees = fees
        self.networks = networks
    }

    package init(json: Data) throws {
        struct Document: Decodable {
            let thematiques, categories, publics, types, modes_accueil, frais: [Term]
            let reseaux_porteurs: [String]
        }
        let d = try JSONDecoder().decode(Document.self, from: json)
        self.init(themes: d.thematiques, categories: d.categories, audiences: d.publics, types: d.types, receptionModes: d.modes_accueil, fees: d.frais,
                  networks: Set(d.reseaux_porteurs))
    }

    package func label(_ value: String, in terms: [Term]) -> String { terms.first { $0.value == value }?.label ?? value }

    package static func category(of theme: String) -> String { theme.components(separatedBy: "--")[0] }

}
