/// Creating an account from the command line (the first administrator of a production instance).
public enum AccountProvisioning {
    public struct Request {
        public var login: String
        public var displayName: String
        public var institution: String
        public var roles: [String]
        public var siteIDs: [String]
        public var password: String

        public init(login: String, displayName: String, institution: String, roles: [String], siteIDs: [String], password: String) {
            self.login = login
            self.displayName = displayName
            self.institution = institution
            self.roles = roles
            self.siteIDs = siteIDs
            self.password = password
        }
    }

    public struct Refusal: Error, CustomStringConvertible { public let description: String }

    /// Validates, hashes and stores; the creation is audited with no acting account (the command line).
    @discardableResult
    public static func create(_ request: Request, context: AppContext) throws -> Int64 {
        guard !request.login.isEmpty, !request.displayName.isEmpty else { throw Refusal(description: "--login et --name sont obligatoires.") }
        guard let institution = Institution(rawValue: request.institution.uppercased()) else {
            throw Refusal(description: "Institution inconnue : \(request.institution) (CCAS, MDS ou PARTENAIRE).")
        }
        var roles: Set<Role> = []
        for name in request.roles {
            guard let role = Role(rawValue: name) else {
                throw Refusal(description: "Rôle inconnu : \(name) (\(Role.allCases.map(\.rawValue).joined(separator: ", "))).")
            }
            roles.insert(role)
        }
        guard !roles.isEmpty else { throw Refusal(description: "Au moins un rôle (--role) est nécessaire.") }
        if let problem = context.passwordPolicy.problem(with: request.password, login: request.login) { throw Refusal(description: problem) }
        let hash = try context.hasher.hash(request.password)
        let now = context.now()
        return try context.store.writeSync { db in
            if try AccountRepository.find(db, login: request.login) != nil { throw Refusal(description: "L'identifiant \(request.login) existe déjà.") }
            let known = Set(try SiteDirectory.all(db).map(\.id))
            let sites = request.siteIDs.isEmpty ? [context.referential.ccasSite.id] : request.siteIDs
            if let unknown = sites.first(where: { !known.contains($0) }) { throw Refusal(description: "Site inconnu : \(unknown).") }
            let id = try AccountRepository.insert(db, .init(login: request.login, displayName: request.displayName, institution: institution,
                                                            roles: roles, siteIDs: sites, passwordHash: hash), at: now)
            try AuditTrail.record(db, at: now, account: nil, .accountCreated, subjectType: "compte", subjectID: String(id),
                                  detail: "ligne de commande; roles=" + roles.sorted().map(\.rawValue).joined(separator: ","))
            return id
        }
    }
}
