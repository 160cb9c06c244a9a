/// Every protected action of the application. Routes name the permission they need; `AccessPolicy`
/// alone decides which roles hold it.
public enum Permission: String, CaseIterable, Sendable {
    case useDesk                 // reach the desk's pages at all (home dashboard, own password)
    case recordIntake            // create and edit intakes, book slots, print slips
    case readPersonFile          // open a named person's file (identity, household, orientations)
    case readSocialNotes         // read and write evaluation notes (own institution only)
    case recordAttendance        // mark an orientation honoured / not honoured / excused / re-oriented
    case grantDerogation         // record a derogation to the CCAS/MDS rule
    case receiveProtectionAlerts // receive the protection alerts of one's MDS (or, CCAS, of vulnerable adults): read, acknowledge, forward
    case planPermanences         // edit the planning grids
    case readPlanning            // see plannings and the site's day view
    case readStatistics          // activity figures (aggregates, no names)
    case writeBilan              // write the bilan's context and vigilance points (the managers)
    case manageAccounts          // create, disable, reset, change roles and sites
    case manageReferential       // sites, partner directory, motives
    case readAudit               // the audit trail and a person's access history
    case manageDataProtection    // retention periods and purge, a person's full export and erasure (GDPR rights)
}

/// The role × permission matrix, in one place (documented in docs/roles.md, tested route by route).
public enum AccessPolicy {
    package static let matrix: [Role: Set<Permission>] = [
        .agent: [.useDesk, .recordIntake, .readPersonFile, .readPlanning],
        .socialWorker: [.useDesk, .recordIntake, .readPersonFile, .readSocialNotes, .recordAttendance,
                        .grantDerogation, .readPlanning, .receiveProtectionAlerts],
        .manager: [.useDesk, .planPermanences, .readPlanning, .readStatistics, .writeBilan, .receiveProtectionAlerts],
        .administrator: [.useDesk, .manageAccounts, .manageReferential, .readAudit, .readStatistics, .manageDataProtection],
    ]

    public static func allows(_ roles: Set<Role>, _ permission: Permission) -> Bool {
        roles.contains { matrix[$0]?.contains(permission) ?? false }
    }
}
