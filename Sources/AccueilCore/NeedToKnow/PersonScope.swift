import Orientation
import Planning
import SQLiteStore

/// Need-to-know: whose files an account opens without question. A person is in an account's scope
/// when one of the account's sites received them; when they are oriented (orientation still standing)
/// to the account's institution at one of its sites (or without a site yet); when the account wrote a
/// note on one of their intakes, recorded one of their intakes, or receives them at a permanence: a
/// booking of theirs from the last 30 days or to come, at a permanence the account holds (titulaire or
/// suppléant), or one its institution holds at one of the account's sites; or when the
/// account stated a reason for them in this session (`BreakGlass`). Everyone else states a reason first.
/// Protection alerts keep their own, stricter rules (`ProtectionAccess`).
package enum PersonScope {
    /// A booking held by a social worker keeps the person in their scope this long after the day.
    package static let bookingDays = 30

    /// The persons of `ids` in the account's scope today, for this session.
    package static func inScope(_ db: Connection, _ ids: [Int64], account: Account, sessionHash: [UInt8], today: LocalDate) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        let service: Service? = switch account.institution {
        case .ccas: .ccas
        case .mds: .mds
        case .partner: nil
        }
        let sites = JSONText.array(account.siteIDs)
        // The planning names the sending institution in its own words.
        let sending: String? = switch account.institution {
        case .ccas: Planning.Institution.ccas.rawValue
        case .mds: Planning.Institution.departement.rawValue
        case .partner: nil
        }
        let since = today.adding(days: -bookingDays)?.description ?? today.description
        let rows = try db.query("""
            SELECT p.value AS id FROM json_each(?) p WHERE
              EXISTS (SELECT 1 FROM intakes i WHERE i.person_id = p.value
                      AND (i.site_id IN (SELECT value FROM json_each(?)) OR i.account_id = ?))
              OR EXISTS (SELECT 1 FROM orientations o WHERE o.person_id = p.value AND o.status <> ? AND o.commune IS NULL AND o.service = ?
                         AND (o.site_id IS NULL OR o.site_id IN (SELECT value FROM json_each(?))))
              OR EXISTS (SELECT 1 FROM intake_notes n JOIN intakes i ON i.id = n.intake_id WHERE i.person_id = p.value AND n.account_id = ?)
              OR EXISTS (SELECT 1 FROM bookings b JOIN permanences pe ON pe.id = b.permanence_id
                         JOIN social_workers w ON w.id = pe.titulaire_id OR w.id = pe.suppleant_id
                         WHERE b.person_id = p.value AND b.cancelled_at IS NULL AND b.occurrence_date >= ? AND w.account_id = ?)
              OR EXISTS (SELECT 1 FROM bookings b JOIN permanences pe ON pe.id = b.permanence_id
                         WHERE b.person_id = p.value AND b.cancelled_at IS NULL AND b.occurrence_date >= ?
                         AND pe.sending_institution = ? AND pe.host_site_id IN (SELECT value FROM json_each(?)))
              OR EXISTS (SELECT 1 FROM break_glass g WHERE g.session_hash = ? AND g.person_id = p.value AND g.account_id = ?)
            """, [JSONText.array(ids), sites, account.id, OrientationRecord.Status.reoriented, service, sites,
                  account.id, since, account.id, since, sending, sites, sessionHash, account.id])
        return Set(rows.compactMap { $0.int64("id") })
    }

    package static func isInScope(_ db: Connection, _ id: Int64, account: Account, sessionHash: [UInt8], today: LocalDate) throws -> Bool {
        try inScope(db, [id], account: account, sessionHash: sessionHash, today: today).contains(id)
    }
}
