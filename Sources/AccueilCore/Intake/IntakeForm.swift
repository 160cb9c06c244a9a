import Orientation
import Planning

/// The intake form as posted, parsed and checked. The same value refills the form on error.
package struct IntakeForm {
    /// Child rows shown at first; the agent adds more, up to the rule's bound (`Household.maximumChildren`).
    package static let childRows = 5
    package static let childRowsStep = 5

    package struct ChildRow {
        package var birthDate = ""
        package var inCharge = true
        package var livesInFrance = true
        package var aseMeasure = false

        package init(birthDate: String = "", inCharge: Bool = true, livesInFrance: Bool = true, aseMeasure: Bool = false) {
            self.birthDate = birthDate
            self.inCharge = inCharge
            self.livesInFrance = livesInFrance
            self.aseMeasure = aseMeasure
        }
    }

    package var date = ""
    package var time = ""
    package var siteID = ""
    /// Nil when the posted value is none of the channels.
    package var channel: IntakeChannel? = .onSite
    /// « Hors les murs » chosen as the channel: in person, outside the sites (`Outreach`).
    package var outside = false
    package var outreachPlace = ""
    package var outreachTeam = ""
    package var outreachSite = ""
    /// The stage of an eviction procedure, with the motive « prévention des expulsions » only.
    package var expulsionStage = ""
    /// The permanence occurrence of a person who walked in without a booking ("" otherwise), checked by `WalkIns.check`.
    package var walkInOccurrence = ""
    package var level = 1
    /// "" = new person (or not chosen yet), "nouveau" = the agent confirmed it is someone else, else a person id.
    package var personChoice = ""
    package var lastName = ""
    package var firstName = ""
    package var birthDate = ""
    package var phone = ""
    /// 1 to `Household.maximumAdults`.
    package var adults = 1
    package var pregnant = false
    package var children: [ChildRow] = Array(repeating: ChildRow(), count: childRows)
    package var requestConcernsChild = false
    package var homeless = false
    package var sector = ""
    /// The commune as typed (« Bordeaux », « Mérignac », an INSEE code); read by `CommuneLookup`.
    package var commune = "Bordeaux"
    /// The address typed for the sector lookup only: it is not kept (the sector is what the rule reads).
    package var address = ""
    package var age = ""
    package var disability = false
    package var childInDanger = false
    package var rsa = false
    package var followedBy = ""
    package var referent = ""
    package var motives: [String] = []
    package var interpreter = false
    /// A tag of `IntakeLanguage.list`, « autre », or "" when not asked.
    package var language = ""
    package var languageOther = ""
    package var accessibility = ""
    package var note = ""
    package var consentOrientation = false
    package var consentSharing = false
    package var errors: [(field: String, message: String)] = []

    package init() {}

    /// The language chosen, once the form is valid.
    package var intakeLanguage: IntakeLanguage? { IntakeLanguage(tag: language, otherName: languageOther) }

    package var hasIdentity: Bool { !lastName.isEmpty || !firstName.isEmpty }

    /// Where and by whom, for an intake outside the sites, once the form is valid.
    package var outreach: Outreach? {
        guard outside, let place = Outreach.Place(rawValue: outreachPlace), let team = Outreach.Team(rawValue: outreachTeam) else { return nil }
        return Outreach(place: place, team: team, siteID: outreachSite.isEmpty ? nil : outreachSite)
    }

    package var expulsion: ExpulsionStage? { ExpulsionStage(rawValue: expulsionStage) }

    /// The outreach and eviction fields: the place kind and team required outside the sites, a place
    /// of the planning among those offered, a stage with its motive only.
    mutating func checkOutreachAndStage(outreachSites: Set<String>) {
        if outside {
            if Outreach.Place(rawValue: outreachPlace) == nil { errors.append(("hors_murs_lieu", "Choisissez où l'accueil hors les murs a eu lieu.")) }
            if Outreach.Team(rawValue: outreachTeam) == nil { errors.append(("hors_murs_equipe", "Choisissez l'équipe qui a fait l'accueil hors les murs.")) }
            if !outreachSite.isEmpty, !outreachSites.contains(outreachSite) { errors.append(("hors_murs_site", "Ce lieu ne figure pas parmi les lieux du planning.")) }
        } else {
            // Left filled after the channel changed back: not part of this intake.
            (outreachPlace, outreachTeam, outreachSite) = ("", "", "")
        }
        if !expulsionStage.isEmpty {
            if ExpulsionStage(rawValue: expulsionStage) == nil {
                errors.append(("etape_expulsion", "Étape inconnue de la procédure d'expulsion."))
            } else if !motives.contains(ExpulsionStage.motive) {
                errors.append(("etape_expulsion", "L'étape de la procédure d'expulsion s'indique avec le motif « Prévention des expulsions »."))
            }
        }
    }

    /// Checks every field and builds the household the rule reads. Errors are French and name the field.
    package mutating func validate(referential: TerritorialReferential, communes: [CommuneServices], motives catalog: MotiveCatalog,
                                   allowedSites: Set<String>, outreachSites: Set<String> = [], today: LocalDate) -> (household: Household, date: LocalDate)? {
        errors = []
        let day = LocalDate(iso: date)
        if day == nil { errors.append(("date", "La date de l'accueil est invalide (format AAAA-MM-JJ).")) }
        if let day, day > today { errors.append(("date", "La date de l'accueil ne peut pas être dans le futur.")) }
        if TimeOfDay(time) == nil { errors.append(("heure", "L'heure est invalide (format HH:MM).")) }
        if !allowedSites.contains(siteID) { errors.append(("site", "Choisissez le site d'accueil parmi vos sites.")) }
        if channel == nil { errors.append(("canal", "Choisissez le canal de l'accueil.")) }
        if lastName.isEmpty { errors.append(("nom", "Le nom de la personne est obligatoire pour une orientation (sinon, utilisez « Information seule »).")) }
        if firstName.isEmpty { errors.append(("prenom", "Le prénom de la personne est obligatoire pour une orientation.")) }
        var birth: LocalDate?
        if !birthDate.isEmpty {
            birth = LocalDate(iso: birthDate)
            if birth == nil || (day.map { birth! > $0 } ?? false) { errors.append(("naissance", "La date de naissance est invalide.")) }
        }
        if !phone.isEmpty, !phone.allSatisfy({ $0.isNumber || " +.-()".contains($0) }) || phone.filter(\.isNumber).count < 6 {
            errors.append(("telephone", "Le numéro de téléphone est invalide."))
        }
        var children: [Child] = []
        for (index, row) in self.children.enumerated() where !row.birthDate.isEmpty {
            guard let birthDate = LocalDate(iso: row.birthDate), day.map({ birthDate <= $0 }) ?? true else {
                errors.append(("enfant\(index)_naissance", "La date de naissance de l'enfant \(index + 1) est invalide."))
                continue
            }
            children.append(Child(birthDate: birthDate, inCharge: row.inCharge, livesInFrance: row.livesInFrance, aseMeasure: row.aseMeasure))
        }
        let communeCode: String?
        switch CommuneLookup.resolve(commune, communes: communes, on: day ?? today) {
        case .bordeaux: communeCode = Commune.bordeaux
        case .known(let entry): communeCode = entry.inseeCode
        case .codeNotInTable(let code): communeCode = code
        case .unknown where commune.isEmpty:
            communeCode = nil
            errors.append(("commune", "Indiquez la commune de résidence (Bordeaux, ou une autre commune de la Gironde)."))
        case .unknown:
            communeCode = nil
            errors.append(("commune", "Commune inconnue : « \(commune) ». Choisissez-la dans la liste des communes de la Gironde, ou saisissez "
                           + "son code INSEE (5 chiffres) si elle n'y figure pas : la personne ne pourra alors être orientée vers les "
                           + "services de Bordeaux que par dérogation."))
        }
        let inBordeaux = communeCode == Commune.bordeaux
        if !sector.isEmpty, referential.sector(key: sector) == nil { errors.append(("secteur", "Ce secteur n'existe pas dans le référentiel.")) }
        if sector.isEmpty && !homeless && inBordeaux {
            errors.append(("secteur", "Indiquez le secteur de résidence (la recherche par adresse le trouve), ou cochez « sans domicile »."))
        }
        var personAge: Int?
        if let birth, let day { personAge = LocalDate.years(from: birth, to: day) }
        if !age.isEmpty {
            if let value = Int(age), (0...130).contains(value) { personAge = personAge ?? value } else { errors.append(("age", "L'âge doit être un nombre entre 0 et 130.")) }
        }
        if !followedBy.isEmpty, Service(rawValue: followedBy) == nil { errors.append(("deja_suivi", "Valeur inconnue pour le suivi en cours.")) }
        if let unknown = motives.first(where: { catalog.motive($0) == nil }) { errors.append(("motifs", "Motif inconnu : \(unknown).")) }
        if motives.isEmpty { errors.append(("motifs", "Choisissez au moins un motif.")) }
        if !language.isEmpty, language != IntakeLanguage.other, IntakeLanguage.entry(language) == nil {
            errors.append(("langue", "Langue inconnue : choisissez-la dans la liste, ou « Autre » en précisant son nom."))
        }
        if language == IntakeLanguage.other, languageOther.isEmpty { errors.append(("langue_autre", "Précisez le nom de la langue.")) }
        if interpreter && language.isEmpty { errors.append(("langue", "Précisez la langue pour l'interprète.")) }
        if !consentOrientation { errors.append(("consentement_orientation", "L'accord de la personne est nécessaire pour l'orienter.")) }
        checkOutreachAndStage(outreachSites: outreachSites)
        guard errors.isEmpty, let day else { return nil }
        let household = Household(adults: adults, pregnant: pregnant, children: children, requestConcernsChild: requestConcernsChild,
                                  homeless: homeless, age: personAge, disability: disability, childInDanger: childInDanger, rsa: rsa,
                                  sector: sector.isEmpty ? nil : sector, commune: communeCode, alreadyFollowedBy: Service(rawValue: followedBy))
        return (household, day)
    }
}
