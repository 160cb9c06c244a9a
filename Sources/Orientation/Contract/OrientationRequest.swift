import Foundation

/// The body of `accueil orient` (stdin) and `POST /api/v1/orientation/evaluate`, decoded and
/// checked field by field; also how an intake's household is stored, written by `jsonText` and read
/// back by `init(json:)` (one format, one place). See docs/api.md for the contract.
public struct OrientationRequest: Sendable, Equatable {
    /// The reference date; nil means "today" as the caller knows it.
    public let date: LocalDate?
    public let household: Household

    static let fields = ["date", "adults", "pregnant", "children", "requestConcernsChild", "homeless",
                         "age", "disability", "childInDanger", "rsa", "sector", "commune", "alreadyFollowedBy",
                         "derogation"]
    static let childFields = ["birthDate", "inCharge", "livesInFrance", "aseMeasure"]
    static let derogationFields = ["service", "justification", "agreedByPTS", "agreedByCCAS"]

    public init(date: LocalDate?, household: Household) {
        self.date = date
        self.household = household
    }

    /// Checks shape and types only; the rules check the rest (sector known, derogation
    /// justified) when the request is evaluated, with errors of the same form.
    public init(json: Data) throws(OrientationRequestError) {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: json)
        } catch {
            throw OrientationRequestError(field: nil, message: "Le corps de la requête n'est pas un JSON valide.")
        }
        let reader = try JSONObjectReader(root, path: "", allowed: Self.fields, what: "La requête")
        date = try reader.date("date")
        let adultsRange = "de 1 à \(Household.maximumAdults)"
        guard let adults = try reader.integer("adults", expected: adultsRange) else {
            throw reader.missing("adults", "nombre d'adultes du foyer, \(adultsRange)")
        }
        guard (1...Household.maximumAdults).contains(adults) else {
            throw OrientationRequestError(field: "adults",
                message: "Le champ « adults » doit être compris entre 1 et \(Household.maximumAdults) (reçu : \(adults)).")
        }
        // Read in the contract's field order, so the first error reported is predictable.
        let pregnant = try reader.bool("pregnant", default: false)
        let children = try Self.children(reader)
        let requestConcernsChild = try reader.bool("requestConcernsChild", default: false)
        let homeless = try reader.bool("homeless", default: false)
        let age = try reader.integer("age", expected: "âge en années")
        if let age, !(0...130).contains(age) {
            throw OrientationRequestError(field: "age",
                message: "Le champ « age » doit être compris entre 0 et 130 (reçu : \(age)).")
        }
        household = Household(
            adults: adults,
            pregnant: pregnant,
            children: children,
            requestConcernsChild: requestConcernsChild,
            homeless: homeless,
            age: age,
            disability: try reader.bool("disability", default: false),
            childInDanger: try reader.bool("childInDanger", default: false),
            rsa: try reader.bool("rsa", default: false),
            sector: try reader.string("sector", expected: "clé de secteur, par exemple \"bastide\""),
            commune: try Self.commune(reader),
            alreadyFollowedBy: try reader.service("alreadyFollowedBy"),
            derogation: try Self.derogation(reader))
    }

    /// The request in the contract's format: compact, keys sorted, optional fields only when set.
    /// `init(json:)` reads it back to an equal value.
    public var jsonText: String {
        var object: [String: JSONValue] = [
            "adults": .integer(household.adults), "pregnant": .bool(household.pregnant),
            "requestConcernsChild": .bool(household.requestConcernsChild), "homeless": .bool(household.homeless),
            "disability": .bool(household.disability), "childInDanger": .bool(household.childInDanger), "rsa": .bool(household.rsa),
            "children": .array(household.children.map { child in
                .object(["birthDate": .string(child.birthDate.description), "inCharge": .bool(child.inCharge),
                         "livesInFrance": .bool(child.livesInFrance), "aseMeasure": .bool(child.aseMeasure)])
            }),
        ]
        if let date { object["date"] = .string(date.description) }
        if let age = household.age { object["age"] = .integer(age) }
        if let sector = household.sector { object["sector"] = .string(sector) }
        if let commune = household.commune { object["commune"] = .string(commune) }
        if let followed = household.alreadyFollowedBy { object["alreadyFollowedBy"] = .string(followed.rawValue) }
        if let derogation = household.derogation {
            object["derogation"] = .object(["service": .string(derogation.service.rawValue), "justification": .string(derogation.justification),
                                            "agreedByPTS": .string(derogation.agreedByPTS), "agreedByCCAS": .string(derogation.agreedByCCAS)])
        }
        let data = (try? ContractJSON.encoder(prettyPrinted: false).encode(JSONValue.object(object))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func children(_ reader: JSONObjectReader) throws(OrientationRequestError) -> [Child] {
        guard let value = reader.value("children") else { return [] }
        guard case .array(let items) = value else {
            throw reader.mistyped("children", "doit être une liste d'enfants", value)
        }
        guard items.count <= Household.maximumChildren else {
            throw OrientationRequestError(field: "children",
                message: "Le champ « children » compte au plus \(Household.maximumChildren) enfants (reçu : \(items.count)).")
        }
        var children: [Child] = []
        for (index, item) in items.enumerated() {
            let path = "children[\(index)]"
            let child = try JSONObjectReader(item, path: path, allowed: childFields, what: "L'enfant \(path)")
            guard let birthDate = try child.date("birthDate") else {
                throw child.missing("birthDate", "date de naissance de l'enfant, AAAA-MM-JJ")
            }
            children.append(Child(
                birthDate: birthDate,
                inCharge: try child.bool("inCharge", default: true),
                livesInFrance: try child.bool("livesInFrance", default: true),
                aseMeasure: try child.bool("aseMeasure", default: false)))
        }
        return children
    }

    private static func commune(_ reader: JSONObjectReader) throws(OrientationRequestError) -> String? {
        guard let code = try reader.string("commune", expected: "code INSEE de la commune de résidence, par exemple \"33063\" pour Bordeaux") else {
            return nil
        }
        guard Commune.isValidCode(code) else {
            throw OrientationRequestError(field: "commune",
                message: "Le champ « commune » doit être un code INSEE de 5 caractères, par exemple \"33063\" pour Bordeaux (reçu : \"\(code)\").")
        }
        return code
    }

    private static func derogation(_ reader: JSONObjectReader) throws(OrientationRequestError) -> Derogation? {
        guard let value = reader.value("derogation") else { return nil }
        let derogation = try JSONObjectReader(value, path: "derogation", allowed: derogationFields,
                                              what: "Le champ « derogation »")
        guard let service = try derogation.service("service") else {
            throw derogation.missing("service", "service retenu par la dérogation, \"CCAS\" ou \"MDS\"")
        }
        guard let justification = try derogation.string("justification", expected: "justification écrite") else {
            throw derogation.missing("justification", "une dérogation doit être justifiée par écrit")
        }
        guard let agreedByPTS = try derogation.string("agreedByPTS", expected: "nom de qui a convenu la dérogation pour le PTS") else {
            throw derogation.missing("agreedByPTS", "nom et fonction de qui a convenu la dérogation pour le PTS")
        }
        guard let agreedByCCAS = try derogation.string("agreedByCCAS", expected: "nom de qui a convenu la dérogation pour le CCAS") else {
            throw derogation.missing("agreedByCCAS", "nom et fonction de qui a convenu la dérogation pour le CCAS")
        }
        return Derogation(service: service, justification: justification, agreedByPTS: agreedByPTS, agreedByCCAS: agreedByCCAS)
    }
}
