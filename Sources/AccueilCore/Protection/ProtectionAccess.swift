import Orientation

/// Need-to-know on protection alerts. A child's information: its author, and the social workers and
/// managers of the MDS concerned. A vulnerable adult's signalement: the same, and those of the CCAS,
/// which handles it « en concertation » with the MDS (Annexe 3). Nobody else, whatever their role.
package enum ProtectionAccess {
    private static func staffOfMDS(_ account: Account, site: String) -> Bool {
        account.institution == .mds && account.siteIDs.contains(site) && account.can(.receiveProtectionAlerts)
    }

    private static func staffOfCCAS(_ account: Account) -> Bool {
        account.institution == .ccas && account.can(.receiveProtectionAlerts)
    }

    /// Who receives it: may read, acknowledge, and (a child's) forward it to the CRIP.
    package static func receives(_ report: ProtectionReport, _ account: Account) -> Bool {
        guard !account.disabled else { return false }
        switch report.kind {
        case .child: return staffOfMDS(account, site: report.siteID)
        case .vulnerableAdult: return staffOfMDS(account, site: report.siteID) || staffOfCCAS(account)
        }
    }

    package static func canRead(_ report: ProtectionReport, _ account: Account) -> Bool {
        !account.disabled && (report.raisedBy == account.id || receives(report, account))
    }

    /// Whether the account may see that a household raised the danger flag: the agent who recorded
    /// the intake (to raise the alert), and the social workers and managers of the MDS concerned.
    /// Everyone else reads the decision without it.
    package static func seesDangerFlag(intakeAuthor: Int64, siteID: String?, _ account: Account) -> Bool {
        guard !account.disabled else { return false }
        if account.id == intakeAuthor { return true }
        return siteID.map { staffOfMDS(account, site: $0) } ?? false
    }

    /// Whether the account receives alerts of this kind for this MDS at all (its dashboard lists them).
    package static func receivesAlerts(_ account: Account) -> Bool {
        account.can(.receiveProtectionAlerts) && (account.institution == .mds || account.institution == .ccas)
    }
}
