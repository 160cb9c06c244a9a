/// Demonstration accounts, one per role, created only in demo mode (never in production).
/// Their passwords are public on purpose: they are printed on the login page in demo mode.
package enum DemoAccounts {
    package struct Demo {
        package let login: String
        package let displayName: String
        package let institution: Institution
        package let roles: Set<Role>
        package let siteIDs: [String]
        package let password: String
    }

    package static let all: [Demo] = [
        Demo(login: "agent", displayName: "Alice Martin (démo)", institution: .ccas, roles: [.agent],
             siteIDs: ["ccas-cite-municipale"], password: "demo-agent-accueil"),
        Demo(login: "ts.mds", displayName: "Bruno Leroy (démo)", institution: .mds, roles: [.socialWorker],
             siteIDs: ["mds-bastide", "ccas-cite-municipale"], password: "demo-travailleur-mds"),
        Demo(login: "ts.ccas", displayName: "Chloé Petit (démo)", institution: .ccas, roles: [.socialWorker],
             siteIDs: ["ccas-cite-municipale"], password: "demo-travailleur-ccas"),
        Demo(login: "responsable", displayName: "David Moreau (démo)", institution: .ccas, roles: [.manager],
             siteIDs: ["ccas-cite-municipale"], password: "demo-responsable-planning"),
        Demo(login: "admin", displayName: "Emma Garnier (démo)", institution: .ccas, roles: [.administrator],
             siteIDs: ["ccas-cite-municipale"], password: "demo-administrateur-comptes"),
    ]
}
