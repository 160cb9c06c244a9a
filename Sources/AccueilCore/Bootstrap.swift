import Foundation
import Orientation
import SQLiteStore

/// Start-up: reference data, database seeding, and the checks that keep production safe.
public enum Bootstrap {
    public enum StartupError: Error, CustomStringConvertible {
        case unreadableResource(String)
        case noAdministrator
        case demoAccountsInProduction(Int)

        public var description: String {
            switch self {
            case .unreadableResource(let path): "Fichier de référence illisible ou invalide : \(path)"
            case .noAdministrator:
                "Mode production : aucun administrateur actif. Créez-en un avec « accueil user add --role administrateur … »."
            case .demoAccountsInProduction(let count):
                "Mode production : \(count) compte(s) de démonstration actif(s) dans cette base. Utilisez une base de production distincte."
            }
        }
    }

    public static func loadReferential(_ configuration: AppConfiguration) throws -> TerritorialReferential {
        let path = configuration.resourcesDirectory + "/referential/territory.json"
        guard let data = FileManager.default.contents(atPath: path), let referential = try? TerritorialReferential(json: data) else {
            throw StartupError.unreadableResource(path)
        }
        return referential
    }

    package static func loadPasswordPolicy(_ configuration: AppConfiguration) throws -> PasswordPolicy {
        let path = configuration.resourcesDirectory + "/security/common-passwords.txt"
        guard let data = FileManager.default.contents(atPath: path) else { throw StartupError.unreadableResource(path) }
        return PasswordPolicy(commonPasswordList: String(decoding: data, as: UTF8.self))
    }

    /// Builds the shared context; seeds sites (and demo accounts and the demo planning in demo mode); refuses an unsafe production start.
    public static func makeContext(store: Store, configuration: AppConfiguration,
                                   clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) },
                                   skipProductionChecks: Bool = false) throws -> AppContext {
        let referential = try loadReferential(configuration)
        let cost: PasswordHasher.Cost = configuration.passwordHashingIsFastForTests ? .testing : .interactive
        let hasher = PasswordHasher(cost: cost)
        let motivesPath = configuration.resourcesDirectory + "/referential/motives.json"
        guard let motivesData = FileManager.default.contents(atPath: motivesPath), let motives = try? MotiveCatalog(json: motivesData) else {
            throw StartupError.unreadableResource(motivesPath)
        }
        let slipPath = configuration.resourcesDirectory + "/slip"
        let slipCatalogues: SlipCatalogues
        do { slipCatalogues = try SlipCatalogues.load(directory: slipPath) } catch { throw StartupError.unreadableResource("\(slipPath) (\(error))") }
        var context = AppContext(store: store, configuration: configuration, referential: referential, motives: motives,
                                 slipCatalogues: slipCatalogues, hasher: hasher,
                                 passwordPolicy: try loadPasswordPolicy(configuration), throttle: LoginThrottle(),
                                 decoyHash: PasswordHasher.decoy(cost: cost), clock: clock)
        let vocabularyPath = configuration.resourcesDirectory + "/" + DirectoryFixtures.vocabularyFile
        guard let vocabularyData = FileManager.default.contents(atPath: vocabularyPath),
              let vocabulary = try? DirectoryVocabulary(json: vocabularyData) else { throw StartupError.unreadableResource(vocabularyPath) }
        context.directoryVocabulary = vocabulary
        let now = clock()
        let directoryCheck = context.directoryCheck
        try store.writeSync { db in
            try SiteDirectory.seed(db, from: referential)
            // The partners the convention names, in demo and production alike (the institutions complete them).
            try DirectoryFixtures.seedOnce(db, configuration: configuration, check: directoryCheck, at: now)
            try SessionRepository.purgeExpired(db, now: now, settings: configuration.sessions)
        }
        if configuration.production && !skipProductionChecks {
            let (admins, demos) = try store.readSync { db in (try AccountRepository.countActiveAdministrators(db), try AccountRepository.countDemoAccounts(db)) }
            if demos > 0 { throw StartupError.demoAccountsInProduction(demos) }
            if admins == 0 { throw StartupError.noAdministrator }
        } else if !configuration.production {
            try seedDemoAccounts(context)
            try store.writeSync { db in
                try PlanningDemoSeed.seedOnce(db, at: now)
                try TerritoryFixtures.seedOnce(db, configuration: configuration, referential: referential, at: now)
            }
        }
        return context
    }

    /// One account per role with the documented demo passwords, created once in an empty database.
    package static func seedDemoAccounts(_ context: AppContext) throws {
        guard try context.store.readSync({ db in try AccountRepository.count(db) }) == 0 else { return }
        let hashed = try DemoAccounts.all.map { ($0, try context.hasher.hash($0.password)) }
        let now = context.now()
        try context.store.writeSync { db in
            for (demo, hash) in hashed {
                _ = try AccountRepository.insert(db, .init(login: demo.login, displayName: demo.displayName, institution: demo.institution,
                                                           roles: demo.roles, siteIDs: demo.siteIDs, passwordHash: hash, isDemo: true), at: now)
            }
        }
    }
}
