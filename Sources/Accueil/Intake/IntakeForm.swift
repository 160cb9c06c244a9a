import HTTPCore
import Orientation

/// The intake form as posted, parsed and checked. The same value refills the form on error.
struct IntakeForm {
    static let childRows = 5
    static let channels: [(String, String)] = [("sur_place", "Sur place"), ("telephone", "Téléphone"), ("courriel", "Courriel")]

    struct ChildRow {
        var birthDate = ""
        var inCharge = true
        var livesInFrance = true
        var aseMeasure = false
    }

    var date = ""
    var time = ""
    var siteID = ""
    var channel = "sur_place"
    var level = 1
    /// "" = new person (or not chosen yet), "nouveau" = the agent confirmed it is someone else, else a person id.
    var personChoice = ""
    var lastName = ""
    var firstName = ""
    var birthDate = ""
    var phone = ""
    var adults = 1
    var pregnant = false
    var children: [ChildRow] = Array(repeating: ChildRow(), count: childRows)
    var requestConcernsChild = false
    var homeless = false
    var sector = ""
    var age = ""
    var disability = false
    var childInDanger = false
    var rsa = false
    var followedBy = ""
    var referent = ""
    var motives: [String] = []
    var interpreter = false
    /// A tag of `IntakeLanguage.list`, « autre », or "" when not asked.
    var language = ""
    var languageOther = ""
    var accessibility = ""
    var note = ""
    var consentOrientation = false
    var consentSharing = false
    var errors: [(field: String, message: String)] = []

    init() {}

    init(_ form: FormData) {
        func text(_ name: String, max: Int = 200) -> String { String((form[name] ?? "").trimmed.prefix(max)) }
        func flag(_ name: String) -> Bool { form[name] != nil && form[name] != "0" }
        date = text("date", max: 10)
        time = text("heure", max: 5)
        siteID = text("site", max: 80)
        channel = text("canal", max: 20)
        level = form["niveau"] == "2" ? 2 : 1
        personChoice = text("personne", max: 20)
        lastName = text("nom", max: 100)
        firstName = text("prenom", max: 100)
        birthDate = text("naissance", max: 10)
        phone = text("telephone", max: 30)
        adults = form["adultes"] == "2" ? 2 : 1
        pregnant = flag("enceinte")
        children = (0..<Self.childRows).map { index in
            ChildRow(birthDate: text("enfant\(index)_naissance", max: 10), inCharge: form["enfant\(index)_charge"] != "non",
                     livesInFrance: form["enfant\(index)_france"] != "non", aseMeasure: flag("enfant\(index)_ase"))
        }
        requestConcernsChild = flag("demande_enfant")
        homeless = flag("sans_domicile")
        sector = text("secteur", max: 40)
        age = text("age", max: 3)
        disability = flag("handicap")
        childInDanger = flag("enfant_danger")
        rsa = flag("rsa")
        followedBy = text("deja_suivi", max: 4)
        referent = text("referent", max: 120)
        motives = form.values("motifs")
        interpreter = flag("interprete")
        language = text("langue", max: 20)
        languageOther = text("langue_autre", max: 60)
        accessibility = text("accessibilite", max: 300)
        note = String((form["note"] ?? "").trimmed.prefix(4000))
        consentOrientation = flag("consentement_orientation")
        consentSharing = flag("consentement_partage")
    }

    /// The language chosen, once the form is valid.
    var intakeLanguage: IntakeLanguage? { IntakeLanguage(tag: language, otherName: languageOther) }

    var hasIdentity: Bool { !lastName.isEmpty || !firstName.isEmpty }

    /// Checks every field and builds the household the rule reads. Errors are French and name the field.
    mutating func validate(referential: TerritorialReferential, motives catalog: MotiveCatalog, allowedSites: Set<String>,
                           today: LocalDate) -> (household: Household, date: LocalDate)? {
        errors = []
        let day = LocalDate(iso: date)
        if day == nil { errors.append(("date", "La date de l'accueil est invalide (format AAAA-MM-JJ).")) }
        if let day, day > today { errors.append(("date", "La date de l'accueil ne peut pas être dans le futur.")) }
        if FrenchDates.time(time) == nil { errors.append(("heure", "L'heure est invalide (format HH:MM).")) }
        if !allowedSites.contains(siteID) { errors.append(("site", "Choisissez le site d'accueil parmi vos sites.")) }
        if !Self.channels.contains(where: { $0.0 == channel }) { errors.append(("canal", "Choisissez le canal de l'accueil.")) }
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
        if !sector.isEmpty, referential.sector(key: sector) == nil { errors.append(("secteur", "Ce secteur n'existe pas dans le référentiel.")) }
        if sector.isEmpty && !homeless { errors.append(("secteur", "Indiquez le secteur de résidence, ou cochez « sans domicile ».")) }
        var personAge: Int?
        if let birth, let day { personAge = LocalDate.years(from: birth, to: day) }
        if !age.isEmpty {
            if let value = Int(age), (0...130).contains(value) { personAge = personAge ?? value } else { errors.append(("age", "L'âge doit être un nombre entre 0 et 130.")) }
        }
        if !["", "CCAS", "MDS"].contains(followedBy) { errors.append(("deja_suivi", "Valeur inconnue pour le suivi en cours.")) }
        if let unknown = motives.first(where: { catalog.motive($0) == nil }) { errors.append(("motifs", "Motif inconnu : \(unknown).")) }
        if motives.isEmpty { errors.append(("motifs", "Choisissez au moins un motif.")) }
        if !language.isEmpty, language != IntakeLanguage.other, IntakeLanguage.entry(language) == nil {
            errors.append(("langue", "Langue inconnue : choisissez-la dans la liste, ou « Autre » en précisant son nom."))
        }
        if language == IntakeLanguage.other, languageOther.isEmpty { errors.append(("langue_autre", "Précisez le nom de la langue.")) }
        if interpreter && language.isEmpty { errors.append(("langue", "Précisez la langue pour l'interprète.")) }
        if !consentOrientation { errors.append(("consentement_orientation", "L'accord de la personne est nécessaire pour l'orienter.")) }
        guard errors.isEmpty, let day else { return nil }
        let household = Household(adults: adults, pregnant: pregnant, children: children, requestConcernsChild: requestConcernsChild,
                                  homeless: homeless, age: personAge, disability: disability, childInDanger: childInDanger, rsa: rsa,
                                  sector: sector.isEmpty ? nil : sector, alreadyFollowedBy: Service(rawValue: followedBy))
        return (household, day)
    }
}
