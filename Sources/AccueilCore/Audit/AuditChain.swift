import SQLiteStore

/// The audit trail as a hash chain: each row carries BLAKE2b-256(previous link ‖ canonical encoding of
/// the row), so editing, deleting or inserting a row breaks every link after it. Someone able to write
/// the file could still recompute the whole chain: the head is therefore written outside the database
/// (the server's log, at start, daily and at shutdown) and `accueil audit verify --anchors LOG` checks
/// the chain against those anchors. The retention purge removes old rows only by cutting the chain at
/// a checkpoint that records the last removed link; the first checkpoint is the genesis.
package enum AuditChain {
    /// A link written outside the database: the chain's head, or the checkpoint it starts from (so
    /// that a checkpoint forged to hide removed rows does not match the one the log saw).
    package struct Anchor: Equatable, Sendable {
        package enum Kind: String, Sendable, CaseIterable { case head = "audit-anchor", checkpoint = "audit-checkpoint" }
        package let id: Int64
        package let hash: [UInt8]
        package var kind: Kind = .head

        /// The line the server writes to its log.
        package var line: String { "\(kind.rawValue) id=\(id) hash=\(hex(hash))" }
    }

    /// What a walk of the chain found.
    package struct Verification: Sendable {
        package var entries = 0
        package var head: Anchor?
        package var anchorsChecked = 0
        /// The first broken link, in French; nil when the chain holds.
        package var failure: String?
    }

    static let genesis = [UInt8](repeating: 0, count: 32)

    /// The link of a stored row (its columns as written) after `previous`.
    static func link(previous: [UInt8], row: Row) -> [UInt8] {
        link(previous: previous, id: row.int64("id") ?? 0, at: row.int64("at") ?? 0, account: row.int64("account_id"), action: row.string("action") ?? "",
             subjectType: row.string("subject_type"), subjectID: row.string("subject_id"), detail: row.string("detail"))
    }

    /// Length-prefixed fields, so that no two different rows encode alike ("ab"+"c" ≠ "a"+"bc", null ≠ "").
    static func link(previous: [UInt8], id: Int64, at: Int64, account: Int64?, action: String, subjectType: String?,
                     subjectID: String?, detail: String?) -> [UInt8] {
        var bytes = previous + Array("audit-v1".utf8)
        for field in [String(id), String(at), account.map(String.init), action, subjectType, subjectID, detail] {
            guard let field else { bytes.append(0); continue }
            let utf8 = Array(field.utf8)
            bytes.append(1)
            withUnsafeBytes(of: UInt64(utf8.count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes += utf8
        }
        return Sodium.hash(bytes: bytes)
    }

    /// The id and link the next row follows: the last row, or the latest checkpoint when none is left.
    static func tail(_ db: Connection) throws -> (id: Int64, link: [UInt8]) {
        if let last = try db.queryOne("SELECT id, chain FROM audit_log ORDER BY id DESC LIMIT 1"), let id = last.int64("id"), let link = last.blob("chain") {
            return (id, link)
        }
        return try checkpoint(db)
    }

    /// Where the chain starts: the last row removed by the purge (or the genesis).
    static func checkpoint(_ db: Connection) throws -> (id: Int64, link: [UInt8]) {
        guard let row = try db.queryOne("SELECT last_removed_id, last_removed_link FROM audit_checkpoints ORDER BY id DESC LIMIT 1"),
              let id = row.int64("last_removed_id"), let link = row.blob("last_removed_link") else { return (0, genesis) }
        return (id, link)
    }

    /// Appends one row, chained (inside the caller's transaction: the writer is serial).
    static func append(_ db: Connection, at: Int64, account: Int64?, action: String, subjectType: String?, subjectID: String?, detail: String?) throws {
        let tail = try tail(db)
        let id = tail.id + 1
        let link = link(previous: tail.link, id: id, at: at, account: account, action: action, subjectType: subjectType, subjectID: subjectID, detail: detail)
        try db.run("INSERT INTO audit_log (id, at, account_id, action, subject_type, subject_id, detail, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [id, at, account, action, subjectType, subjectID, detail, link])
    }

    /// The current head, for the log.
    package static func head(_ db: Connection) throws -> Anchor {
        let tail = try tail(db)
        return Anchor(id: tail.id, hash: tail.link)
    }

    /// The checkpoint the chain starts from, for the log.
    package static func start(_ db: Connection) throws -> Anchor {
        let start = try checkpoint(db)
        return Anchor(id: start.id, hash: start.link, kind: .checkpoint)
    }

    /// Removes the rows older than `before` as a prefix of the chain (every row before the first one
    /// still in its retention period), recording the last removed link as the new checkpoint.
    package static func cut(_ db: Connection, before: Int64, at now: Int64) throws -> Int {
        let keepFrom = try db.int("SELECT min(id) FROM audit_log WHERE at >= ?", [before]).map(Int64.init)
        let condition = keepFrom.map { "id < \($0)" } ?? "1"
        guard let last = try db.queryOne("SELECT id, chain FROM audit_log WHERE \(condition) ORDER BY id DESC LIMIT 1"),
              let lastID = last.int64("id"), let link = last.blob("chain") else { return 0 }
        let removed = try db.int("SELECT count(*) FROM audit_log WHERE id <= ?", [lastID]) ?? 0
        try db.run("INSERT INTO audit_checkpoints (at, last_removed_id, last_removed_link, removed) VALUES (?, ?, ?, ?)", [now, lastID, link, removed])
        try db.run("DELETE FROM audit_log WHERE id <= ?", [lastID])
        return removed
    }

    /// Walks the chain from its checkpoint: every link recomputed, each anchor matched. Ids may have
    /// gaps only where the chain was computed across them (rows purged by date before the chain
    /// existed): a row removed since breaks the link of the one after it, the last ones the anchors.
    package static func verify(_ db: Connection, anchors: [Anchor]) throws -> Verification {
        var result = Verification()
        let start = try checkpoint(db)
        var (previousID, previous) = start
        var linkByID: [Int64: [UInt8]] = [previousID: previous]
        let anchored = Set(anchors.map(\.id))
        for row in try db.query("SELECT id, at, account_id, action, subject_type, subject_id, detail, chain FROM audit_log ORDER BY id") {
            guard let id = row.int64("id") else { continue }
            guard id > previousID else {
                result.failure = "Entrée n° \(id) antérieure au point de départ de la chaîne (\(previousID))."
                return result
            }
            let expected = link(previous: previous, row: row)
            guard row.blob("chain") == expected else {
                result.failure = id == previousID + 1
                    ? "Entrée n° \(id) modifiée, insérée ou déplacée : son maillon ne correspond pas au précédent."
                    : "Entrées n° \(previousID + 1) à \(id - 1) manquantes (suppression), ou entrée n° \(id) modifiée : son maillon ne correspond pas au précédent."
                return result
            }
            if anchored.contains(id) { linkByID[id] = expected }
            result.entries += 1
            (previousID, previous) = (id, expected)
        }
        result.head = Anchor(id: previousID, hash: previous)
        result.failure = checkStart(Anchor(id: start.id, hash: start.link, kind: .checkpoint), against: anchors)
        if result.failure != nil { return result }
        for anchor in anchors where anchor.kind == .head && anchor.id >= start.id {
            guard let link = linkByID[anchor.id] else {
                result.failure = "L'ancre n° \(anchor.id) du journal du serveur dépasse la fin de la chaîne (n° \(previousID)) : des entrées récentes ont disparu."
                return result
            }
            guard link == anchor.hash else {
                result.failure = "L'ancre n° \(anchor.id) du journal du serveur ne correspond pas à la chaîne : elle a été réécrite."
                return result
            }
            result.anchorsChecked += 1
        }
        return result
    }

    /// The chain's starting point against the log: anchors not after it are only legitimate when the
    /// purge that moved it was logged with the same link; a logged checkpoint beyond it means the
    /// database went back to rows the purge had removed.
    static func checkStart(_ start: Anchor, against anchors: [Anchor]) -> String? {
        let logged = anchors.filter { $0.kind == .checkpoint }
        if let later = logged.first(where: { $0.id > start.id }) {
            return "Le point de départ n° \(later.id) écrit au journal du serveur manque à la base (elle repart du n° \(start.id)) : la chaîne a été remplacée."
        }
        if logged.contains(where: { $0.id == start.id && $0.hash != start.hash }) {
            return "Le point de départ n° \(start.id) ne correspond pas à celui écrit au journal du serveur : il a été réécrit."
        }
        let vouched = logged.contains(start)
        if !vouched, let older = anchors.first(where: { $0.kind == .head && $0.id <= start.id && $0.id > 0 }) {
            return "Le point de départ n° \(start.id) n'a jamais été écrit au journal du serveur, qui a pourtant vu l'ancre n° \(older.id) : des entrées ont été retirées hors de la purge."
        }
        return nil
    }

    /// The anchors found in a log (lines written by `serve`), in order.
    package static func anchors(inLog text: String) -> [Anchor] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            guard let kind = Anchor.Kind.allCases.first(where: { line.contains($0.rawValue + " id=") }),
                  let range = line.range(of: kind.rawValue + " id=") else { return nil }
            let fields = line[range.upperBound...].split(separator: " ")
            guard fields.count >= 2, let id = Int64(fields[0]), fields[1].hasPrefix("hash="),
                  let hash = bytes(hex: String(fields[1].dropFirst(5))), hash.count == 32 else { return nil }
            return Anchor(id: id, hash: hash, kind: kind)
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func bytes(hex: String) -> [UInt8]? {
        let characters = Array(hex.utf8)
        guard characters.count % 2 == 0 else { return nil }
        var output: [UInt8] = []
        for index in stride(from: 0, to: characters.count, by: 2) {
            guard let byte = UInt8(String(decoding: characters[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            output.append(byte)
        }
        return output
    }
}
