/// Why a household could not be oriented. Each error names the input field at fault (using the
/// JSON contract's path, e.g. "children[1].birthDate") and says in French what to correct, so the
/// form, the CLI and the API can all show it as is.
public enum OrientationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidAdults(Int)
    case tooManyChildren(Int)
    case invalidAge(Int)
    case childNotYetBorn(index: Int, birthDate: LocalDate, date: LocalDate)
    case dateOutsideReferential(LocalDate, coverageStart: LocalDate)
    case unknownSector(String, known: [String])
    case unknownCommune(String)
    case derogationWithoutJustification
    case derogationWithoutPTSAgreement
    case derogationWithoutCCASAgreement

    public var field: String {
        switch self {
        case .invalidAdults: return "adults"
        case .tooManyChildren: return "children"
        case .invalidAge: return "age"
        case .childNotYetBorn(let index, _, _): return "children[\(index)].birthDate"
        case .dateOutsideReferential: return "date"
        case .unknownSector: return "sector"
        case .unknownCommune: return "commune"
        case .derogationWithoutJustification: return "derogation.justification"
        case .derogationWithoutPTSAgreement: return "derogation.agreedByPTS"
        case .derogationWithoutCCASAgreement: return "derogation.agreedByCCAS"
        }
    }

    public var message: String {
        switch self {
        case .invalidAdults(let count):
            return "Le nombre d'adultes doit être compris entre 1 et \(Household.maximumAdults) (reçu : \(count))."
        case .tooManyChildren(let count):
            return "Le foyer compte au plus \(Household.maximumChildren) enfants (reçu : \(count))."
        case .invalidAge(let age):
            return "L'âge doit être compris entre 0 et 130 ans (reçu : \(age))."
        case .childNotYetBorn(_, let birthDate, let date):
            return "La date de naissance de l'enfant (\(birthDate.frenchDescription)) est postérieure à la date de référence (\(date.frenchDescription)) ; une grossesse se déclare avec « pregnant »."
        case .dateOutsideReferential(let date, let start):
            return "Le référentiel territorial ne couvre pas le \(date.frenchDescription) (il commence le \(start.frenchDescription))."
        case .unknownSector(let key, let known):
            return "Secteur inconnu : « \(key) ». Secteurs connus : \(known.joined(separator: ", "))."
        case .unknownCommune(let code):
            return "Commune inconnue (code INSEE « \(code) ») : elle ne figure pas dans la table des communes de la Gironde à cette "
                + "date, qui dit quels CCAS et MDS la desservent. Vérifiez le code ; sinon, la personne ne peut être orientée vers "
                + "les services de Bordeaux que par une dérogation convenue entre le PTS et le CCAS."
        case .derogationWithoutJustification:
            return "Une dérogation doit être justifiée par écrit : la justification est vide."
        case .derogationWithoutPTSAgreement:
            return "Une dérogation est convenue par le PTS et le CCAS : indiquez qui l'a accordée pour le PTS."
        case .derogationWithoutCCASAgreement:
            return "Une dérogation est convenue par le PTS et le CCAS : indiquez qui l'a accordée pour le CCAS."
        }
    }

    public var description: String { "\(field) : \(message)" }
}
