import Foundation

/// The territory as data: circonscriptions, sites, and which MDS serves which sector when.
///
/// The organisation changes (the MDS Saint-Augustin merged into the MDS Centre on 2024-01-01),
/// so it is loaded from `Resources/referential/territory.json` rather than written in code, and
/// every link carries effective dates. It can only exist validated: whatever date the coverage
/// includes, every sector has exactly one open MDS, which is what lets the router never guess.
public struct TerritorialReferential: Sendable {
    public let circonscriptions: [Circonscription]
    public let sites: [Site]
    public let sectors: [Sector]
    /// First day every sector is mapped; earlier dates are outside the referential.
    public let coverageStart: LocalDate
    /// The CCAS reception, destination of every CCAS decision.
    public let ccasSite: Site

    let siteByID: [String: Site]
    let circonscriptionByID: [String: Circonscription]
    let sectorByKey: [String: Sector]

    /// Decodes and validates; the caller reads the file (this module does no I/O).
    public init(json: Data) throws(ReferentialError) {
        let document: ReferentialDocument
        do {
            document = try JSONDecoder().decode(ReferentialDocument.self, from: json)
        } catch {
            throw .malformed(String(describing: error))
        }
        let validated = try ReferentialValidator.validate(document)
        circonscriptions = document.circonscriptions
        sites = document.sites
        sectors = validated.sectors
        coverageStart = validated.coverageStart
        ccasSite = validated.ccasSite
        siteByID = Dictionary(uniqueKeysWithValues: sites.map { ($0.id, $0) })
        circonscriptionByID = Dictionary(uniqueKeysWithValues: circonscriptions.map { ($0.id, $0) })
        sectorByKey = Dictionary(uniqueKeysWithValues: sectors.map { ($0.key, $0) })
    }

    public func site(id: String) -> Site? { siteByID[id] }

    public func circonscription(id: String) -> Circonscription? { circonscriptionByID[id] }

    public func sector(key: String) -> Sector? { sectorByKey[key] }

    public func covers(_ date: LocalDate) -> Bool { coverageStart <= date }

    /// The sectors mapped on `date`, in file order: all of them inside the coverage, none before.
    public func sectors(on date: LocalDate) -> [Sector] {
        sectors.filter { $0.assignment(on: date) != nil }
    }

    /// The MDS serving `key` on `date`. An unknown key is an error, never a guess: routing a
    /// family to the wrong MDS sends them round in circles, which the convention wants to avoid.
    public func mds(forSector key: String, on date: LocalDate) throws(OrientationError) -> Site {
        guard let sector = sectorByKey[key] else {
            throw .unknownSector(key, known: sectors.map(\.key))
        }
        guard covers(date), let assignment = sector.assignment(on: date),
              let site = siteByID[assignment.mds]
        else {
            throw .dateOutsideReferential(date, coverageStart: coverageStart)
        }
        return site
    }
}
