import Foundation
import Orientation
import SQLiteStore

/// « Quel secteur pour cette adresse ? »: the street table read for one typed address on one day.
/// It answers only what the table says; anything else sends the agent back to the sector list.
package enum SectorLookup {
    package enum Answer: Sendable {
        /// One sector: the segment that says so.
        case found(TerritoryTables.StoredSegment)
        /// The street crosses several sectors: the number decides (or the postcode).
        case ambiguous([TerritoryTables.StoredSegment])
        /// The street is known, but no segment holds this number.
        case numberNotCovered([TerritoryTables.StoredSegment])
        /// The table does not know the street.
        case unknownStreet
        /// No street name could be read.
        case unreadable
    }

    package static func find(_ db: Connection, typed: String, on day: LocalDate) throws -> Answer {
        guard let address = StreetAddress(typed) else { return .unreadable }
        var segments = try TerritoryTables.segments(db, keys: [address.streetKey]).filter { $0.segment.period.contains(day) }
        guard !segments.isEmpty else { return .unknownStreet }
        if let postcode = address.postcode, segments.contains(where: { $0.segment.postcode == postcode }) {
            segments = segments.filter { $0.segment.postcode == postcode }
        }
        let holding = segments.filter { $0.segment.holds(address.number) }
        if let first = holding.first, Set(holding.map(\.segment.sector)).count == 1 { return .found(first) }
        // Without a number, a street whose segments all give one sector is still one sector.
        if address.number == nil, let first = segments.first, Set(segments.map(\.segment.sector)).count == 1 { return .found(first) }
        if address.number != nil, holding.isEmpty { return .numberNotCovered(segments) }
        return .ambiguous(holding.isEmpty ? segments : holding)
    }
}

/// The commune typed at the desk: Bordeaux, a commune of the table (by name or INSEE code), or a
/// well-formed INSEE code the table does not hold (only a derogation can then orient the person).
package enum CommuneLookup {
    package enum Answer: Equatable, Sendable {
        case bordeaux
        case known(CommuneServices)
        case codeNotInTable(String)
        case unknown
    }

    package static func resolve(_ typed: String, communes: [CommuneServices], on day: LocalDate) -> Answer {
        let text = typed.trimmingCharacters(in: .whitespaces)
        let key = nameKey(text)
        guard !text.isEmpty else { return .unknown }
        // « Bordeaux », « Bordeaux (33063) », « Bordeaux 33000 », « 33063 ».
        let words = key.split(separator: " ")
        if text == Commune.bordeaux || (words.first == "bordeaux" && words.dropFirst().allSatisfy { $0.allSatisfy(\.isNumber) }) { return .bordeaux }
        let current = communes.filter { $0.period.contains(day) }
        if let match = current.first(where: { $0.inseeCode == text.uppercased() || nameKey($0.name) == key }) { return .known(match) }
        // « Mérignac (33281) », as the list offers it.
        if let code = text.split(whereSeparator: { $0 == "(" || $0 == ")" }).last.map(String.init), Commune.isValidCode(code),
           let match = current.first(where: { $0.inseeCode == code }) {
            return .known(match)
        }
        return Commune.isValidCode(text.uppercased()) ? .codeNotInTable(text.uppercased()) : .unknown
    }

    /// « Saint-Médard-en-Jalles » and « st medard en jalles » are one name.
    package static func nameKey(_ name: String) -> String {
        StreetName.words(name).map { $0 == "st" ? "saint" : ($0 == "ste" ? "sainte" : $0) }.joined(separator: " ")
    }

    /// How the form shows a commune: « Mérignac (33281) ».
    package static func label(_ commune: CommuneServices) -> String { "\(commune.name) (\(commune.inseeCode))" }
}
