import SQLiteStore

/// « Où vous adresser »: for an anonymous information-only contact, the agent picks one to three
/// services of the directory and prints them for the person. The choice is kept with the contact
/// (to print it again) and counted once in the figures by the themes of its services.
package enum InformationSheets {
    package static let maximum = 3

    package enum Refusal: Error, Equatable {
        case notAnInformationContact
        case count
        case unknownService(String)
        /// Chosen already: the sheet is reprinted as it was, not counted twice.
        case alreadyChosen
    }

    /// Records the choice (the caller's transaction) and counts the contact by theme category.
    package static func choose(_ db: Connection, intakeID: Int64, services ids: [String]) throws {
        guard let intake = try db.queryOne("SELECT day, site_id, information_only FROM intakes WHERE id = ?", [intakeID]),
              intake.bool("information_only") == true, let day = intake.string("day"), let site = intake.string("site_id") else {
            throw Refusal.notAnInformationContact
        }
        var seen: Set<String> = []
        let unique = ids.filter { seen.insert($0).inserted }
        guard (1...maximum).contains(unique.count) else { throw Refusal.count }
        guard try db.int("SELECT count(*) FROM information_sheets WHERE intake_id = ?", [intakeID]) == 0 else { throw Refusal.alreadyChosen }
        var categories: Set<String> = []
        for (position, id) in unique.enumerated() {
            guard let service = try PartnerDirectory.service(db, id: id) else { throw Refusal.unknownService(id) }
            categories.formUnion((service.themes ?? []).map(DirectoryVocabulary.category))
            try db.run("INSERT INTO information_sheets (intake_id, position, service_id) VALUES (?, ?, ?)", [intakeID, position, id])
        }
        for category in categories.sorted() {
            try db.run("INSERT INTO information_sheet_themes (intake_id, category) VALUES (?, ?)", [intakeID, category])
        }
        try StatisticsCounters.add(db, day: day, siteID: site, keys: categories.sorted().map { (StatisticsCounters.informationThemeDimension, $0) })
    }

    /// The services chosen for a contact, in order, with their structures (a service since removed is skipped).
    package static func chosen(_ db: Connection, intakeID: Int64) throws -> [(service: DirectoryService, structure: DirectoryStructure?)] {
        try db.query("SELECT service_id FROM information_sheets WHERE intake_id = ? ORDER BY position", [intakeID]).compactMap { row in
            guard let id = row.string("service_id"), let service = try PartnerDirectory.service(db, id: id) else { return nil }
            return (service, try PartnerDirectory.structure(db, id: service.structureID))
        }
    }
}
