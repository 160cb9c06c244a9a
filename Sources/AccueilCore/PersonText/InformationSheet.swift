import Orientation

/// « Où vous adresser »: the sheet an anonymous information contact takes along — the services the
/// agent chose, with only what is known of them, and the desk that received the person. Built from
/// catalogue sentences and stored public data only: no name, no motive, nothing internal.
public struct InformationSheet: Sendable, Equatable {
    public let sections: [PersonSlip.Section]

    public init(services: [PersonSlip.Facts.Place], issuedOn: LocalDate, desk: PersonSlip.Facts.Place?) {
        var sections = [PersonSlip.Section(heading: nil, lines: [.sentence("sheet.intro"), .sentence("person.issued", ["date": .date(issuedOn)])])]
        let lines = services.flatMap { place -> [PersonSlip.Line] in
            let lines = PersonSlip.partnerLines(place)
            // Only a name known: the desk gives the rest, as on the slip (never an empty label).
            return place.address == nil && place.phone == nil && place.email == nil ? lines + [.sentence("contact.missing")] : lines
        }
        sections.append(PersonSlip.Section(heading: "heading.also", lines: lines))
        if let desk { sections.append(PersonSlip.deskSection(desk)) }
        self.sections = sections
    }
}
