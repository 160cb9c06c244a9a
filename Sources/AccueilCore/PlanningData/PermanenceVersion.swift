import Planning

/// A fingerprint of everything stored about a permanence, carried by its edit forms as a hidden field:
/// if the permanence changed between showing the form and saving it (another manager's edit), the
/// fingerprints differ and the save is refused (optimistic concurrency). Unlike `updated_at` (whole
/// seconds), two edits in the same second still differ; no schema change is needed.
package enum PermanenceVersion {
    package static func token(_ p: Permanence) -> String {
        let mode = switch p.mode {
        case .byAppointment(let minutes, let capacity): "rdv:\(minutes):\(capacity)"
        case .open(let capacity): "libre:\(capacity)"
        }
        let fields = [p.id, p.hostSiteID, p.sendingInstitution.rawValue, p.circonscriptionID ?? "", String(p.weekday.rawValue),
                      p.halfDay.rawValue, p.start.description, p.end.description, RecurrenceJSON.encode(p.recurrence),
                      p.validFrom.description, p.validTo?.description ?? "", p.titulaireID, p.suppleantID ?? "", mode]
        // FNV-1a, 64 bits: stable across runs and builds (Swift's Hasher is seeded per process).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fields.joined(separator: "\u{1F}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
