import Foundation
import SQLiteStore
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

/// The operations commands of the README, run as the built binary.
@Suite struct CommandLineTests {
    let resources = ["--resources", TestApp.repositoryRoot + "/Resources"]

    @Test func firstAdministratorIsCreatedFromTheCommandLine() async throws {
        try #require(CommandRunner.isBuilt, "build the executable first: swift build")
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let db = directory + "/prod.sqlite"
        let weak = try await CommandRunner.run(["user", "add", "--login", "chef", "--name", "Cheffe", "--role", "administrateur", "--db", db, "--password-stdin"] + resources,
                                         stdin: "court\n", directory: directory)
        #expect(weak.status == 2)
        #expect(weak.stderr.contains("au moins 12 caractères"))
        let created = try await CommandRunner.run(["user", "add", "--login", "chef", "--name", "Cheffe", "--role", "administrateur", "--db", db, "--password-stdin"] + resources,
                                            stdin: "une longue phrase de passe\n", directory: directory)
        #expect(created.status == 0, "\(created.stderr)")
        let store = try Store(path: db)
        let (roles, demo, audited) = try store.readSync { db in
            (try db.string("SELECT group_concat(role) FROM account_roles"), try db.int("SELECT count(*) FROM accounts WHERE is_demo = 1"),
             try db.int("SELECT count(*) FROM audit_log WHERE action = 'compte.cree' AND account_id IS NULL"))
        }
        #expect(roles == "administrateur")
        #expect(demo == 0)
        #expect(audited == 1)
        let duplicate = try await CommandRunner.run(["user", "add", "--login", "chef", "--name", "Autre", "--role", "agent", "--db", db, "--password-stdin"] + resources,
                                              stdin: "une autre longue phrase\n", directory: directory)
        #expect(duplicate.status == 2)
        #expect(duplicate.stderr.contains("existe déjà"))
    }

    @Test func migrateIsIdempotentAndBackupPassesTheIntegrityCheck() async throws {
        try #require(CommandRunner.isBuilt, "build the executable first: swift build")
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let db = directory + "/data/a.sqlite"
        let first = try await CommandRunner.run(["migrate", "--db", db], directory: directory)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try await CommandRunner.run(["migrate", "--db", db], directory: directory)
        #expect(second.status == 0)
        #expect(first.stdout == second.stdout)
        let backup = try await CommandRunner.run(["backup", "--db", db, "--to", directory + "/copies/a.sqlite"], directory: directory)
        #expect(backup.status == 0, "\(backup.stderr)")
        // Personal data: no access for other users of the machine.
        let mode = (try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int) ?? 0o777
        #expect(mode & 0o007 == 0)
        let copy = try Connection(path: directory + "/copies/a.sqlite", readOnly: true)
        #expect(try copy.integrityCheck() == ["ok"])
        #expect(try copy.int("SELECT count(*) FROM schema_migrations") ?? 0 >= 3)
    }

    @Test func tokensAreAddedListedAndRevokedFromTheCommandLine() async throws {
        try #require(CommandRunner.isBuilt, "build the executable first: swift build")
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let db = directory + "/t.sqlite"
        #expect(try await CommandRunner.run(["migrate", "--db", db], directory: directory).status == 0)
        let added = try await CommandRunner.run(["token", "add", "--name", "Prometheus", "--scope", "metrics:read", "--days", "30", "--db", db], directory: directory)
        #expect(added.status == 0 && added.stdout.trimmingCharacters(in: .whitespacesAndNewlines).wholeMatch(of: /acc_[A-Za-z0-9_-]{43}/) != nil)
        let secret = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let stored = try Connection(path: db, readOnly: true)
        #expect(try stored.int("SELECT count(*) FROM api_tokens WHERE instr(CAST(token_hash AS TEXT), ?) > 0 OR instr(name, ?) > 0", [secret, secret]) == 0)
        let list = try await CommandRunner.run(["token", "list", "--db", db], directory: directory)
        #expect(list.stdout == "1\tactif\tPrometheus\tmetrics:read\n" && !list.stdout.contains(secret))
        let badScope = try await CommandRunner.run(["token", "add", "--name", "X", "--scope", "tout", "--db", db], directory: directory)
        #expect(badScope.status == 2 && badScope.stderr.contains("portée inconnue : tout"))
        #expect(try await CommandRunner.run(["token", "revoke", "1", "--db", db], directory: directory).status == 0)
        #expect(try await CommandRunner.run(["token", "list", "--db", db], directory: directory).stdout.contains("1\trévoqué"))
        #expect(try await CommandRunner.run(["token", "revoke", "1", "--db", db], directory: directory).status == 1)
    }

    @Test func purgeDryRunChangesNothingAndTheRealPurgeIsAudited() async throws {
        try #require(CommandRunner.isBuilt, "build the executable first: swift build")
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let db = directory + "/a.sqlite"
        let store = try Store(path: db, migrator: Schema.migrator)
        try store.writeSync { db in
            try db.run("INSERT INTO persons (last_name, first_name, name_key, created_at, updated_at) VALUES ('Vieux', 'Dossier', 'vieux|dossier', 1, 1)")
        }
        let preview = try await CommandRunner.run(["purge", "--dry-run", "--db", db], directory: directory)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("Aperçu") && preview.stdout.contains("Identité : 1"))
        #expect(try store.readSync { db in try db.int("SELECT count(*) FROM persons") } == 1)
        let purge = try await CommandRunner.run(["purge", "--db", db], directory: directory)
        #expect(purge.status == 0 && purge.stdout.contains("Identité : 1"))
        #expect(try store.readSync { db in try db.int("SELECT count(*) FROM persons") } == 0)
        #expect(try store.readSync { db in try db.string("SELECT detail FROM audit_log WHERE action = 'conservation.purge'") }?.hasPrefix("identite=1,") == true)
    }

    @Test func unknownCommandsAndOptionsExitWithUsage() async throws {
        try #require(CommandRunner.isBuilt, "build the executable first: swift build")
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let unknown = try await CommandRunner.run(["danse"], directory: directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Commande inconnue"))
        let badOption = try await CommandRunner.run(["serve", "--prot", "80"], directory: directory)
        #expect(badOption.status == 2)
        #expect(badOption.stderr.contains("option inconnue : --prot"))
        // The public URL: required in production (links would otherwise carry the listening address), checked when given.
        let noURL = try await CommandRunner.run(["serve", "--production", "--port", "0", "--db", directory + "/p.sqlite"], directory: directory)
        #expect(noURL.status == 1 && noURL.stderr.contains("Adresse publique manquante (--public-url, ACCUEIL_PUBLIC_URL"))
        let badURL = try await CommandRunner.run(["serve", "--port", "0", "--db", directory + "/p.sqlite"], directory: directory,
                                                 environment: ["ACCUEIL_PUBLIC_URL": "https://accueil.example.fr/?retour=ailleurs"])
        #expect(badURL.status == 2 && badURL.stderr.contains("adresse publique invalide"))
        // The SMTP relay: no credentials in the URL (never echoed), no password in clear, a sane back-off scale.
        let db = directory + "/p.sqlite"
        let userInURL = try await CommandRunner.run(["serve", "--port", "0", "--db", db, "--smtp-url", "smtp://moi:secret@relais:587", "--mail-from", "a@example.org"],
                                                    directory: directory)
        #expect(userInURL.status == 2 && userInURL.stderr.contains("sans identifiant") && !userInURL.stderr.contains("secret"))
        let clearPassword = try await CommandRunner.run(["serve", "--port", "0", "--db", db, "--smtp-url", "smtp://relais:587", "--smtp-tls", "try",
                                                         "--smtp-user", "accueil", "--mail-from", "a@example.org"], directory: directory)
        #expect(clearPassword.status == 2 && clearPassword.stderr.contains("l'authentification exige smtps://"))
        for scale in ["0", "nan", "inf", "2", "-1"] {
            let badScale = try await CommandRunner.run(["serve", "--port", "0", "--db", db, "--mail-retry-scale", scale], directory: directory)
            #expect(badScale.status == 2 && badScale.stderr.contains("--mail-retry-scale"), "\(scale)")
        }
        for command in ["serve", "migrate", "backup", "restore", "purge", "orient", "token"] {
            let help = try await CommandRunner.run([command, "--help"], directory: directory)
            #expect(help.status == 0)
            #expect(help.stdout.contains("Usage"))
        }
    }
}

extension CommandLineTests {
    /// `accueil serve` as started by `make run`: answers, then stops cleanly on SIGTERM with status 0.
    @Test func serveAnswersThenStopsGracefullyOnSIGTERM() async throws {
        try #require(CommandRunner.isBuilt, "build the executable first: swift build")
        let directory = CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = ["serve", "--port", "0", "--db", directory + "/data/a.sqlite", "--quiet",
                             "--public", TestApp.repositoryRoot + "/Public", "--resources", TestApp.repositoryRoot + "/Resources"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = Pipe()
        try process.run()
        // The start line names the URL: "Accueil commun 0.1.0 : http://127.0.0.1:PORT/ (…)".
        let handle = stderr.fileHandleForReading
        let text = try await offPool { () -> String in
            var text = ""
            while !text.contains("/ (base"), process.isRunning {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        let port = try #require(text.firstMatch(of: /127\.0\.0\.1:(\d+)\//).flatMap { Int($0.1) }, "no start line: \(text)")
        let browser = Browser(port: port)
        let live = try await browser.get("/livez")
        #expect(live.text == "ok")
        #expect(FileManager.default.fileExists(atPath: directory + "/data/a.sqlite"))
        // Something audited: a failed login.
        #expect(try await browser.logIn("personne", "mauvais-mot-de-passe").status == 200)
        process.terminate()  // SIGTERM
        try await offPool { process.waitUntilExit() }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let rest = try await offPool { String(decoding: handle.readDataToEndOfFile(), as: UTF8.self) }
        #expect(rest.contains("Arrêt propre terminé"))

        // The audit chain's head was written at start and at shutdown: the log anchors the chain.
        let log = text + rest
        #expect(log.components(separatedBy: "audit-anchor id=").count - 1 == 2, "\(log)")
        try log.write(toFile: directory + "/serve.log", atomically: true, encoding: .utf8)
        let verified = try await CommandRunner.run(["audit", "verify", "--db", directory + "/data/a.sqlite", "--anchors", directory + "/serve.log"],
                                                   directory: directory)
        #expect(verified.status == 0 && verified.stdout.contains("Chaîne intègre") && verified.stdout.contains("2 ancre(s) vérifiée(s)"), "\(verified.stdout)")
        // Someone with the file rewrites the whole trail and recomputes the chain: the anchors see it.
        let connection = try Connection(path: directory + "/data/a.sqlite")
        try AuditChainTests.rewriteEverything(connection, detail: "réécrit")
        let rewritten = try await CommandRunner.run(["audit", "verify", "--db", directory + "/data/a.sqlite", "--anchors", directory + "/serve.log"],
                                                    directory: directory)
        #expect(rewritten.status == 1 && rewritten.stdout.contains("ne correspond pas à la chaîne"), "\(rewritten.stdout)")
        let withoutAnchors = try await CommandRunner.run(["audit", "verify", "--db", directory + "/data/a.sqlite"], directory: directory)
        #expect(withoutAnchors.status == 0, "a recomputed chain holds by itself: only the anchors outside the database catch it")
    }
}
