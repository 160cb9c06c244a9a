/// Intakes made outside the desk's sites (« aller-vers », « hors les murs », asked by the annexes and
/// the schéma communal): in person, at a place of the planning such as a centre d'animation, at the
/// person's home, in a partner's premises or in the street, by a team of one institution or both.
/// Counted apart from the desk's own contacts: in the channels as « hors les murs », and by place
/// kind and team.
package struct Outreach: Sendable, Equatable {
    package enum Place: String, CaseIterable, Sendable, StoredAsText {
        case permanence = "permanence"
        case home = "domicile"
        case partner = "partenaire"
        case street = "rue"

        package var label: String {
            switch self {
            case .permanence: "Permanence hors les murs (centre d'animation, lieu du planning)"
            case .home: "Visite à domicile"
            case .partner: "Dans les locaux d'un partenaire"
            case .street: "Dans la rue (maraude, aller-vers)"
            }
        }
    }

    package enum Team: String, CaseIterable, Sendable, StoredAsText {
        case ccas = "CCAS"
        case mds = "MDS"
        case joint = "commune"

        package var label: String {
            switch self {
            case .ccas: "Équipe du CCAS"
            case .mds: "Équipe de la MDS"
            case .joint: "Équipe commune CCAS et MDS"
            }
        }
    }

    /// The channel's key in the figures: outside the sites, whatever the stored channel (in person).
    package static let channelKey = "hors_les_murs"
    package static let channelLabel = "Hors les murs (aller-vers)"
    package static let placeDimension = "hors_murs_lieu"
    package static let teamDimension = "hors_murs_equipe"

    package var place: Place
    package var team: Team
    /// A place of the planning (a centre d'animation, a France Services…), when the place is one.
    package var siteID: String?

    package init(place: Place, team: Team, siteID: String? = nil) {
        self.place = place
        self.team = team
        self.siteID = siteID
    }
}

/// The stage of an eviction procedure, as the agent records it with the motive « prévention des
/// expulsions » (the bilan's vigilance point on the flows of the procedure).
package enum ExpulsionStage: String, CaseIterable, Sendable, StoredAsText {
    case unpaidRent = "impaye"
    case summons = "assignation"
    case orderToLeave = "commandement"
    case policeAssistance = "concours_force_publique"

    package static let motive = "prevention-expulsions"
    package static let dimension = "expulsion_etape"

    package var label: String {
        switch self {
        case .unpaidRent: "Impayé de loyer"
        case .summons: "Assignation devant le tribunal"
        case .orderToLeave: "Commandement de quitter les lieux"
        case .policeAssistance: "Concours de la force publique"
        }
    }
}
