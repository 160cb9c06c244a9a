import Foundation

/// A motive of the request (logement, accès aux droits…) and the documents to bring for it.
public struct Motive: Sendable, Decodable, Equatable {
    public let code: String
    public let label: String
    public let documents: [String]
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

    /// Documents for a set of motives, without repeats, in referential order.
    public func documents(for codes: [String]) -> [String] {
        var seen = Set<String>()
        return motives.filter { codes.contains($0.code) }.flatMap(\.documents).filter { seen.insert($0).inserted }
    }
}
