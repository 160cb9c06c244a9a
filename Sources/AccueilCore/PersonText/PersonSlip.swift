import Orientation

/// The fiche d'orientation as the person reads it: sections of catalogue sentences, built from the
/// decision by this code alone. The agent reasons never pass through here, and `Facts` holds
/// nothing internal (no household, no alert, no note, no derogation text): what is not in the
/// input cannot reach the paper.
public struct PersonSlip: Sendable, Equatable {
    public enum Line: Sendable, Equatable {
        /// A catalogue key with its values, already written out (dates, times, phone numbers).
        case sentence(String, [String: Value] = [:])
        /// A labelled datum printed as it is stored (address, phone, hours): label key, value.
        case datum(String, String)
        /// A place's name, printed as it is (« MDS Bastide »).
        case place(String)
        /// A catalogue key shown as a list item (documents to bring, other services).
        case item(String)
    }

    /// A value written out per language: dates in words, the rest as it is.
    public enum Value: Sendable, Equatable {
        case text(String)
        case date(LocalDate)
        /// A sentence of the catalogue, inserted into another one (the reason in « why »).
        case key(String)
        /// A language's name, written in the language of the text it goes into.
        case language(IntakeLanguage)
    }

    public struct Section: Sendable, Equatable {
        /// Catalogue key of the heading; nil for the top of the slip.
        public let heading: String?
        public let lines: [Line]
    }

    public let reference: String
    public let sections: [Section]

    /// Everything the slip may say, and nothing more.
    public struct Facts: Sendable {
        public struct Place: Sendable, Equatable {
            public var name: String
            public var address: String?
            public var phone: String?
            public var openingHours: String?
            public var accessibility: String?
            public var email: String? = nil
        }
        public struct Booking: Sendable, Equatable {
            public var kind: BookingKind
            public var date: LocalDate
            /// "14:30"; for a permanence, when it opens (optional). Anything but HH:MM is left out.
            public var time: String?
            /// Where, when it is a site of the directory other than the destination (a permanence held
            /// elsewhere). The agent's free text is never printed.
            public var place: Place?
        }

        public var reference: String
        public var issuedOn: LocalDate
        public var firstName: String
        public var lastName: String
        public var service: Service
        public var rules: [OrientationRule]
        public var isDerogation: Bool
        public var suggestions: [Suggestion]
        /// The partner services each suggestion points to in the directory (what is known of them only).
        public var partners: [Suggestion: [Place]] = [:]
        public var destination: Place?
        /// For a resident of another commune sent to its services: the commune's name. The destination
        /// is then set only from a confirmed row of the commune table (« à confirmer » prints nothing).
        public var commune: String? = nil
        public var booking: Booking?
        /// Motive codes whose documents may be listed (sensitive motives already left out).
        public var documentMotives: [String]
        public var language: IntakeLanguage?
        public var interpreterNeeded: Bool
        public var accessibilityNeeds: Bool
        public var consentSharing: Bool
        /// The desk that received the person, with its phone (the site's, else the desk setting).
        public var desk: Place?
    }

    public init(_ facts: Facts, documentKeys: (String) -> [String]) {
        reference = facts.reference
        var top: [Line] = []
        let name = Self.shortName(first: facts.firstName, last: facts.lastName)
        // A file erased after its retention period leaves the orientation without a name: no line then.
        if !name.isEmpty { top.append(.sentence("person.for", ["name": .text(name)])) }
        top.append(.sentence("person.issued", ["date": .date(facts.issuedOn)]))
        top.append(.datum("label.reference", facts.reference))
        top.append(.sentence("reference.give"))

        var sections = [Section(heading: nil, lines: top)]
        sections.append(Section(heading: "heading.where", lines: Self.where(facts)))
        sections.append(Section(heading: "heading.when", lines: Self.when(facts)))
        var needs: [Line] = []
        if facts.interpreterNeeded {
            if let language = facts.language, language.tag != IntakeLanguage.other {
                needs.append(.sentence("interpreter.named", ["language": .language(language)]))
            } else {
                needs.append(.sentence("interpreter.unnamed"))
            }
        }
        if facts.accessibilityNeeds { needs.append(.sentence("accessibility.sent")) }
        if !needs.isEmpty { sections.append(Section(heading: "heading.needs", lines: needs)) }

        let documents = facts.documentMotives.flatMap(documentKeys)
        if !documents.isEmpty {
            sections.append(Section(heading: "heading.bring", lines: [.sentence("bring.ifYouCan")] + documents.map(Line.item)))
        }
        let others = facts.suggestions.flatMap { suggestion -> [Line] in
            guard let key = Self.suggestionKey(suggestion) else { return [] }
            return [.item(key)] + (facts.partners[suggestion] ?? []).flatMap(Self.partnerLines)
        }
        if !others.isEmpty { sections.append(Section(heading: "heading.also", lines: others)) }
        sections.append(Section(heading: "heading.sharing", lines: [.sentence(facts.consentSharing ? "sharing.yes" : "sharing.no")]))
        if let desk = facts.desk { sections.append(Self.deskSection(desk)) }
        sections.append(Section(heading: "heading.privacy", lines: (1...4).map { .sentence("privacy.\($0)") }))
        self.sections = sections
    }

    /// The desk that received the person: its name, address and phone when known.
    package static func deskSection(_ desk: Facts.Place) -> Section {
        var lines: [Line] = [.place(desk.name)]
        if let address = desk.address { lines.append(.datum("label.address", address)) }
        if let phone = desk.phone { lines.append(.datum("label.phone", phone)) }
        return Section(heading: "heading.desk", lines: lines)
    }

    /// A partner service as the person reads it: its name and what is known of how to reach it.
    package static func partnerLines(_ place: Facts.Place) -> [Line] {
        var lines: [Line] = [.place(place.name)]
        if let address = place.address { lines.append(.datum("label.address", address)) }
        if let phone = place.phone { lines.append(.datum("label.phone", phone)) }
        if let email = place.email { lines.append(.datum("label.email", email)) }
        if let hours = place.openingHours { lines.append(.datum("label.hours", hours)) }
        return lines
    }

    /// First name and the initial of the last name: enough at the destination with the reference,
    /// little for whoever finds a lost slip.
    package static func shortName(first: String, last: String) -> String {
        // No period after the initial: the sentence that carries the name ends with its own.
        let initial = last.trimmed.first.map { " \(String($0).uppercased())" } ?? ""
        return first.trimmed + initial
    }

    private static func `where`(_ facts: Facts) -> [Line] {
        let who = facts.commune == nil ? (facts.service == .mds ? "who.mds" : "who.ccas")
            : (facts.service == .mds ? "who.mdsCommune" : "who.ccasCommune")
        var lines: [Line] = [.sentence("why", ["reason": .key(reasonKey(facts)), "who": .key(who)])]
        guard let destination = facts.destination else {
            // An MDS not yet named (no known address), or a commune's service not confirmed: the desk
            // says which one, never a guess.
            if let commune = facts.commune {
                if !commune.isEmpty { lines.append(.sentence("destination.yourCommune", ["commune": .text(commune)])) }
            } else {
                lines.append(.sentence("destination.mdsNearYou"))
            }
            lines.append(.sentence("contact.missing"))
            return lines
        }
        lines.append(.place(destination.name))
        if let address = destination.address { lines.append(.datum("label.address", address)) }
        if let phone = destination.phone { lines.append(.datum("label.phone", phone)) }
        if let hours = destination.openingHours { lines.append(.datum("label.hours", hours)) }
        if let access = destination.accessibility { lines.append(.datum("label.access", access)) }
        if destination.address == nil || destination.openingHours == nil {
            lines.append(.sentence("contact.missing"))
        }
        return lines
    }

    private static func when(_ facts: Facts) -> [Line] {
        let destinationPhone = facts.destination?.phone
        var lines: [Line] = []
        if let booking = facts.booking {
            let time = booking.time.flatMap { $0.wholeMatch(of: /[0-2][0-9]:[0-5][0-9]/) == nil ? nil : $0 }
            switch (booking.kind, time) {
            case (.appointment, let time?):
                lines.append(.sentence("booking.appointment", ["date": .date(booking.date), "time": .text(time)]))
            case (.appointment, nil):
                lines.append(.sentence("booking.appointmentDay", ["date": .date(booking.date)]))
            case (.permanence, let time?):
                lines.append(.sentence("booking.permanenceFrom", ["date": .date(booking.date), "time": .text(time)]))
            case (.permanence, nil):
                lines.append(.sentence("booking.permanence", ["date": .date(booking.date)]))
            }
            if let place = booking.place, place.name != facts.destination?.name {
                lines.append(.datum("label.place", place.name))
                if let address = place.address { lines.append(.datum("label.address", address)) }
            }
        } else if destinationPhone != nil {
            lines.append(.sentence("booking.call"))
        } else if facts.destination?.openingHours != nil {
            lines.append(.sentence("booking.visit"))
        } else {
            lines.append(.sentence("booking.none"))
        }
        if let phone = destinationPhone {
            lines.append(.sentence("cannotCome.phone", ["phone": .text(phone)]))
        } else {
            lines.append(.sentence("cannotCome.desk"))
        }
        return lines
    }

    /// The reason as the person would say it, from the rules that fired; a derogation is said as a
    /// joint choice of the two services, without its justification or who agreed it.
    package static func reasonKey(_ facts: Facts) -> String {
        // A derogation or a standing adjustment: the two services agreed, whatever the base rule said.
        if facts.isDerogation || facts.rules.contains(.adjustment) { return "reason.agreed" }
        for rule in facts.rules {
            switch rule {
            case .minorChildInCharge, .minorChildInFrance: return "reason.minorChild"
            case .pregnancy: return "reason.pregnancy"
            case .adultChildUnderASE: return "reason.adultChild"
            case .loneParentWithoutCustody: return "reason.childRequest"
            case .minorApplicant: return "reason.minorApplicant"
            default: continue
            }
        }
        // « Déjà suivi par le CCAS de Bordeaux » would contradict « le CCAS de votre commune ».
        if facts.commune != nil, facts.rules.contains(.keepsMDSFollowUp) || facts.rules.contains(.keepsCCASFollowUp) { return "reason.situation" }
        if facts.rules.contains(.keepsMDSFollowUp) { return "reason.followedMDS" }
        if facts.rules.contains(.keepsCCASFollowUp) { return "reason.followedCCAS" }
        if facts.rules.contains(.noMinorChild) { return "reason.noMinorChild" }
        // Orientations recorded before the rules were kept: a CCAS orientation without derogation
        // always means no minor child and no pregnancy (the user's rule); an MDS one may mean several things.
        return facts.service == .ccas ? "reason.noMinorChild" : "reason.situation"
    }

    /// Person-facing names of the other services; the child-protection alert is never one of them.
    package static func suggestionKey(_ suggestion: Suggestion) -> String? {
        switch suggestion {
        case .caio: "suggestion.caio"
        case .plaje: "suggestion.plaje"
        case .seniors: "suggestion.seniors"
        case .mdph: "suggestion.mdph"
        case .rsa: "suggestion.rsa"
        case .crip: nil
        }
    }
}
