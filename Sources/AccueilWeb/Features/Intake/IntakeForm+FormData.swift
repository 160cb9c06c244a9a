import AccueilCore
import HTTPCore
import Orientation

/// The intake form read from a posted body: every field bounded, unchecked flags false.
extension IntakeForm {
    init(_ form: FormData) {
        self.init()
        func text(_ name: String, max: Int = 200) -> String { String((form[name] ?? "").trimmed.prefix(max)) }
        func flag(_ name: String) -> Bool { form[name] != nil && form[name] != "0" }
        date = text("date", max: 10)
        time = text("heure", max: 5)
        siteID = text("site", max: 80)
        let channelText = text("canal", max: 20)
        outside = channelText == Outreach.channelKey
        channel = outside ? .onSite : IntakeChannel(rawValue: channelText)
        outreachPlace = text("hors_murs_lieu", max: 20)
        outreachTeam = text("hors_murs_equipe", max: 10)
        outreachSite = text("hors_murs_site", max: 80)
        expulsionStage = text("etape_expulsion", max: 30)
        walkInOccurrence = text("permanence", max: 120)
        // Received at the permanence: in person, at its site, whatever else was posted.
        if !walkInOccurrence.isEmpty { (channel, outside) = (.onSite, false) }
        level = form["niveau"] == "2" ? 2 : 1
        personChoice = text("personne", max: 20)
        lastName = text("nom", max: 100)
        firstName = text("prenom", max: 100)
        birthDate = text("naissance", max: 10)
        phone = text("telephone", max: 30)
        adults = Int(text("adultes", max: 2)).map { min(max($0, 1), Household.maximumAdults) } ?? 1
        pregnant = flag("enceinte")
        // The rows the page showed (more after « Ajouter des lignes »), within the rule's bound.
        let rows = min(max(Int(text("lignes_enfants", max: 2)) ?? Self.childRows, Self.childRows), Household.maximumChildren)
        children = (0..<rows).map { index in
            IntakeForm.ChildRow(birthDate: text("enfant\(index)_naissance", max: 10), inCharge: form["enfant\(index)_charge"] != "non",
                     livesInFrance: form["enfant\(index)_france"] != "non", aseMeasure: flag("enfant\(index)_ase"))
        }
        requestConcernsChild = flag("demande_enfant")
        homeless = flag("sans_domicile")
        sector = text("secteur", max: 40)
        // A form without the field (older pages) means Bordeaux; a field left empty is asked again.
        commune = form["commune"] == nil ? "Bordeaux" : text("commune", max: 80)
        address = text("adresse", max: 200)
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
}
