/// Where the records this instance writes come from (the schema's `source`, the prefix of their ids).
package enum DirectorySource {
    package static let name = "accueil-commun-bordeaux"
}

/// What structures and services share: an id, where they are kept, and the place and contact
/// fields the schema repeats on both.
package protocol DirectoryRecord: Codable, Sendable {
    static var kind: PartnerDirectory.Kind { get }
    var id: String { get }
    /// The structure a service belongs to; nil for a structure.
    var parentID: String? { get }
    var address: String? { get set }
    var addressComplement: String? { get set }
    var postcode: String? { get set }
    var commune: String? { get set }
    var inseeCode: String? { get set }
    var phone: String? { get set }
    var email: String? { get set }
    var openingHours: String? { get set }
}

/// A structure of the partner directory (CAF, CPAM, a centre social…), in the field names of the
/// data·inclusion v1 schema, so that the stored record, the export and the import are one shape.
package struct DirectoryStructure: DirectoryRecord, Equatable {
    package static let kind = PartnerDirectory.Kind.structure
    package var parentID: String? { nil }
    package var source = DirectorySource.name
    package var id: String
    package var name: String
    /// AAAA-MM-JJ: when the record last changed here.
    package var updatedOn: String
    package var description: String?
    package var address: String?
    package var addressComplement: String?
    package var postcode: String?
    package var commune: String?
    package var inseeCode: String?
    package var phone: String?
    package var email: String?
    package var website: String?
    /// OpenStreetMap opening_hours syntax, as the schema asks (« Mo-Fr 08:30-12:30 »).
    package var openingHours: String?
    /// Link to the place's Acceslibre page.
    package var accessibility: String?
    package var networks: [String]?

    enum CodingKeys: String, CodingKey {
        case source, id, description, commune
        case name = "nom", updatedOn = "date_maj", address = "adresse", addressComplement = "complement_adresse"
        case postcode = "code_postal", inseeCode = "code_insee", phone = "telephone", email = "courriel", website = "site_web"
        case openingHours = "horaires_accueil", accessibility = "accessibilite_lieu", networks = "reseaux_porteurs"
    }

    package init(id: String, name: String, updatedOn: String) {
        self.id = id
        self.name = name
        self.updatedOn = updatedOn
    }
}

/// A service of a structure (an appointment desk, a permanence, a workshop), in the schema's field
/// names. What the schema has no field for travels in extension fields named `accueil_commun__…`,
/// which its validation tolerates (unknown fields are ignored): the languages spoken and the
/// documents to bring.
package struct DirectoryService: DirectoryRecord, Equatable {
    package static let kind = PartnerDirectory.Kind.service
    package var parentID: String? { structureID }
    package var source = DirectorySource.name
    package var structureID: String
    package var id: String
    package var name: String
    package var description: String
    package var updatedOn: String
    package var type: String?
    package var themes: [String]?
    package var fees: String?
    package var audiences: [String]?
    package var audienceDetails: String?
    package var accessConditions: String?
    package var address: String?
    package var addressComplement: String?
    package var postcode: String?
    package var commune: String?
    package var inseeCode: String?
    package var phone: String?
    package var email: String?
    package var receptionModes: [String]?
    package var openingHours: String?
    /// ISO 639 codes of the languages the service can receive people in (extension).
    package var languages: [String]?
    /// Documents to bring, written for the person (extension).
    package var documents: [String]?

    enum CodingKeys: String, CodingKey {
        case source, id, description, type, commune
        case structureID = "structure_id", name = "nom", updatedOn = "date_maj", themes = "thematiques", fees = "frais"
        case audiences = "publics", audienceDetails = "publics_precisions", accessConditions = "conditions_acces"
        case address = "adresse", addressComplement = "complement_adresse", postcode = "code_postal", inseeCode = "code_insee"
        case phone = "telephone", email = "courriel", receptionModes = "modes_accueil", openingHours = "horaires_accueil"
        case languages = "accueil_commun__langues", documents = "accueil_commun__pieces_a_apporter"
    }

    package init(structureID: String, id: String, name: String, description: String, updatedOn: String) {
        self.structureID = structureID
        self.id = id
        self.name = name
        self.description = description
        self.updatedOn = updatedOn
    }

    /// The place and contact the person is given: the service's own, else its structure's.
    package func contact(in structure: DirectoryStructure?) -> DirectoryContact {
        let ownPlace = address != nil
        return DirectoryContact(
            name: structure.map { $0.name == name ? name : "\(name) — \($0.name)" } ?? name,
            address: ownPlace ? DirectoryContact.line(address, addressComplement, postcode, commune)
                : structure.flatMap { DirectoryContact.line($0.address, $0.addressComplement, $0.postcode, $0.commune) },
            phone: phone ?? structure?.phone, email: email ?? structure?.email, openingHours: openingHours ?? structure?.openingHours)
    }
}

/// What can be printed for the person about a service: only what is known; nothing is ever made up.
package struct DirectoryContact: Sendable, Equatable {
    package var name: String
    package var address: String?
    package var phone: String?
    package var email: String?
    package var openingHours: String?

    /// « 12 rue X, 33000 Bordeaux » from the parts known; nil without a street address.
    static func line(_ street: String?, _ complement: String?, _ postcode: String?, _ commune: String?) -> String? {
        guard let street, !street.isEmpty else { return nil }
        let town = [postcode, commune].compactMap { $0 }.joined(separator: " ")
        return [street, complement, town.isEmpty ? nil : town].compactMap { $0 }.joined(separator: ", ")
    }

    /// The fields an administrator should fill, in French, for the « missing » notes.
    package var missing: [String] {
        [address == nil ? "adresse" : nil, phone == nil ? "téléphone" : nil, email == nil ? "courriel" : nil,
         openingHours == nil ? "horaires" : nil].compactMap { $0 }
    }
}
