/// Whose services answer: Bordeaux's (the CCAS at the Cité Municipale, the MDS of the sector) for
/// a resident of Bordeaux; for a resident of another commune, that commune's CCAS or the MDS serving
/// it, since the Département « réoriente … lorsque les besoins relèvent d'autres partenaires »
/// (convention, Article 3). Only a derogation agreed by the PTS and the CCAS brings a resident of
/// another commune to Bordeaux's services; for a commune the table does not know it is the only way.
enum ResidenceRules {
    enum Residence: Equatable {
        case bordeaux
        /// Another commune of the table, on the date.
        case outside(CommuneServices)
        /// Another commune (known to the table or not), received in Bordeaux through a derogation.
        case outsideByDerogation(code: String, commune: CommuneServices?)
    }

    static func residence(_ household: Household, on date: LocalDate, communes: [CommuneServices]) throws(OrientationError) -> Residence {
        guard !household.livesInBordeaux, let code = household.commune else { return .bordeaux }
        let entry = communes.first { $0.inseeCode == code && $0.period.contains(date) }
        if household.derogation != nil { return .outsideByDerogation(code: code, commune: entry) }
        guard let entry else { throw .unknownCommune(code) }
        return .outside(entry)
    }

    /// The destination outside Bordeaux: which CCAS and which MDS, the one the rule chose first.
    static func outsideReason(_ commune: CommuneServices, service: Service) -> FiredRule {
        let chosen = service == .ccas ? "le CCAS de la commune" : "la MDS qui dessert la commune"
        var sentence = "Commune de résidence : \(commune.name) (\(commune.inseeCode)), hors Bordeaux. Le CCAS de Bordeaux et les MDS "
            + "de Bordeaux servent les habitants de Bordeaux : orientation vers \(chosen)."
        // The reasons are kept with the orientation and given in a person's access report: unconfirmed
        // details stay in the commune table, where staff read them.
        sentence += commune.toConfirm ? " Coordonnées de la table des communes encore à confirmer."
            : " CCAS : \(describe(commune.ccas)) ; MDS : \(describe(commune.mds))."
        return FiredRule(.outsideBordeaux, sentence)
    }

    static func derogationReason(code: String, commune: CommuneServices?) -> FiredRule {
        let named = commune.map { "\($0.name) (\(code))" } ?? "code INSEE \(code), absente de la table des communes"
        return FiredRule(.outsideBordeauxByDerogation,
            "Commune de résidence hors Bordeaux (\(named)) : la personne est reçue par les services de Bordeaux par dérogation.")
    }

    private static func describe(_ service: PublicService) -> String {
        let details = [service.address, service.phone, service.email].compactMap { $0 }
        let name = service.name ?? "non renseigné"
        return details.isEmpty ? name : "\(name), \(details.joined(separator: ", "))"
    }
}
