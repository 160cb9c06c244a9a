import SQLiteStore

/// Partners without an account close the loop: for an orientation, a link to one partner service
/// (a 256-bit secret, stored hashed, for that orientation only) where the partner answers « reçue »,
/// then « la personne est venue », « n'est pas venue » or « réorientée vers … ». The link opens until
/// its final answer or 30 days; it shows the reference and, when the person agreed that their first
/// elements be shared, their first name and initial — nothing else. Every use is audited.
package enum PartnerReferrals {
    package static let lifetime: Int64 = 30 * 86_400

    package enum Delivery: String, Sendable { case email = "envoi", print = "papier" }

    package enum Outcome: String, Sendable, CaseIterable {
        case came = "venue"
        case notCame = "non_venue"
        case reoriented = "vers_autre_service"

        package var label: String {
            switch self {
            case .came: "La personne est venue"
            case .notCame: "La personne n'est pas venue"
            case .reoriented: "Réorientée vers un autre service"
            }
        }
    }

    package struct Referral: Sendable {
        package let id: Int64
        package let orientationID: Int64
        package let serviceID: String
        package let serviceName: String
        package let delivery: Delivery
        package let showsName: Bool
        package let createdAt: Int64
        package let expiresAt: Int64
        package let receivedAt: Int64?
        package let outcome: Outcome?
        package let outcomeDetail: String?
        package let mailStatus: String?

        package func isOpen(at now: Int64) -> Bool { outcome == nil && now < expiresAt }

        /// What the agent reads about the mail: « envoyé », « en attente » or « échec ».
        package var mailLabel: String? {
            switch mailStatus {
            case "envoye": "envoyé"
            case "en_attente": "en attente"
            case "echec": "échec"
            default: nil
            }
        }
    }

    /// What the partner's page shows: the reference, the service, and a first name with an initial
    /// only when the person agreed to share.
    package struct PartnerView: Sendable {
        package let referral: Referral
        package let reference: String
        package let shortName: String?
    }

    package enum Refusal: Error, Equatable {
        case unknownService
        case closed
        case detailRequired
    }

    /// Creates the link (the caller's transaction); returns it and its secret, shown or sent once.
    package static func create(_ db: Connection, orientationID: Int64, service: DirectoryService, delivery: Delivery, showsName: Bool,
                               by account: Int64, at now: Int64) throws -> (referral: Int64, secret: String) {
        let secret = Sodium.token()
        try db.run("""
            INSERT INTO partner_referrals (orientation_id, service_id, service_name, token_hash, delivery, shows_name, created_by, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [orientationID, service.id, service.name, Sodium.hash(secret), delivery.rawValue, showsName, account, now, now + lifetime])
        let id = db.lastInsertRowID
        try AuditTrail.record(db, at: now, account: account, .partnerLinkCreated, subjectType: "orientation", subjectID: String(orientationID),
                              detail: "\(service.id) (\(delivery == .email ? "envoyé par la messagerie" : "imprimé"))")
        return (id, secret)
    }

    /// The link behind a secret, whether still open or not (the page says which); audited.
    package static func open(_ db: Connection, secret: String, at now: Int64) throws -> PartnerView? {
        guard secret.count == 43, let row = try db.queryOne("""
            SELECT r.*, o.reference, p.first_name, p.last_name, (SELECT status FROM mail_queue m WHERE m.referral_id = r.id ORDER BY m.id DESC LIMIT 1) AS mail_status
            FROM partner_referrals r JOIN orientations o ON o.id = r.orientation_id LEFT JOIN persons p ON p.id = o.person_id
            WHERE r.token_hash = ?
            """, [Sodium.hash(secret)]), let referral = referral(row) else { return nil }
        try AuditTrail.record(db, at: now, account: nil, .partnerLinkOpened, subjectType: "orientation", subjectID: String(referral.orientationID),
                              detail: "lien n° \(referral.id) (\(referral.serviceID))")
        // Once the link is closed (answered or expired) the page keeps the reference only.
        let name = referral.showsName && referral.isOpen(at: now) ? PersonSlip.shortName(first: row.string("first_name") ?? "", last: row.string("last_name") ?? "") : ""
        return PartnerView(referral: referral, reference: row.string("reference") ?? "", shortName: name.isEmpty ? nil : name)
    }

    /// The reference and service a secret belongs to, for the printed link (not audited: the agent who
    /// just made the link reads what they made).
    package static func printable(_ db: Connection, secret: String) throws -> (orientationID: Int64, reference: String, service: String)? {
        guard let row = try db.queryOne("""
            SELECT r.orientation_id, o.reference, r.service_name FROM partner_referrals r JOIN orientations o ON o.id = r.orientation_id WHERE r.token_hash = ?
            """, [Sodium.hash(secret)]), let id = row.int64("orientation_id") else { return nil }
        return (id, row.string("reference") ?? "", row.string("service_name") ?? "")
    }

    /// « Reçue » (the link stays open), or a final answer (it closes). Audited.
    package static func answer(_ db: Connection, secret: String, received: Bool, outcome: Outcome?, detail: String?, at now: Int64) throws {
        guard let row = try db.queryOne("SELECT * FROM partner_referrals WHERE token_hash = ?", [Sodium.hash(secret)]),
              let referral = referral(row), referral.isOpen(at: now) else { throw Refusal.closed }
        if received {
            try db.run("UPDATE partner_referrals SET received_at = coalesce(received_at, ?) WHERE id = ?", [now, referral.id])
        }
        if let outcome {
            let text = detail?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if outcome == .reoriented, text.isEmpty { throw Refusal.detailRequired }
            try db.run("""
                UPDATE partner_referrals SET received_at = coalesce(received_at, ?), outcome = ?, outcome_detail = ?, outcome_at = ? WHERE id = ?
                """, [now, outcome.rawValue, outcome == .reoriented ? String(text.prefix(300)) : nil, now, referral.id])
        }
        try AuditTrail.record(db, at: now, account: nil, .partnerAnswered, subjectType: "orientation", subjectID: String(referral.orientationID),
                              detail: "lien n° \(referral.id) : \(outcome?.label ?? "demande reçue")")
    }

    package static func forOrientation(_ db: Connection, _ orientationID: Int64) throws -> [Referral] {
        try db.query("""
            SELECT r.*, (SELECT status FROM mail_queue m WHERE m.referral_id = r.id ORDER BY m.id DESC LIMIT 1) AS mail_status
            FROM partner_referrals r WHERE r.orientation_id = ? ORDER BY r.id
            """, [orientationID]).compactMap(referral)
    }

    private static func referral(_ row: Row) -> Referral? {
        guard let id = row.int64("id"), let delivery = row.string("delivery").flatMap(Delivery.init(rawValue:)) else { return nil }
        return Referral(id: id, orientationID: row.int64("orientation_id") ?? 0, serviceID: row.string("service_id") ?? "",
                        serviceName: row.string("service_name") ?? "", delivery: delivery, showsName: row.bool("shows_name") ?? false,
                        createdAt: row.int64("created_at") ?? 0, expiresAt: row.int64("expires_at") ?? 0, receivedAt: row.int64("received_at"),
                        outcome: row.string("outcome").flatMap(Outcome.init(rawValue:)), outcomeDetail: row.string("outcome_detail"),
                        mailStatus: row.string("mail_status"))
    }
}
