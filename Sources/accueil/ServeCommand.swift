import AccueilCore
import AccueilWeb
import Foundation
import HTTPServer
import Mail

enum ServeCommand {
    static let help = """
        Usage : accueil serve [options]

        Démarre le serveur web. La base est créée et migrée au premier démarrage.

        Options (et variables d'environnement équivalentes) :
          --host ADRESSE     adresse d'écoute (ACCUEIL_HOST, défaut 127.0.0.1)
          --port PORT        port d'écoute (ACCUEIL_PORT, défaut 8080 ; 0 = port libre)
          --db FICHIER       base SQLite (ACCUEIL_DB, défaut data/accueil.sqlite)
          --public DOSSIER   fichiers statiques (ACCUEIL_PUBLIC, défaut Public)
          --resources DOSSIER données de référence (ACCUEIL_RESOURCES, défaut Resources)
          --production       mode production : aucun compte de démonstration (ACCUEIL_PRODUCTION=1)
          --behind-tls       derrière un proxy TLS : cookies Secure, HSTS (ACCUEIL_BEHIND_TLS=1)
          --desk-phone NUMÉRO téléphone de l'accueil, imprimé sur la fiche d'orientation quand le site d'accueil n'en a pas
                             (ACCUEIL_DESK_PHONE ; en production, un avertissement s'affiche s'il est vide)
          --trust-proxy      adresse du client lue dans X-Forwarded-For (dernier maillon, ajouté par le proxy) pour
                             limiter les tentatives de connexion par poste (ACCUEIL_TRUST_PROXY=1)
          --public-url URL   adresse publique du service (ACCUEIL_PUBLIC_URL, par exemple https://accueil.exemple.fr) :
                             début de tout lien absolu donné par le serveur (abonnements d'agenda) ; obligatoire en
                             production, sinon http://HÔTE:PORT d'écoute
          --smtp-url URL     relais SMTP des courriels aux partenaires, smtp://hôte:587 ou smtps://hôte:465
                             (ACCUEIL_SMTP_URL ; sans relais, les liens aux partenaires sont seulement imprimés)
          --smtp-tls MODE    require (STARTTLS obligatoire, défaut), try ou none (ACCUEIL_SMTP_TLS)
          --smtp-user NOM    authentification au relais (ACCUEIL_SMTP_USER ; mot de passe : ACCUEIL_SMTP_PASSWORD)
          --mail-from ADR    expéditeur des courriels (ACCUEIL_MAIL_FROM ; obligatoire avec --smtp-url)
          --api-rate N       appels par minute permis à chaque jeton d'API (ACCUEIL_API_RATE, défaut 120)
          --quiet            pas de journal d'accès
        Arrêt propre sur SIGTERM ou SIGINT (Ctrl-C) : les requêtes en cours se terminent.
        """

    static func run(_ args: ArraySlice<String>) async throws -> Int32 {
        let arguments = try CommandLineArguments(args, options: ["host", "port", "db", "public", "resources", "desk-phone", "public-url", "api-rate", "smtp-url", "smtp-tls", "smtp-user",
                                                            "mail-from", "mail-retry-scale"],
                                                 flags: ["production", "behind-tls", "trust-proxy", "quiet", "help"])
        if arguments.flags.contains("help") { print(help); return 0 }
        let env = Environment.current
        var configuration = AppConfiguration()
        configuration.publicDirectory = arguments.value("public", environment: "ACCUEIL_PUBLIC", default: "Public", in: env)
        configuration.resourcesDirectory = arguments.value("resources", environment: "ACCUEIL_RESOURCES", default: "Resources", in: env)
        configuration.production = arguments.flags.contains("production") || Environment.isTrue(env["ACCUEIL_PRODUCTION"])
        configuration.behindTLS = arguments.flags.contains("behind-tls") || Environment.isTrue(env["ACCUEIL_BEHIND_TLS"])
        configuration.trustProxy = arguments.flags.contains("trust-proxy") || Environment.isTrue(env["ACCUEIL_TRUST_PROXY"])
        let deskPhone = arguments.value("desk-phone", environment: "ACCUEIL_DESK_PHONE", default: "", in: env).trimmingCharacters(in: .whitespaces)
        configuration.deskPhone = deskPhone.isEmpty ? nil : deskPhone
        if configuration.production && configuration.deskPhone == nil {
            Environment.printError("Attention : aucun téléphone d'accueil (--desk-phone, ACCUEIL_DESK_PHONE). Une fiche d'orientation dont le site "
                                   + "d'accueil n'a pas de téléphone n'indiquera aucun numéro à appeler.")
        }

        var server = ServerConfiguration()
        server.host = arguments.value("host", environment: "ACCUEIL_HOST", default: "127.0.0.1", in: env)
        let portText = arguments.value("port", environment: "ACCUEIL_PORT", default: "8080", in: env)
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw CommandLineArguments.UsageError(description: "port invalide : \(portText)")
        }
        server.port = port
        let rateText = arguments.value("api-rate", environment: "ACCUEIL_API_RATE", default: "120", in: env)
        guard let rate = Int(rateText), (1...100_000).contains(rate) else {
            throw CommandLineArguments.UsageError(description: "--api-rate invalide : \(rateText) (1 à 100 000 appels par minute)")
        }
        configuration.apiCallsPerMinute = rate
        let smtp = try smtpClient(arguments, env)
        // Shortens the mail back-off for drills and tests; a number in (0, 1].
        let retryText = arguments.value("mail-retry-scale", environment: "ACCUEIL_MAIL_RETRY_SCALE", default: "1", in: env)
        guard let retryScale = Double(retryText), retryScale.isFinite, retryScale > 0, retryScale <= 1 else {
            throw CommandLineArguments.UsageError(description: "--mail-retry-scale : un nombre entre 0 (exclu) et 1")
        }
        if smtp != nil {
            let from = arguments.value("mail-from", environment: "ACCUEIL_MAIL_FROM", default: "", in: env)
            guard from.contains("@"), !from.contains(where: \.isWhitespace) else {
                throw CommandLineArguments.UsageError(description: "--mail-from : une adresse d'expéditeur est requise avec --smtp-url")
            }
            configuration.mailFrom = from
        }
        let publicURL = arguments.value("public-url", environment: "ACCUEIL_PUBLIC_URL", default: "", in: env)
        if publicURL.isEmpty {
            guard !configuration.production else {
                Environment.printError("Adresse publique manquante (--public-url, ACCUEIL_PUBLIC_URL, par exemple https://accueil.exemple.fr) : "
                                       + "les liens que le serveur donne (abonnements d'agenda) commencent par elle.")
                return 1
            }
            // The listening address, set once the socket is bound (see below).
        } else {
            guard let valid = AppConfiguration.validPublicURL(publicURL) else {
                throw CommandLineArguments.UsageError(description: "adresse publique invalide : \(publicURL) (http(s)://hôte[:port][/chemin], sans paramètres)")
            }
            configuration.publicURL = valid
        }

        let databasePath = DatabaseSettings.path(arguments, env)
        Environment.makeParentDirectory(of: databasePath)
        // Held while serving: `accueil restore` refuses to replace a live database, and a second
        // server on the same file is refused too.
        guard let databaseLock = DatabaseLock.acquire(for: databasePath) else {
            Environment.printError("Un autre serveur utilise déjà la base \(databasePath).")
            return 1
        }
        let store = try DatabaseSettings.open(databasePath)
        let context = try Bootstrap.makeContext(store: store, configuration: configuration)
        let metrics = ServerMetrics()
        let responder = Application.responder(context: context, metrics: metrics)
        let httpServer = HTTPServer(configuration: server, errorResponder: ErrorPages.serverResponder(behindTLS: configuration.behindTLS),
                                    logger: arguments.flags.contains("quiet") ? nil : AccessLog.hidingSecrets(under: ["/agenda/", "/partenaire/"], AccessLog.standardError)) { request in
            await Application.answer(request, responder: responder, metrics: metrics)
        }
        metrics.countConnections { httpServer.connectionCount }
        try httpServer.start()
        context.listening.set(host: server.host == "0.0.0.0" ? "127.0.0.1" : server.host, port: httpServer.port ?? port)
        try AuditAnchorLog.write(store)
        // Annexe 1 §12: what has passed its retention period goes, every day, without anyone having to remember.
        let purge = PurgeScheduler(store: store, clock: context.clock)
        // Mails to partners leave from the queue, never from a request (docs/partners.md).
        let mailer = smtp.map { client in
            MailWorker(store: store, clock: context.clock, interval: .seconds(retryScale < 1 ? 1 : 5), retryScale: retryScale) { [from = configuration.mailFrom ?? ""] to, subject, body, id in
                try client.send(MailMessage(from: from, to: to, subject: subject, body: body, id: id))
            }
        }
        let signals = ShutdownSignals { httpServer.shutdown() }
        Environment.printError("Accueil commun \(AppConfiguration.version) : http://\(server.host):\(httpServer.port ?? port)/ (base \(databasePath)\(configuration.production ? ", production" : ", démonstration"))")
        await httpServer.stopped()
        withExtendedLifetime(signals) {}
        withExtendedLifetime(databaseLock) {}
        purge.cancel()
        mailer?.cancel()
        try AuditAnchorLog.write(store)
        Environment.printError("Arrêt propre terminé.")
        return 0
    }

    /// The SMTP relay from options and environment, or nil when none is configured.
    static func smtpClient(_ arguments: CommandLineArguments, _ env: [String: String]) throws -> SMTPClient? {
        let url = arguments.value("smtp-url", environment: "ACCUEIL_SMTP_URL", default: "", in: env)
        guard !url.isEmpty else { return nil }
        guard SMTPClient.isValidURL(url) else {
            throw CommandLineArguments.UsageError(description: "--smtp-url invalide : smtp://hôte:port ou smtps://hôte:port, sans identifiant (--smtp-user)")
        }
        let tlsText = arguments.value("smtp-tls", environment: "ACCUEIL_SMTP_TLS", default: "require", in: env)
        guard let tls = SMTPClient.TLS(rawValue: tlsText) else { throw CommandLineArguments.UsageError(description: "--smtp-tls : require, try ou none") }
        let user = arguments.value("smtp-user", environment: "ACCUEIL_SMTP_USER", default: "", in: env)
        // A password never crosses the network in clear: authentication needs TLS from the start or STARTTLS required.
        if !user.isEmpty, !(url.hasPrefix("smtps://") || tls == .require) {
            throw CommandLineArguments.UsageError(description: "--smtp-user : l'authentification exige smtps:// ou --smtp-tls require")
        }
        return SMTPClient(url: url, tls: tls, user: user.isEmpty ? nil : user, password: env["ACCUEIL_SMTP_PASSWORD"])
    }
}
