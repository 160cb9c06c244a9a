/// Turns the chosen service into a place: the CCAS at the Cité Municipale, or the MDS serving
/// the sector of residence on the reference date.
enum DestinationRules {
    struct Destination {
        let site: Site?
        let circonscription: String?
        let fired: FiredRule
    }

    /// `site`: the site a standing adjustment names, used instead of the usual one.
    static func resolve(
        _ service: Service, household: Household, on date: LocalDate, referential: TerritorialReferential, site named: String? = nil
    ) throws(OrientationError) -> Destination {
        if let named, let site = referential.site(id: named) {
            let circonscription = site.circonscription.flatMap { referential.circonscription(id: $0)?.name }
            return Destination(site: site, circonscription: circonscription, fired: FiredRule(service == .ccas ? .ccasSite : .mdsOfSector,
                "Lieu désigné par l'aménagement de la règle : \(site.name)\(site.address.map { ", \($0)" } ?? "")."))
        }
        switch service {
        case .ccas:
            let site = referential.ccasSite
            return Destination(site: site, circonscription: nil, fired: FiredRule(.ccasSite,
                "Lieu d'accueil du CCAS : \(site.name)\(site.address.map { ", \($0)" } ?? "")."))
        case .mds:
            guard let key = household.sector else {
                return Destination(site: nil, circonscription: nil, fired: withoutSector(household))
            }
            let site = try referential.mds(forSector: key, on: date)
            let circonscription = site.circonscription.flatMap { referential.circonscription(id: $0)?.name }
            return Destination(site: site, circonscription: circonscription,
                               fired: FiredRule(.mdsOfSector, sectorReason(key, site, circonscription, date, referential)))
        }
    }

    /// No sector: the router does not guess an MDS. For a homeless person the convention names no
    /// MDS; using the sector of a domiciliation address is a local choice (docs/orientation.md).
    /// Meanwhile the MDS social workers receive every afternoon at the Cité Municipale (Annexe 4),
    /// so nobody leaves without a next step.
    private static func withoutSector(_ household: Household) -> FiredRule {
        if household.homeless {
            return FiredRule(.homelessWithoutSector,
                "Personne sans domicile et sans secteur renseigné : la MDS ne peut pas être désignée (la "
                + "convention ne dit pas laquelle). Si la personne a une adresse de domiciliation, renseigner "
                + "le secteur de cette adresse (choix local) ; en attendant, les assistants sociaux des MDS "
                + "reçoivent chaque après-midi à la Cité Municipale.")
        }
        return FiredRule(.missingSector,
            "Secteur de résidence non renseigné : la MDS ne peut pas être désignée. Renseigner le "
            + "secteur de résidence pour connaître la MDS compétente.")
    }

    private static func sectorReason(
        _ key: String, _ site: Site, _ circonscription: String?, _ date: LocalDate,
        _ referential: TerritorialReferential
    ) -> String {
        let sector = referential.sector(key: key)
        let label = sector?.label ?? key
        let inCirconscription = circonscription.map { " (circonscription \($0))" } ?? ""
        var sentence = "Secteur « \(label) » : la MDS compétente au \(date.frenchDescription) est la "
            + "\(site.name)\(inCirconscription)"
        // Say when the sector changed hands, so an agent who remembers the old MDS is not surprised.
        if let assignment = sector?.assignment(on: date), assignment.validFrom > referential.coverageStart {
            sentence += ", qui dessert ce secteur depuis le \(assignment.validFrom.frenchDescription)"
        }
        return sentence + "."
    }
}
