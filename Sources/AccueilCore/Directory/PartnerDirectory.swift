import Foundation
import Orientation
import SQLiteStore

/// The partner directory in the database: records as their data·inclusion JSON, every version kept
/// and audited, the services each suggestion of the rule points to, and the search agents use.
package enum PartnerDirectory {
    package enum Kind: String, Sendable {
        case structure, service

        var table: String { self == .structure ? "directory_structures" : "directory_services" }
    }

    /// A whole directory: what the export gives and the import takes.
    package struct Contents: Sendable, Equatable {
        package var structures: [DirectoryStructure]
        package var services: [DirectoryService]
        package var suggestions: [String: [String]] = [:]

        package init(structures: [DirectoryStructure], services: [DirectoryService], suggestions: [String: [String]] = [:]) {
            self.structures = structures
            self.services = services
            self.suggestions = suggestions
        }
    }

    package struct Version: Sendable {
        package let at: Int64
        package let by: String?
        package let origin: String
        package let data: String
    }

    /// Refused whole, with every problem found.
    package struct Refusal: Error, Sendable {
        package let problems: [String]
        package init(problems: [String]) { self.problems = problems }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    package static func structures(_ db: Connection) throws -> [DirectoryStructure] {
        try db.query("SELECT data FROM directory_structures ORDER BY id").compactMap { try decode($0.string("data")) }
    }

    package static func services(_ db: Connection) throws -> [DirectoryService] {
        try db.query("SELECT data FROM directory_services ORDER BY structure_id, id").compactMap { try decode($0.string("data")) }
    }

    package static func structure(_ db: Connection, id: String) throws -> DirectoryStructure? {
        try decode(try db.string("SELECT data FROM directory_structures WHERE id = ?", [id]))
    }

    package static func service(_ db: Connection, id: String) throws -> DirectoryService? {
        try decode(try db.string("SELECT data FROM directory_services WHERE id = ?", [id]))
    }

    package static func contents(_ db: Connection) throws -> Contents {
        var suggestions: [String: [String]] = [:]
        for row in try db.query("SELECT suggestion, service_id FROM suggestion_services ORDER BY suggestion, service_id") {
            suggestions[row.string("suggestion") ?? "", default: []].append(row.string("service_id") ?? "")
        }
        return Contents(structures: try structures(db), services: try services(db), suggestions: suggestions)
    }

    /// The services a suggestion of the rule points to, with their structures, in the directory's order.
    package static func services(_ db: Connection, for suggestion: Suggestion) throws -> [(service: DirectoryService, structure: DirectoryStructure?)] {
        try db.query("""
            SELECT s.data AS service, t.data AS structure FROM suggestion_services x JOIN directory_services s ON s.id = x.service_id
            LEFT JOIN directory_structures t ON t.id = s.structure_id WHERE x.suggestion = ? ORDER BY s.id
            """, [suggestion.rawValue]).compactMap { row in
            guard let service: DirectoryService = try decode(row.string("service")) else { return nil }
            return (service, try decode(row.string("structure")))
        }
    }

    /// The partner services an orientation can send a link to: those of its suggestions that are not
    /// alerts, each once (two suggestions may point to the same service), in the suggestions' order.
    package static func offered(_ db: Connection, suggestions: [String]) throws -> [(service: DirectoryService, structure: DirectoryStructure?)] {
        var seen: Set<String> = []
        return try suggestions.compactMap(Suggestion.init(rawValue:)).filter { !$0.isAlert }
            .flatMap { try services(db, for: $0) }
            .filter { seen.insert($0.service.id).inserted }
    }

    /// What to tell about each suggestion's services (for the decision page and the slip).
    package static func contacts(_ db: Connection, for suggestions: [Suggestion]) throws -> [Suggestion: [DirectoryContact]] {
        var contacts: [Suggestion: [DirectoryContact]] = [:]
        for suggestion in suggestions {
            let found = try services(db, for: suggestion).map { $0.service.contact(in: $0.structure) }
            if !found.isEmpty { contacts[suggestion] = found }
        }
        return contacts
    }

    package static func suggestions(_ db: Connection, serviceID: String) throws -> [Suggestion] {
        try db.query("SELECT suggestion FROM suggestion_services WHERE service_id = ?", [serviceID]).compactMap { $0.string("suggestion").flatMap(Suggestion.init(rawValue:)) }
    }

    /// Saves one structure after checking it; a version and an audit row when it changed.
    package static func save(_ db: Connection, _ structure: DirectoryStructure, check: DirectoryCheck, account: Int64?, at now: Int64, origin: String) throws {
        let problems = check.problems(structure)
        guard problems.isEmpty else { throw Refusal(problems: problems) }
        try write(db, structure, account: account, at: now, origin: origin)
    }

    /// Saves one service after checking it (its structure must exist), with the suggestions it answers.
    package static func save(_ db: Connection, _ service: DirectoryService, suggestions: [Suggestion]?, check: DirectoryCheck,
                             account: Int64?, at now: Int64, origin: String) throws {
        let known = Set(try db.query("SELECT id FROM directory_structures").compactMap { $0.string("id") })
        let problems = check.problems(service, structures: known)
        guard problems.isEmpty else { throw Refusal(problems: problems) }
        try write(db, service, account: account, at: now, origin: origin)
        if let suggestions, Set(try Self.suggestions(db, serviceID: service.id)) != Set(suggestions) {
            try point(db, serviceID: service.id, to: suggestions)
            try AuditTrail.record(db, at: now, account: account, .directoryChanged, subjectType: Kind.service.rawValue, subjectID: service.id,
                                  detail: "proposé pour : " + (suggestions.isEmpty ? "aucune proposition" : suggestions.map(\.rawValue).joined(separator: ", ")))
        }
    }

    /// Imports a whole directory in one transaction (the caller's): every record checked first, then
    /// created or updated by id; nothing is kept of a file with a single problem. Records absent from
    /// the file stay as they are. Returns how many records changed.
    @discardableResult
    /// `audited`: false only for the shipped partners seeded at installation (their versions say so).
    package static func importContents(_ db: Connection, _ contents: Contents, check: DirectoryCheck, account: Int64?, at now: Int64,
                                       origin: String, audited: Bool = true) throws -> Int {
        var problems: [String] = []
        let ids = Set(try db.query("SELECT id FROM directory_structures").compactMap { $0.string("id") }).union(contents.structures.map(\.id))
        for (index, structure) in contents.structures.enumerated() {
            problems += check.problems(structure).map { "Structure n° \(index + 1) — \($0)" }
        }
        for (index, service) in contents.services.enumerated() {
            problems += check.problems(service, structures: ids).map { "Service n° \(index + 1) — \($0)" }
        }
        for duplicate in duplicates(contents.structures.map(\.id)) + duplicates(contents.services.map(\.id)) {
            problems.append("L'identifiant « \(duplicate) » figure deux fois dans le fichier.")
        }
        let serviceIDs = Set(try db.query("SELECT id FROM directory_services").compactMap { $0.string("id") }).union(contents.services.map(\.id))
        for (suggestion, services) in contents.suggestions {
            if Suggestion(rawValue: suggestion) == nil { problems.append("Suggestion « \(suggestion) » inconnue de la règle.") }
            for id in services where !serviceIDs.contains(id) { problems.append("Suggestion « \(suggestion) » : service « \(id) » inconnu.") }
        }
        guard problems.isEmpty else { throw Refusal(problems: problems) }
        var changed = 0
        for structure in contents.structures where try write(db, structure, account: account, at: now, origin: origin, audited: audited) { changed += 1 }
        for service in contents.services where try write(db, service, account: account, at: now, origin: origin, audited: audited) { changed += 1 }
        for (suggestion, services) in contents.suggestions {
            try db.run("DELETE FROM suggestion_services WHERE suggestion = ?", [suggestion])
            for id in services { try db.run("INSERT INTO suggestion_services (suggestion, service_id) VALUES (?, ?)", [suggestion, id]) }
        }
        guard audited else { return changed }
        try AuditTrail.record(db, at: now, account: account, .directoryImported, subjectType: "annuaire",
                              detail: "\(contents.structures.count) structure(s), \(contents.services.count) service(s), \(changed) fiche(s) modifiée(s) — \(origin)")
        return changed
    }

    package static func history(_ db: Connection, _ kind: Kind, id: String) throws -> [Version] {
        try db.query("""
            SELECT v.at, v.origin, v.data, a.display_name FROM directory_versions v LEFT JOIN accounts a ON a.id = v.account_id
            WHERE v.kind = ? AND v.record_id = ? ORDER BY v.at DESC, v.id DESC
            """, [kind.rawValue, id]).map {
            Version(at: $0.int64("at") ?? 0, by: $0.string("display_name"), origin: $0.string("origin") ?? "", data: $0.string("data") ?? "")
        }
    }

    /// The agents' search: services answering one of `themes` (all when nil), in `commune` when given
    /// (or without a place: reachable from anywhere), speaking `language` when given (French is spoken
    /// everywhere).
    package static func search(_ db: Connection, themes: Set<String>?, commune: String?, language: String?)
        throws -> [(service: DirectoryService, structure: DirectoryStructure?)] {
        let structures = Dictionary(try structures(db).map { ($0.id, $0) }) { first, _ in first }
        let place = commune.map { NameKey.normalize($0) }
        return try services(db).filter { service in
            if let themes, themes.isDisjoint(with: service.themes ?? []) { return false }
            if let place, !place.isEmpty {
                let town = service.commune ?? structures[service.structureID]?.commune
                if let town, NameKey.normalize(town) != place { return false }
            }
            if let language, language != "fr", !(service.languages ?? []).contains(language) { return false }
            return true
        }.map { ($0, structures[$0.structureID]) }
    }

    // MARK: - Writing

    /// Creates or updates a record when it changed, with its version (and audit row).
    @discardableResult
    private static func write<R: DirectoryRecord>(_ db: Connection, _ record: R, account: Int64?, at now: Int64, origin: String,
                                                  audited: Bool = true) throws -> Bool {
        let data = try text(record)
        // `table` is one of two literals of Kind, never input.
        let table = R.kind.table
        guard try db.string("SELECT data FROM \(table) WHERE id = ?", [record.id]) != data else { return false }
        if let structureID = record.parentID {
            try db.run("""
                INSERT INTO directory_services (id, structure_id, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET structure_id = excluded.structure_id, data = excluded.data, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
                """, [record.id, structureID, data, now, account])
        } else {
            try db.run("""
                INSERT INTO directory_structures (id, data, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, [record.id, data, now, account])
        }
        try version(db, R.kind, id: record.id, data: data, account: account, at: now, origin: origin, audited: audited)
        return true
    }

    private static func point(_ db: Connection, serviceID: String, to suggestions: [Suggestion]) throws {
        try db.run("DELETE FROM suggestion_services WHERE service_id = ?", [serviceID])
        for suggestion in suggestions {
            try db.run("INSERT INTO suggestion_services (suggestion, service_id) VALUES (?, ?)", [suggestion.rawValue, serviceID])
        }
    }

    private static func version(_ db: Connection, _ kind: Kind, id: String, data: String, account: Int64?, at now: Int64, origin: String,
                                audited: Bool) throws {
        try db.run("INSERT INTO directory_versions (kind, record_id, data, origin, at, account_id) VALUES (?, ?, ?, ?, ?, ?)",
                   [kind.rawValue, id, data, origin, now, account])
        guard audited else { return }
        try AuditTrail.record(db, at: now, account: account, .directoryChanged, subjectType: kind.rawValue, subjectID: id, detail: origin)
    }

    package static func text(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ text: String?) throws -> T? {
        guard let text else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    private static func duplicates(_ ids: [String]) -> [String] {
        var seen: Set<String> = [], twice: [String] = []
        for id in ids where !seen.insert(id).inserted && !twice.contains(id) { twice.append(id) }
        return twice
    }
}
