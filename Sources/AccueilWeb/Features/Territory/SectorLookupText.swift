import AccueilCore
import Orientation

/// What the street table answered for a typed address, as the agent reads it, and the sector to
/// fill in when there is exactly one. Every answer other than one sector sends the agent to the list.
struct SectorLookupText {
    let sector: String?
    let sentence: String

    /// The street table read for a typed address, today.
    static func lookUp(_ address: String, context: AppContext) async throws -> (answer: SectorLookup.Answer, text: SectorLookupText) {
        let today = context.today
        let answer = try await context.store.read { db in try SectorLookup.find(db, typed: address, on: today) }
        return (answer, SectorLookupText(answer, referential: context.referential, on: today))
    }

    init(_ answer: SectorLookup.Answer, referential: TerritorialReferential, on day: LocalDate) {
        func label(_ key: String) -> String { referential.sector(key: key)?.label ?? key }
        func segment(_ stored: TerritoryTables.StoredSegment) -> String {
            "\(stored.segment.street), \(stored.segment.numbersLabel), \(stored.segment.postcode)"
        }
        switch answer {
        case .found(let stored):
            sector = stored.segment.sector
            let mds = (try? referential.mds(forSector: stored.segment.sector, on: day)).map { " ; MDS compétente : \($0.name)" } ?? ""
            sentence = "Secteur trouvé : \(label(stored.segment.sector)) (\(segment(stored)))\(mds). Vérifiez l'adresse avec la personne."
        case .ambiguous(let segments):
            sector = nil
            let list = segments.map { "\(segment($0)) : \(label($0.segment.sector))" }.joined(separator: " ; ")
            sentence = "Cette voie relève de plusieurs secteurs (\(list)). Précisez le numéro ou le code postal, ou choisissez le secteur dans la liste."
        case .numberNotCovered(let segments):
            sector = nil
            let list = segments.map(segment).joined(separator: " ; ")
            sentence = "Ce numéro n'est pas dans la table des voies (\(list)). Choisissez le secteur dans la liste."
        case .unknownStreet:
            sector = nil
            sentence = "Voie inconnue de la table des voies : choisissez le secteur dans la liste."
        case .unreadable:
            sector = nil
            sentence = "Saisissez un numéro et un nom de voie, par exemple « 12 rue de la Benauge »."
        }
    }
}
