import Foundation

/// A motive of the request (logement, accès aux droits…).
public struct Motive: Sendable, Decodable, Equatable {
    public let code: String
    public let label: String
    /// Never named on anything given to the person, and its documents not listed either: a slip
    /// found at home must not tell what the person came about (domestic violence above all).
    public let sensitive: Bool
    /// The data·inclusion themes that answer it, to find partner services (docs/partners.md).
    public let thematiques: [String]
}

/// The motive referential, loaded from `Resources/referential/motives.json`.
public struct MotiveCatalog: Sendable {
    public let motives: [Motive]
    private let byCode: [String: Motive]

    public init(json: Data) throws {
        struct Document: Decodable { let motives: [Motive] }
        motives = try JSONDecoder().decode(Document.self, from: json).motives
        byCode = Dictionary(uniqueKeysWithValues: motives.map { ($0.code, $0) })
    }

    public func motive(_ code: String) -> Motive? { byCode[code] }

    /// The motives of a request that may show on paper for the person, in referential order.
    public func printable(_ codes: [String]) -> [String] {
        motives.filter { codes.contains($0.code) && !$0.sensitive }.map(\.code)
    }
}
