import Foundation
import SQLiteStore

/// The partners the convention names (Article 3, Article 6 and the annexes), shipped in
/// `Resources/referential/partenaires.json` and seeded once in an empty directory: each described
/// from what the convention says of its role, with no coordinate the documents do not give.
package enum DirectoryFixtures {
    package static let vocabularyFile = "referential/data-inclusion-v1.json"
    package static let partnersFile = "referential/partenaires.json"
    package static let origin = "Partenaires nommés par la convention (livrés avec l'application)"

    package struct Invalid: Error, CustomStringConvertible {
        package let description: String
    }

    package static func seedOnce(_ db: Connection, configuration: AppConfiguration, check: DirectoryCheck, at now: Int64) throws {
        guard (try db.int("SELECT count(*) FROM directory_versions") ?? 0) == 0 else { return }
        let path = configuration.resourcesDirectory + "/" + partnersFile
        guard let data = FileManager.default.contents(atPath: path), var document = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Invalid(description: "\(path) illisible.")
        }
        // The records enter this directory today: that is their date_maj (the file does not carry one).
        for list in ["structures", "services"] {
            document[list] = (document[list] as? [[String: Any]] ?? []).map { record in record.merging(["date_maj": check.today]) { _, new in new } }
        }
        switch DirectoryFile.read(Array(try JSONSerialization.data(withJSONObject: document))) {
        case .success(let contents):
            do { try PartnerDirectory.importContents(db, contents, check: check, account: nil, at: now, origin: origin, audited: false) } catch let refusal as PartnerDirectory.Refusal {
                throw Invalid(description: "\(path) : " + refusal.problems.joined(separator: " "))
            }
        case .failure(let refusal):
            throw Invalid(description: "\(path) : " + refusal.problems.joined(separator: " "))
        }
    }
}
