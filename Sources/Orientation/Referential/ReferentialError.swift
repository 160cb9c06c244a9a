/// Why a territorial referential was refused. The data file is edited by hand when the territory
/// changes, so each error names the offending entry precisely enough to fix it.
public enum ReferentialError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case duplicateID(String)
    case invalidPeriod(id: String)
    case missingCirconscription(site: String)
    case unknownCirconscription(site: String, circonscription: String)
    case unknownParentSite(site: String, parent: String)
    case ccasSiteCount(Int)
    case noSectors
    case emptySector(String)
    case overlappingPeriods(sector: String, on: LocalDate)
    case coverageGap(sector: String, from: LocalDate)
    case unknownMDS(sector: String, mds: String)
    case notAnMDS(sector: String, site: String)
    case mdsClosed(sector: String, mds: String)

    public var description: String {
        switch self {
        case .malformed(let detail):
            return "Référentiel territorial illisible : \(detail)"
        case .duplicateID(let id):
            return "Identifiant en double dans le référentiel : « \(id) »."
        case .invalidPeriod(let id):
            return "Période invalide pour « \(id) » : validTo précède validFrom."
        case .missingCirconscription(let site):
            return "Le site « \(site) » (MDS ou antenne) doit être rattaché à une circonscription."
        case .unknownCirconscription(let site, let circonscription):
            return "Le site « \(site) » est rattaché à une circonscription inconnue : « \(circonscription) »."
        case .unknownParentSite(let site, let parent):
            return "Le site « \(site) » est rattaché à « \(parent) », qui n'est pas une MDS du référentiel."
        case .ccasSiteCount(let count):
            return "Le référentiel doit contenir exactement un site du CCAS (trouvé : \(count))."
        case .noSectors:
            return "Le référentiel ne contient aucun secteur."
        case .emptySector(let key):
            return "Le secteur « \(key) » n'est rattaché à aucune MDS."
        case .overlappingPeriods(let sector, let date):
            return "Secteur « \(sector) » : deux rattachements se chevauchent au \(date.frenchDescription)."
        case .coverageGap(let sector, let date):
            return "Secteur « \(sector) » : aucune MDS à partir du \(date.frenchDescription)."
        case .unknownMDS(let sector, let mds):
            return "Secteur « \(sector) » : MDS inconnue « \(mds) »."
        case .notAnMDS(let sector, let site):
            return "Secteur « \(sector) » : le site « \(site) » n'est pas une MDS."
        case .mdsClosed(let sector, let mds):
            return "Secteur « \(sector) » : la MDS « \(mds) » n'est pas ouverte pendant toute la période de rattachement."
        }
    }
}
